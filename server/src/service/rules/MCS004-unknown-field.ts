// MCS004: a key the CRD schema (latest release) does not define. Strict server-side field validation
// (kubectl's default) rejects the object; other clients have the field pruned silently (facts §2, §3).
// The version-dependent case (a field newer than the installed CRDs) is MCS005's.
import { formatPath, keyText, type NodePath } from '../parse/path';
import type { YMap, YNode, YPair } from '../parse/yamlTree';
import { schemaFor, type FieldSchema, type KindSchema, type KnownMistake } from '../model/schemas';
import { closestName } from '../model/schemas/suggest';
import type { Finding, QuickFix, Rule, RuleContext } from './rule';

const RUNTIME =
  "the API server rejects the object under strict field validation (kubectl's default) and otherwise drops the field silently";

function where(kind: string, parent: NodePath): string {
  return parent.length ? `${kind} ${formatPath(parent)}` : kind;
}

function knownMistakeFinding(kind: string, parent: NodePath, key: string, pair: YPair, mistake: KnownMistake): Finding {
  const path = [...parent, key];
  const fixes: QuickFix[] = [];
  if (mistake.renameTo)
    fixes.push({
      title: `Rename ${key} to ${mistake.renameTo}`,
      edits: [{ op: 'renameKey', path, newKey: mistake.renameTo }],
      preferred: true,
    });
  const value = pair.value;
  if (mistake.wrapInListAs && value?.type === 'scalar' && value.value !== null) {
    const text = `${mistake.wrapInListAs}: [${String(value.value)}]`;
    fixes.push({
      title: `Replace with ${text}`,
      edits: [{ op: 'replaceSpan', start: pair.span.start, end: pair.span.end, text }],
      preferred: true,
    });
  }
  return {
    ruleId: 'MCS004',
    message: `Unknown field "${key}" in ${where(kind, parent)}: ${mistake.hint}. ${capitalise(RUNTIME)}.`,
    path,
    target: 'key',
    fixes,
  };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function unknownKeyFinding(kind: string, parent: NodePath, key: string, schema: FieldSchema): Finding {
  const path = [...parent, key];
  const fields = Object.keys(schema.fields ?? {});
  const guess = closestName(key, fields);
  const listed = fields.length <= 12 ? ` Known fields here: ${fields.join(', ')}.` : '';
  if (guess) {
    return {
      ruleId: 'MCS004',
      message: `Unknown field "${key}" in ${where(kind, parent)}; did you mean "${guess}"? ${capitalise(RUNTIME)}.`,
      path,
      target: 'key',
      fixes: [{ title: `Rename ${key} to ${guess}`, edits: [{ op: 'renameKey', path, newKey: guess }], preferred: true }],
    };
  }
  return {
    ruleId: 'MCS004',
    message: `Unknown field "${key}" in ${where(kind, parent)}: ${RUNTIME}.${listed}`,
    path,
    target: 'key',
  };
}

/** A node still to visit; the path is rebuilt from parent links only when a finding needs it. */
interface Visit {
  node: YNode;
  schema: FieldSchema;
  parent: Visit | undefined;
  segment: string | number | undefined;
}

function pathOf(v: Visit): NodePath {
  const out: Array<string | number> = [];
  for (let cur: Visit | undefined = v; cur && cur.segment !== undefined; cur = cur.parent) out.push(cur.segment);
  return out.reverse();
}

/** Only containers can hold unknown keys; scalar lists (podCIDRs) and string maps (labels) are skipped. */
const worthCache = new WeakMap<FieldSchema, boolean>();
function worthVisiting(s: FieldSchema): boolean {
  let w = worthCache.get(s);
  if (w === undefined) {
    w =
      !s.open &&
      (s.type === 'object' ||
        (s.type === 'array' && !!s.items && worthVisiting(s.items)) ||
        (s.type === 'map' && !!s.values && worthVisiting(s.values)));
    worthCache.set(s, w);
  }
  return w;
}

/** Walks the tree beside the schema with an explicit stack, so 10,000-cluster ClusterSet files stay cheap. */
function walk(kind: KindSchema, root: YNode): Finding[] {
  const out: Finding[] = [];
  const stack: Visit[] = [{ node: root, schema: kind.root, parent: undefined, segment: undefined }];
  for (let v = stack.pop(); v; v = stack.pop()) {
    const { node, schema } = v;
    if (schema.type === 'array' && node.type === 'seq' && schema.items && worthVisiting(schema.items)) {
      for (let i = node.items.length - 1; i >= 0; i--)
        stack.push({ node: node.items[i], schema: schema.items, parent: v, segment: i });
    } else if (schema.type === 'map' && node.type === 'map' && schema.values && worthVisiting(schema.values)) {
      for (const p of node.pairs) {
        const k = keyText(p);
        if (k !== undefined && p.value) stack.push({ node: p.value, schema: schema.values, parent: v, segment: k });
      }
    } else if (schema.type === 'object' && node.type === 'map' && !schema.open) {
      checkObject(kind, v, node, schema, out, stack);
    }
  }
  return out;
}

function checkObject(kind: KindSchema, v: Visit, node: YMap, schema: FieldSchema, out: Finding[], stack: Visit[]): void {
  const fields = schema.fields ?? {};
  const children: Visit[] = [];
  for (const p of node.pairs) {
    const k = keyText(p);
    if (k === undefined || k === '<<') continue; // merge keys bring in fields we cannot see without expanding aliases
    const child = Object.prototype.hasOwnProperty.call(fields, k) ? fields[k] : undefined;
    if (child) {
      if (p.value && worthVisiting(child)) children.push({ node: p.value, schema: child, parent: v, segment: k });
      continue;
    }
    const mistake =
      schema.knownMistakes && Object.prototype.hasOwnProperty.call(schema.knownMistakes, k) ? schema.knownMistakes[k] : undefined;
    const path = pathOf(v);
    out.push(mistake ? knownMistakeFinding(kind.kind, path, k, p, mistake) : unknownKeyFinding(kind.kind, path, k, schema));
  }
  for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
}

export const mcs004: Rule = {
  id: 'MCS004',
  title: 'Unknown field',
  severity: 'error',
  configurable: { severitySetting: 'unknownFieldSeverity' },
  kinds: ['ServiceExport', 'ServiceImport', 'ClusterProperty', 'ClusterSet'],
  check(ctx: RuleContext): Finding[] {
    const { root, apiVersion, kind } = ctx.doc;
    // GKE's net.gke.io CRDs are not public source: we do not claim their fields (documented in MCS004.md).
    if (!root || apiVersion?.startsWith('net.gke.io/')) return [];
    const schema = schemaFor(apiVersion, kind);
    if (!schema) return [];
    return walk(schema, root);
  },
};
