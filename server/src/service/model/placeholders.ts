// Template placeholders: values a tool fills in before the file reaches a cluster (envsubst `${CLUSTER_ID}`,
// kustomize/Make `$(VAR)`, Helm/Go templates `{{ .Values.x }}`, README-style `<your-cluster>`). They are not
// names, CIDRs or ids yet, so a finding about such a value would be about the placeholder, not the manifest.
import { nodeAt, type NodePath } from '../parse/path';
import type { YNode } from '../parse/yamlTree';

const PLACEHOLDER = new RegExp(
  [
    String.raw`\$\{[A-Za-z_][A-Za-z0-9_]*(?::?[-=?+][^}]*)?\}`, // ${VAR}, ${VAR:-default}
    String.raw`\$\([A-Za-z_][A-Za-z0-9_]*\)`, // $(VAR)
    String.raw`\{\{.*?\}\}`, // {{ .Values.x }}
    String.raw`<[A-Za-z][A-Za-z0-9]*(?:[-_ ][A-Za-z0-9]+)*>`, // <your-cluster-id>
    String.raw`^\$[A-Z_][A-Z0-9_]*$`, // $CLUSTER_NAME as the whole value
  ].join('|'),
);

export function isPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(text);
}

/** True when the scalar at `path` holds a template placeholder. */
export function placeholderAt(root: YNode | null, path: NodePath): boolean {
  const node = nodeAt(root, path);
  return node?.type === 'scalar' && typeof node.value === 'string' && isPlaceholder(node.value);
}
