// The differential test's two verdicts and their comparison: what `kubectl apply --dry-run=server
// --validate=strict` does with a case, what the language service says about it, and whether they agree.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLanguageService } from '../../server/src/service/public';
import type { Category, DiffCase } from './differentialCases';

export interface ApplyResult {
  accepted: boolean;
  /** kubectl's error line(s), without the file path. */
  output: string;
}

export interface LintResult {
  errors: { code: string; message: string }[];
  /** Diagnostics of any severity whose message says the server refuses the object. */
  claims: { code: string; message: string }[];
}

export type Outcome =
  'agree-accept' | 'agree-reject' | 'agree-broken' | 'missed-reject' | 'false-error' | 'false-claim' | 'not-gated';

/** A message that says the server itself refuses the object; it must be true. */
export const CLAIMS_SERVER_REJECTS = /\b(?:API server|upstream CRD|kubectl apply) (?:rejects|refuses)\b|\bmust be of type\b/i;

/**
 * The status rules' qualified claim: the server refuses such a status when a controller writes it (status
 * subresource), which a dry-run create cannot test, since an applied manifest's status is discarded.
 */
const STATUS_WRITE_CLAIM =
  /the API server rejects it when a controller writes the status \(an applied manifest has its status discarded\)/g;

export function claimsServerRejects(message: string): boolean {
  return CLAIMS_SERVER_REJECTS.test(message.replace(STATUS_WRITE_CLAIM, ''));
}

export type Kubectl = (args: string[]) => Promise<{ code: number; stdout: string; stderr: string }>;

/** Applies every case with server dry-run and strict field validation, `parallel` at a time. */
export async function applyAll(cases: DiffCase[], dir: string, kubectl: Kubectl, parallel = 6): Promise<ApplyResult[]> {
  mkdirSync(dir, { recursive: true });
  const out: ApplyResult[] = new Array<ApplyResult>(cases.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < cases.length; i = next++) {
      const file = join(dir, `case-${i}.yaml`);
      writeFileSync(file, cases[i].yaml);
      const r = await kubectl(['apply', '--dry-run=server', '--validate=strict', '-f', file]);
      out[i] = { accepted: r.code === 0, output: `${r.stderr}`.split(file).join('<case>').trim() };
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return out;
}

const SERVICE = (name: string, namespace: string) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${JSON.stringify(name)}\n  namespace: ${namespace}\nspec:\n  ports:\n  - name: http\n    port: 80\n`;

/** Lints a case the way the editor and `clusterset lint` do, beside the Service it exports. */
export function lintCase(c: DiffCase, crdVersion: string, namespace: string): LintResult {
  const service = createLanguageService({ settings: { crdVersion } });
  const uri = 'file:///workspace/clusters/east/case.yaml';
  service.setFile('file:///workspace/clusters/east/service.yaml', SERVICE(c.serviceName, namespace), 1);
  service.setFile(uri, c.yaml, 1);
  const all = service
    .validate(uri)
    .diagnostics.map((d) => ({ code: String(d.code), message: d.message, severity: d.severity ?? 1 }));
  const strip = ({ code, message }: { code: string; message: string }) => ({ code, message });
  return {
    errors: all.filter((d) => d.severity === 1).map(strip),
    claims: all.filter((d) => claimsServerRejects(d.message)).map(strip),
  };
}

export function outcomeOf(c: DiffCase, apply: ApplyResult, lint: LintResult): Outcome {
  if (c.notGated) return 'not-gated';
  const weError = lint.errors.length > 0;
  if (!apply.accepted) return weError ? 'agree-reject' : 'missed-reject';
  if (lint.claims.length > 0) return 'false-claim';
  if (!weError) return 'agree-accept';
  return c.brokenBeyondServer ? 'agree-broken' : 'false-error';
}

export const GATING_FAILURES: readonly Outcome[] = ['missed-reject', 'false-error', 'false-claim'];

export interface Row {
  c: DiffCase;
  apply: ApplyResult;
  lint: LintResult;
  outcome: Outcome;
}

const COLUMNS: { key: Outcome | 'server-rejects' | 'total'; title: string }[] = [
  { key: 'total', title: 'cases' },
  { key: 'server-rejects', title: 'server rejects' },
  { key: 'agree-reject', title: 'both reject' },
  { key: 'agree-accept', title: 'both accept' },
  { key: 'agree-broken', title: 'server accepts, error: cannot work' },
  { key: 'missed-reject', title: 'missed reject' },
  { key: 'false-error', title: 'false error' },
  { key: 'false-claim', title: 'untrue "server rejects"' },
  { key: 'not-gated', title: 'not gated' },
];

/** The agreement matrix as a Markdown table: one row per category, counts per outcome. */
export function matrix(rows: Row[]): string {
  const cats = [...new Set(rows.map((r) => r.c.category))] as Category[];
  const count = (rs: Row[], key: (typeof COLUMNS)[number]['key']) =>
    key === 'total'
      ? rs.length
      : key === 'server-rejects'
        ? rs.filter((r) => !r.apply.accepted).length
        : rs.filter((r) => r.outcome === key).length;
  const lines = [`| category | ${COLUMNS.map((c) => c.title).join(' | ')} |`, `|---|${COLUMNS.map(() => '---:').join('|')}|`];
  for (const cat of [...cats, 'all' as const]) {
    const rs = cat === 'all' ? rows : rows.filter((r) => r.c.category === cat);
    const cells = COLUMNS.map((c) => String(count(rs, c.key)));
    lines.push(`| ${cat === 'all' ? '**all**' : cat} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

export function describeRow(r: Row): string {
  const server = r.apply.accepted ? 'server accepts' : `server rejects: ${r.apply.output.split('\n')[0].slice(0, 220)}`;
  const shown = r.outcome === 'false-claim' ? r.lint.claims : r.lint.errors;
  const ours = shown.length ? shown.map((e) => `${e.code}: ${e.message.slice(0, 200)}`).join(' | ') : 'no error from the linter';
  return `${r.outcome}  ${r.c.id}\n    ${server}\n    ${ours}`;
}

/** describeRow on one line (for the test runner's diagnostics, which escape newlines). */
export function describeRowInline(r: Row): string {
  return describeRow(r).replace(/\n\s*/g, ' — ');
}
