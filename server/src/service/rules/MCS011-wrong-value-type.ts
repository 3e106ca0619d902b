// MCS011: a whole value of the wrong type (`ips: 10.0.0.1`, `ports: [80]`, `spec: web`, `exportedLabels:
// [a]`, `appProtocol: 8080`). The CRD's structural schema types every field, and the API server checks them
// before anything else ("spec.ips in body must be of type array: \"string\""); ObjectMeta is decoded by
// kubectl into Go types first ("cannot unmarshal number into Go struct field ObjectMeta.metadata.labels").
// What the server does NOT reject, checked against a real API server by the differential test:
//   - a null in a mapping (`ips: null`) is dropped as if absent (requiredness is MCS402/MCS603's business);
//   - status on create/apply is discarded whole (status subresource), so a wrong type there is dropped too,
//     except a mapping where a scalar or list belongs: strict field validation reports its keys as unknown.
import { formatPath, keyText, type NodePath } from '../parse/path';
import type { YNode, YScalar } from '../parse/yamlTree';
import { schemaFor, type FieldSchema, type FieldType } from '../model/schemas';
import type { Finding, QuickFix, Rule, RuleContext } from './rule';

/** The JSON type the API server names for a YAML node, as in its messages. */
export function jsonTypeOf(n: YNode): string {
  if (n.type === 'map') return 'object';
  if (n.type === 'seq') return 'array';
  if (n.type === 'alias') return 'alias';
  const v = n.value;
  if (v === null) return 'null';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** Schema type → the CRD's type (maps are objects with additionalProperties). */
const CRD_TYPE: Record<FieldType, string> = {
  object: 'object',
  map: 'object',
  array: 'array',
  string: 'string',
  integer: 'integer',
  boolean: 'boolean',
};

/** Go's name of the JSON value kind, for kubectl's decoding message. */
const GO_KIND: Record<string, string> = {
  object: 'object',
  array: 'array',
  string: 'string',
  integer: 'number',
  number: 'number',
  boolean: 'bool',
};

const A = (t: string) => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`);

function shown(n: YNode): string {
  if (n.type !== 'scalar') return jsonTypeOf(n) === 'object' ? 'a mapping' : 'a list';
  if (typeof n.value === 'string') return `the string "${n.value.length > 40 ? `${n.value.slice(0, 40)}…` : n.value}"`;
  return `${A(jsonTypeOf(n))} (${String(n.value)})`;
}

function fixesFor(path: NodePath, node: YNode, want: string): QuickFix[] {
  if (node.type !== 'scalar' || node.value === null) return [];
  if (want === 'string' && typeof node.value !== 'string')
    return [
      {
        title: `Quote it: "${String(node.value)}"`,
        edits: [{ op: 'replaceValue', path, text: `"${String(node.value)}"` }],
        preferred: true,
      },
    ];
  if (want === 'array') {
    const text = typeof node.value === 'string' ? JSON.stringify(node.value) : String(node.value);
    return [{ title: `Make it a list: [${text}]`, edits: [{ op: 'replaceValue', path, text: `[${text}]` }], preferred: true }];
  }
  return [];
}

function finding(kind: string, path: NodePath, node: YNode, schema: FieldSchema, inItem: boolean): Finding {
  const want = CRD_TYPE[schema.type];
  const got = jsonTypeOf(node);
  const where = formatPath(path);
  const inStatus = path[0] === 'status';
  if (path[0] === 'metadata') {
    // kubectl decodes metadata into ObjectMeta (Go types) before sending anything.
    const goWant =
      schema.type === 'map'
        ? 'map[string]string'
        : schema.type === 'array'
          ? 'slice'
          : schema.type === 'integer'
            ? 'int64'
            : schema.type;
    return {
      ruleId: 'MCS011',
      message: `${where} is ${shown(node)}, but ObjectMeta declares ${A(schema.type === 'map' ? 'map of strings' : want)}: kubectl apply rejects the ${kind} before sending it (json: cannot unmarshal ${GO_KIND[got] ?? got} into Go struct field ObjectMeta.${where} of type ${goWant}).`,
      path,
      fixes: fixesFor(path, node, want),
    };
  }
  if (inStatus) {
    return {
      ruleId: 'MCS011',
      message: `${where} is a mapping, but the CRD declares ${A(want)}: the status of a created object is discarded, yet strict field validation (kubectl's default) reports the mapping's keys as unknown fields, so kubectl apply rejects the ${kind}. Remove the status.`,
      path,
    };
  }
  return {
    ruleId: 'MCS011',
    message: `${where} is ${shown(node)}, but the CRD declares ${A(want)}${inItem && got === 'null' ? ' (a null list item is not dropped)' : ''}: the API server rejects the ${kind} ("${where} in body must be of type ${want}: \\"${got}\\"").`,
    path,
    fixes: fixesFor(path, node, want),
  };
}

function matches(schema: FieldSchema, node: YNode): boolean {
  return jsonTypeOf(node) === CRD_TYPE[schema.type];
}

/**
 * Values whose type a rule of their own already reports, with advice specific to the field (unquote a
 * port, quote a label value): MCS011 stays quiet there so no value gets two errors. `*` is any segment.
 */
const OWNED: Record<string, readonly (readonly string[])[]> = {
  ServiceImport: [
    ['spec'], // MCS402
    ['spec', 'ports'], // MCS402
    ['spec', 'ports', '*', 'port'], // MCS411
    ['spec', 'ports', '*', 'name'], // MCS413
    ['spec', 'ips', '*'], // MCS405
  ],
  ServiceExport: [
    ['spec', 'exportedLabels', '*'], // MCS106
    ['spec', 'exportedAnnotations', '*'], // MCS106
  ],
  ClusterProperty: [['spec', 'value']], // MCS603
};

function owned(kind: string, path: NodePath): boolean {
  return (OWNED[kind] ?? []).some((p) => p.length === path.length && p.every((seg, i) => seg === '*' || seg === path[i]));
}

/** A node still to visit; its path is rebuilt from the parent links only when a finding needs it. */
interface Visit {
  node: YNode;
  schema: FieldSchema;
  parent: Visit | undefined;
  segment: string | number | undefined;
  /** The first segment of the path (`status`, `metadata`, …). */
  top: string | number | undefined;
  inItem: boolean;
}

function pathOf(v: Visit): NodePath {
  const out: Array<string | number> = [];
  for (let cur: Visit | undefined = v; cur && cur.segment !== undefined; cur = cur.parent) out.push(cur.segment);
  return out.reverse();
}

/** Walks the document beside the schema (explicit stack: deep or wide documents stay cheap). */
function walk(kind: string, root: YNode, rootSchema: FieldSchema): Finding[] {
  const out: Finding[] = [];
  const stack: Visit[] = [
    { node: root, schema: rootSchema, parent: undefined, segment: undefined, top: undefined, inItem: false },
  ];
  for (let v = stack.pop(); v; v = stack.pop()) {
    const { node, schema } = v;
    if (node.type === 'alias' || schema.open) continue; // aliases are the parser's business; open = server-managed
    const isNull = node.type === 'scalar' && (node as YScalar).value === null;
    if (isNull && !v.inItem) continue; // dropped by the server (or decoded as the zero value) like an absent key
    if (!matches(schema, node)) {
      const inStatus = v.top === 'status';
      // Status is discarded on create; only a mapping's keys are still reported (unknown fields).
      const reported = !inStatus || (node.type === 'map' && node.pairs.length > 0 && CRD_TYPE[schema.type] !== 'object');
      if (reported && !(v.top === 'metadata' && isNull)) {
        const path = pathOf(v);
        if (!owned(kind, path)) out.push(finding(kind, path, node, schema, v.inItem));
      }
      continue;
    }
    if (node.type === 'map') {
      for (const p of node.pairs) {
        const k = keyText(p);
        if (k === undefined || k === '<<' || !p.value) continue;
        const child =
          schema.type === 'map'
            ? schema.values
            : Object.prototype.hasOwnProperty.call(schema.fields ?? {}, k)
              ? schema.fields?.[k]
              : undefined;
        if (child) stack.push({ node: p.value, schema: child, parent: v, segment: k, top: v.top ?? k, inItem: false });
      }
    } else if (node.type === 'seq' && schema.items) {
      for (let i = node.items.length - 1; i >= 0; i--)
        stack.push({ node: node.items[i], schema: schema.items, parent: v, segment: i, top: v.top ?? i, inItem: true });
    }
  }
  return out;
}

export const mcs011: Rule = {
  id: 'MCS011',
  title: 'Value of the wrong type',
  severity: 'error',
  kinds: ['ServiceExport', 'ServiceImport', 'ClusterProperty'],
  check(ctx: RuleContext): Finding[] {
    const { root, apiVersion, kind } = ctx.doc;
    // GKE's net.gke.io CRDs are not public source: no claim about their schema (as MCS004).
    if (!root || !kind || apiVersion?.startsWith('net.gke.io/')) return [];
    const schema = schemaFor(apiVersion, kind);
    if (!schema) return [];
    return walk(kind, root, schema.root);
  },
};
