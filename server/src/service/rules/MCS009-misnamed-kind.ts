// MCS009: a document that is almost an MCS object but whose kind kubectl cannot map: a misspelled or wrongly cased
// kind (`serviceexport`, `ServiceImports`), or no kind at all beside an MCS apiVersion. kubectl refuses it
// ("no matches for kind …" / "Object 'Kind' is missing"), and until now the linter dropped it silently.
import { MISNAMED_KIND } from '../parse/kindSuggestion';
import { hasPath } from '../parse/path';
import { excerpt } from '../parse/yaml11';
import type { Finding, QuickFix, Rule, RuleContext } from './rule';

export const mcs009: Rule = {
  id: 'MCS009',
  title: 'Misspelled or missing MCS kind',
  severity: 'error',
  kinds: [MISNAMED_KIND],
  check(ctx: RuleContext): Finding[] {
    const s = ctx.doc.kindSuggestion;
    if (!s) return [];
    const version = ctx.doc.apiVersion ? ` of ${excerpt(ctx.doc.apiVersion)}` : '';
    if (s.missing) {
      const anchor = hasPath(ctx.doc.root, ['apiVersion']) ? ['apiVersion'] : [];
      const insert = kindInsertion(ctx);
      return [
        {
          ruleId: 'MCS009',
          message: `This document has an MCS apiVersion but no kind: kubectl refuses it ("Object 'Kind' is missing"). Add kind: ${s.kinds.join(' or kind: ')}.`,
          path: anchor,
          target: 'key',
          fixes: insert
            ? s.kinds.map((k, i): QuickFix => ({
                title: `Add kind: ${k}`,
                edits: [{ op: 'insertText', at: insert.at, text: insert.text(k) }],
                preferred: i === 0 && s.kinds.length === 1,
              }))
            : [],
        },
      ];
    }
    const written = ctx.doc.kind ?? '';
    const want = s.kinds[0];
    const why = written.toLowerCase() === want.toLowerCase() ? ' (kinds are case-sensitive)' : '';
    return [
      {
        ruleId: 'MCS009',
        message: `kind "${excerpt(written)}" is not a kind${version}${why}: kubectl cannot map it ("no matches for kind") and nothing is applied, so this object is not linted either. Did you mean ${want}?`,
        path: ['kind'],
        fixes: [{ title: `Change to ${want}`, edits: [{ op: 'replaceValue', path: ['kind'], text: want }], preferred: true }],
      },
    ];
  },
};

/** Where `kind: X` goes: before the first key of a block mapping (same indentation), after `{` of a flow one. */
function kindInsertion(ctx: RuleContext): { at: number; text: (kind: string) => string } | undefined {
  const root = ctx.doc.root;
  if (root?.type !== 'map' || root.pairs.length === 0) return undefined;
  if (root.flow) return { at: root.start + 1, text: (k) => `kind: ${k}, ` };
  const at = root.pairs[0].key.start;
  const column = at - (ctx.doc.text.lastIndexOf('\n', at - 1) + 1);
  return { at, text: (k) => `kind: ${k}\n${' '.repeat(column)}` };
}
