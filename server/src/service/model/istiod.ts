// istiod's container env (Deployment `istiod`, or one whose container is `discovery`), where Istio's MCS
// flags live (facts §8.4).
import { asSeq, nodeAt, stringAt, type NodePath } from '../parse/path';
import type { ParsedDocument } from '../parse/parsedDocument';
import type { WorkspaceIndex } from '../workspaceIndex';

export interface EnvVar {
  name: string;
  value: string | undefined;
  /** Path of the env item in the document. */
  path: NodePath;
}

export function isIstiod(doc: ParsedDocument): boolean {
  const name = stringAt(doc.root, ['metadata', 'name']);
  if (doc.kind !== 'Deployment' || !name) return false;
  return name === 'istiod' || name.startsWith('istiod-');
}

export function envOf(doc: ParsedDocument): EnvVar[] {
  const out: EnvVar[] = [];
  const containers = asSeq(nodeAt(doc.root, ['spec', 'template', 'spec', 'containers']));
  containers?.items.forEach((_, c) => {
    asSeq(nodeAt(containers.items[c], ['env']))?.items.forEach((item, e) => {
      const name = stringAt(item, ['name']);
      if (name)
        out.push({ name, value: stringAt(item, ['value']), path: ['spec', 'template', 'spec', 'containers', c, 'env', e] });
    });
  });
  return out;
}

export function* istiodEnv(index: WorkspaceIndex): Generator<EnvVar> {
  for (const o of index.ofKind('Deployment')) if (isIstiod(o.doc)) yield* envOf(o.doc);
}

/** Go's strconv.ParseBool truth values, which istiod's env flags use. */
export function isTrue(value: string | undefined): boolean {
  return value !== undefined && ['1', 't', 'T', 'true', 'TRUE', 'True'].includes(value);
}
