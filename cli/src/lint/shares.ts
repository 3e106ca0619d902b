// How `clusterset lint` shares validation between threads that each hold the whole workspace: the files, in
// walk order, and their documents form one sequence of items, cut into contiguous shares of about equal
// estimated cost; a share is a list of pieces (a run of one file's documents). Every thread computes the same
// split from the same parsed workspace, so nothing but the diagnostics has to cross between them, and the
// shares concatenated in order are exactly the whole workspace in validation order.
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { LanguageService, RuleCrash } from '../../../server/src/service/public';
import type { LintDiagnostic, LintSeverity } from '../format/report';

/** Estimated validation cost of a document a rule reads (kinds of interest, parsed in full). */
const DOC_COST = 1;
/** …of a document skipped before parsing (no rule reads it: only its syntax problems are looked at). */
const SKIPPED_COST = 0.02;
/** …of a file of its own (suppression comments scanned, lookups), whatever its documents. */
const FILE_COST = 0.3;

/** Documents `from`–`to` (positions in the file's `documents`) of the `file`-th file of the walk. */
export interface Piece {
  file: number;
  from: number;
  to: number;
}

export interface Split {
  /** Pieces of each share, share 0 first; in order they tile every file. */
  shares: Piece[][];
  /** Documents that rules read, in all (small inputs are not worth a worker). */
  documentsOfInterest: number;
}

/** Splits the validation of `uris` (walk order) into `count` shares; `firstShare`: share 0's part of the cost. */
export function splitShares(service: LanguageService, uris: readonly string[], count: number, firstShare = 1 / count): Split {
  const costs: number[][] = [];
  let total = 0;
  let documentsOfInterest = 0;
  for (const uri of uris) {
    const docs = service.getFile(uri)?.documents ?? [];
    const ofFile: number[] = docs.map((p) => (p.doc.skipped ? SKIPPED_COST : DOC_COST));
    for (const p of docs) if (!p.doc.skipped) documentsOfInterest++;
    // The file's own cost rides on its first document (a file of no documents is one item of its own).
    if (ofFile.length) ofFile[0] += FILE_COST;
    else ofFile.push(FILE_COST);
    costs.push(ofFile);
    for (const c of ofFile) total += c;
  }
  // Where each share ends on the cost axis: share 0 takes `firstShare`, the rest equal parts of what is left.
  const ends: number[] = [];
  for (let s = 0; s < count; s++)
    ends.push(s === count - 1 ? Infinity : total * (firstShare + (s * (1 - firstShare)) / Math.max(1, count - 1)));
  const shares: Piece[][] = Array.from({ length: count }, () => []);
  let share = 0;
  let done = 0;
  costs.forEach((ofFile, file) => {
    const docCount = service.getFile(uris[file])?.documents.length ?? 0;
    ofFile.forEach((cost, i) => {
      // An item belongs to the share its middle falls in; shares only ever move forward.
      while (share < count - 1 && done + cost / 2 > ends[share]) share++;
      done += cost;
      const pieces = shares[share];
      const last = pieces[pieces.length - 1];
      if (last && last.file === file) last.to = Math.min(docCount, i + 1);
      else pieces.push({ file, from: i, to: Math.min(docCount, i + 1) });
    });
  });
  return { shares, documentsOfInterest };
}

/** A diagnostic as `clusterset lint` reports it, its file given by the piece. */
export type PieceDiagnostic = Omit<LintDiagnostic, 'file'>;

/** A rule crash that can cross between threads (the error as the text the CLI prints). */
export type PieceCrash = Omit<RuleCrash, 'error'> & { error: string };

export interface PieceResult {
  piece: Piece;
  diagnostics: PieceDiagnostic[];
  crashes: PieceCrash[];
}

const SEVERITY: Record<DiagnosticSeverity, LintSeverity> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

/** Crash text as `clusterset lint` prints it. */
export function crashText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** Validates `pieces`; `crashes` is the service's crash list (what each piece added is taken out of it). */
export function validatePieces(
  service: LanguageService,
  crashes: RuleCrash[],
  uris: readonly string[],
  pieces: readonly Piece[],
): PieceResult[] {
  return pieces.map((piece) => {
    const before = crashes.length;
    const diagnostics = service
      .validate(uris[piece.file], { from: piece.from, to: piece.to })
      .diagnostics.map((d): PieceDiagnostic => ({
        range: d.range,
        severity: SEVERITY[d.severity ?? DiagnosticSeverity.Error],
        code: String(d.code ?? ''),
        message: d.message,
      }));
    const added = crashes.splice(before).map((c) => ({ ...c, error: crashText(c.error) }));
    return { piece, diagnostics, crashes: added };
  });
}
