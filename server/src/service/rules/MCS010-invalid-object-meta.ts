// MCS010: ObjectMeta as the API server validates it for every object, custom resources included
// (apimachinery's ValidateObjectMeta): the name is a DNS-1123 subdomain (≤253), the namespace a DNS-1123
// label, label keys qualified names and values label values, annotation keys qualified names (checked in
// lower case) and at most 256 KiB of annotations in total, finalizers qualified names. kubectl apply also
// needs a name (and refuses generateName), and client-side apply copies the object into the
// last-applied-configuration annotation, which counts against the same 256 KiB.
// Types (a number where a string belongs) are MCS011's; a name that cannot match a Service is MCS105's.
import {
  isDns1123Label,
  isDns1123Subdomain,
  labelValueProblem,
  MAX_DNS_NAME,
  MAX_LABEL,
  qualifiedNameProblem,
} from '../model/names';
import { asMap, asScalar, asSeq, keyText, nodeAt, type NodePath } from '../parse/path';
import type { YNode } from '../parse/yamlTree';
import type { Finding, Rule, RuleContext } from './rule';

/** apimachinery's TotalAnnotationSizeLimitB. */
export const ANNOTATIONS_LIMIT = 256 * 1024;

const SUBDOMAIN_RULE = `lowercase letters, digits, "-" and ".", starting and ending with a letter or digit, at most ${MAX_DNS_NAME} characters`;

function stringValue(n: YNode | null | undefined): string | undefined {
  const s = asScalar(n);
  return s && typeof s.value === 'string' ? s.value : undefined;
}

const short = (s: string) => (s.length > 48 ? `${s.slice(0, 40)}…(${s.length} characters)` : s);
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

function nameFindings(ctx: RuleContext, kind: string): Finding[] {
  const meta = asMap(nodeAt(ctx.doc.root, ['metadata']));
  const nameNode = nodeAt(meta, ['name']);
  const name = stringValue(nameNode);
  if (nameNode && asScalar(nameNode) && name === undefined && asScalar(nameNode)?.value !== null) return []; // MCS011
  if (name === undefined || name === '') {
    const generated = stringValue(nodeAt(meta, ['generateName']));
    const why = generated
      ? `it has only generateName "${generated}", and kubectl apply refuses generateName ("cannot use generate name with apply"); ${kind === 'ClusterProperty' ? 'the name of a ClusterProperty is the property it sets' : `a ${kind} must carry the exact name of its Service`}, so a generated name could not work anyway`
      : 'kubectl apply rejects an object without metadata.name ("resource name may not be empty")';
    return [
      {
        ruleId: 'MCS010',
        message: `${kind} has no metadata.name: ${why}. Set metadata.name.`,
        path: meta ? ['metadata'] : ['kind'],
        target: 'key',
      },
    ];
  }
  if (isDns1123Subdomain(name)) return [];
  const problem =
    name.length > MAX_DNS_NAME
      ? `it has ${name.length} characters (at most ${MAX_DNS_NAME})`
      : `a name is a DNS-1123 subdomain (${SUBDOMAIN_RULE})`;
  const lower = name.toLowerCase();
  return [
    {
      ruleId: 'MCS010',
      message: `metadata.name "${short(name)}" is not valid: ${problem}, so the API server rejects the ${kind}.`,
      path: ['metadata', 'name'],
      fixes:
        lower !== name && isDns1123Subdomain(lower)
          ? [
              {
                title: `Change to ${lower}`,
                edits: [{ op: 'replaceValue', path: ['metadata', 'name'], text: lower }],
                preferred: true,
              },
            ]
          : [],
    },
  ];
}

function namespaceFindings(ctx: RuleContext, kind: string): Finding[] {
  const ns = stringValue(nodeAt(ctx.doc.root, ['metadata', 'namespace']));
  if (ns === undefined || ns === '' || kind === 'ClusterProperty' || isDns1123Label(ns)) return [];
  return [
    {
      ruleId: 'MCS010',
      message: `metadata.namespace "${short(ns)}" is not a namespace name: namespaces are DNS-1123 labels (lowercase letters, digits and "-", at most ${MAX_LABEL} characters), so the API server rejects the ${kind}.`,
      path: ['metadata', 'namespace'],
    },
  ];
}

