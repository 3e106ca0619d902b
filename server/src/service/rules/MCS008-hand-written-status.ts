// MCS008: a `status:` block in a ServiceExport/ServiceImport manifest. Both CRDs enable the status
// subresource, so status in a create/apply request is ignored; the controller owns it (facts §1, §2).
import { findPair, keyText, nodeAt, type NodePath } from '../parse/path';
import type { ParsedDocument } from '../parse/parsedDocument';
import { isServerDump } from './MCS4xx-import-helpers';
import type { FixEdit, Finding, Rule, RuleContext } from './rule';

/**
 * An edit deleting the pair at `path`: whole lines in block style (the key's line through the value's last
 * line), the pair and one separating comma in flow style. Undefined when the pair is not found or shares its
 * first line with something else (`- status: …`), where deleting lines would break the document.
 */
export function removePairEdit(doc: ParsedDocument, path: NodePath): FixEdit | undefined {
  const parent = nodeAt(doc.root, path.slice(0, -1));
  const key = path[path.length - 1];
  if (parent?.type !== 'map' || typeof key !== 'string') return undefined;
  const pair = findPair(parent, key);
  if (!pair) return undefined;
  const text = doc.text;
  if (parent.flow) {
    const i = parent.pairs.indexOf(pair);
    if (i > 0) return { op: 'replaceSpan', start: parent.pairs[i - 1].span.end, end: pair.span.end, text: '' };
    if (parent.pairs.length > 1) return { op: 'replaceSpan', start: pair.span.start, end: parent.pairs[1].key.start, text: '' };
    return { op: 'replaceSpan', start: pair.span.start, end: pair.span.end, text: '' };
  }
  const lineStart = text.lastIndexOf('\n', pair.key.start - 1) + 1;
  if (text.slice(lineStart, pair.key.start).trim() !== '') return undefined;
  const newline = text.indexOf('\n', Math.max(pair.span.end - 1, pair.key.end));
  return { op: 'replaceSpan', start: lineStart, end: newline < 0 ? text.length : newline + 1, text: '' };
}

export const mcs008: Rule = {
  id: 'MCS008',
  title: 'Hand-written status block',
  severity: 'hint',
  kinds: ['ServiceExport', 'ServiceImport'],
  check(ctx: RuleContext): Finding[] {
    const root = ctx.doc.root;
    if (root?.type !== 'map' || !root.pairs.some((p) => keyText(p) === 'status')) return [];
    // A `kubectl get -o yaml` dump carries the status the controller wrote: nothing to remove there.
    if (isServerDump(ctx.doc)) return [];
    const remove = removePairEdit(ctx.doc, ['status']);
    const owner =
      ctx.doc.kind === 'ServiceExport'
        ? 'the MCS controller writes Valid/Ready/Conflict conditions there'
        : 'the MCS controller writes it';
    return [
      {
        ruleId: 'MCS008',
        message: `status in a ${ctx.doc.kind} manifest is ignored: the CRD uses the status subresource, so create/apply drops it and ${owner}. Remove it from the manifest (it is fine in a kubectl get dump).`,
        path: ['status'],
        target: 'key',
        fixes: remove ? [{ title: 'Remove the status block', edits: [remove] }] : [],
      },
    ];
  },
};