function labelFindings(ctx: RuleContext, kind: string): Finding[] {
  const labels = asMap(nodeAt(ctx.doc.root, ['metadata', 'labels']));
  const out: Finding[] = [];
  for (const p of labels?.pairs ?? []) {
    const key = keyText(p);
    if (key === undefined) continue;
    const path: NodePath = ['metadata', 'labels', key];
    const keyProblem = qualifiedNameProblem(key);
    if (keyProblem)
      out.push({
        ruleId: 'MCS010',
        message: `Label key "${short(key)}" is not valid: ${keyProblem}, so the API server rejects the ${kind}.`,
        path,
        target: 'key',
      });
    const value = stringValue(p.value);
    const valueProblem = value === undefined ? undefined : labelValueProblem(value);
    if (valueProblem)
      out.push({
        ruleId: 'MCS010',
        message: `Label value "${short(value ?? '')}" of ${short(key)} is not valid: ${valueProblem}, so the API server rejects the ${kind}.`,
        path,
      });
  }
  return out;
}

function annotationFindings(ctx: RuleContext, kind: string): Finding[] {
  const annotations = asMap(nodeAt(ctx.doc.root, ['metadata', 'annotations']));
  if (!annotations) return [];
  const out: Finding[] = [];
  let total = 0;
  for (const p of annotations.pairs) {
    const key = keyText(p);
    if (key === undefined) continue;
    const value = stringValue(p.value) ?? '';
    total += bytes(key) + bytes(value);
    const keyProblem = qualifiedNameProblem(key.toLowerCase());
    if (keyProblem)
      out.push({
        ruleId: 'MCS010',
        message: `Annotation key "${short(key)}" is not valid: ${keyProblem}, so the API server rejects the ${kind}.`,
        path: ['metadata', 'annotations', key],
        target: 'key',
      });
  }
  const kib = (n: number) => `${Math.ceil(n / 1024)} KiB`;
  if (total > ANNOTATIONS_LIMIT) {
    out.push({
      ruleId: 'MCS010',
      message: `The annotations hold ${kib(total)}, more than the 256 KiB the API server allows in total, so it rejects the ${kind}.`,
      path: ['metadata', 'annotations'],
      target: 'key',
    });
  } else if (total + bytes(ctx.doc.text) > ANNOTATIONS_LIMIT) {
    // Client-side apply stores the whole object (annotations included) in last-applied-configuration.
    out.push({
      ruleId: 'MCS010',
      message: `The annotations hold ${kib(total)}: kubectl apply (client-side) adds the whole object again as the kubectl.kubernetes.io/last-applied-configuration annotation, which takes the total over 256 KiB, so the API server rejects the ${kind}. Shrink them, or use kubectl apply --server-side or kubectl create.`,
      path: ['metadata', 'annotations'],
      target: 'key',
    });
  }
  return out;
}

function finalizerFindings(ctx: RuleContext, kind: string): Finding[] {
  const out: Finding[] = [];
  asSeq(nodeAt(ctx.doc.root, ['metadata', 'finalizers']))?.items.forEach((item, i) => {
    const f = stringValue(item);
    const problem = f === undefined ? undefined : qualifiedNameProblem(f);
    if (problem)
      out.push({
        ruleId: 'MCS010',
        message: `Finalizer "${short(f ?? '')}" is not a qualified name: ${problem}, so the API server rejects the ${kind}.`,
        path: ['metadata', 'finalizers', i],
      });
  });
  return out;
}

export const mcs010: Rule = {
  id: 'MCS010',
  title: 'Invalid object metadata',
  severity: 'error',
  kinds: ['ServiceExport', 'ServiceImport', 'ClusterProperty'],
  check(ctx: RuleContext): Finding[] {
    const { root, kind } = ctx.doc;
    if (!root || root.type !== 'map' || !kind) return [];
    const meta = nodeAt(root, ['metadata']);
    if (meta && meta.type !== 'map' && !(meta.type === 'scalar' && meta.value === null)) return []; // MCS011
    return [
      ...nameFindings(ctx, kind),
      ...namespaceFindings(ctx, kind),
      ...labelFindings(ctx, kind),
      ...annotationFindings(ctx, kind),
      ...finalizerFindings(ctx, kind),
    ];
  },
};
