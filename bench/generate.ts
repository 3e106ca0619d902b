// Inputs of the benchmarks: multi-document MCS files of a given line count, and JSON schemas derived from the
// MCS CRDs (testbed/crds) for the peers: one combined schema for yaml-language-server, one file per kind and
// version for kubeconform.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

const CRD_DIR = resolve(__dirname, '../testbed/crds');

/** One exported service in one cluster: Service, ServiceExport, ServiceImport (35 lines). */
function serviceGroup(i: number): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: svc-${i}
  namespace: team-${i % 17}
spec:
  selector:
    app: svc-${i}
  ports:
  - name: http
    protocol: TCP
    port: 80
    targetPort: 8080
---
apiVersion: multicluster.x-k8s.io/v1alpha1
kind: ServiceExport
metadata:
  name: svc-${i}
  namespace: team-${i % 17}
---
apiVersion: multicluster.x-k8s.io/v1alpha1
kind: ServiceImport
metadata:
  name: svc-${i}
  namespace: team-${i % 17}
spec:
  type: ClusterSetIP
  ips: [10.42.${(i >> 8) & 255}.${i & 255}]
  ports:
  - name: http
    protocol: TCP
    port: 80
---
`;
}

const CLUSTER_ID = `apiVersion: about.k8s.io/v1alpha1
kind: ClusterProperty
metadata:
  name: cluster.clusterset.k8s.io
spec:
  value: east
---
`;

export interface BenchFile {
  text: string;
  lines: number;
  resources: number;
  /** Offset of the value this benchmark flips on every edit (a ServiceImport port in the middle of the file). */
  editOffset: number;
}

/** About `lines` lines of MCS YAML (whole groups, so slightly more). */
export function generateMcsFile(lines: number): BenchFile {
  const lineCount = (s: string): number => s.split('\n').length - 1;
  let text = CLUSTER_ID;
  let count = lineCount(CLUSTER_ID);
  let resources = 1;
  for (let i = 0; count < lines; i++) {
    const group = serviceGroup(i);
    text += group;
    count += lineCount(group);
    resources += 3;
  }
  text = text.replace(/---\n$/, ''); // no empty document at the end (yaml-language-server flags one)
  const middle = text.indexOf('kind: ServiceImport', Math.floor(text.length / 2));
  const editOffset = text.indexOf('    port: 80', middle) + '    port: '.length;
  return { text, lines: text.split('\n').length - 1, resources, editOffset };
}

/** The file with the edited port: 80 ↔ 8x, so every edit changes the text (and for the peers, nothing else). */
export function editedText(file: BenchFile, n: number): string {
  return `${file.text.slice(0, file.editOffset)}${n % 2 ? 81 : 80}${file.text.slice(file.editOffset + 2)}`;
}

interface CrdVersion {
  group: string;
  kind: string;
  version: string;
  schema: Record<string, unknown>;
}

/** Every served version of every MCS CRD, with its openAPIV3Schema. */
export function crdSchemas(): CrdVersion[] {
  const out: CrdVersion[] = [];
  for (const name of readdirSync(CRD_DIR).filter((n) => n.endsWith('.yaml'))) {
    for (const doc of parseAllDocuments(readFileSync(join(CRD_DIR, name), 'utf8'))) {
      const crd = doc.toJS() as {
        kind?: string;
        spec?: {
          group: string;
          names: { kind: string };
          versions: Array<{ name: string; served: boolean; schema?: { openAPIV3Schema: Record<string, unknown> } }>;
        };
      };
      if (crd?.kind !== 'CustomResourceDefinition' || !crd.spec) continue;
      for (const v of crd.spec.versions) {
        if (v.served && v.schema)
          out.push({ group: crd.spec.group, kind: crd.spec.names.kind, version: v.name, schema: v.schema.openAPIV3Schema });
      }
    }
  }
  return out;
}

/** One draft-07 schema for yaml-language-server: each (apiVersion, kind) gets its CRD's schema via if/then. */
export function writeYamlLsSchema(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const allOf = crdSchemas().map((c) => ({
    if: {
      properties: { apiVersion: { const: `${c.group}/${c.version}` }, kind: { const: c.kind } },
      required: ['apiVersion', 'kind'],
    },
    then: c.schema,
  }));
  const path = join(dir, 'mcs.schema.json');
  writeFileSync(
    path,
    JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', title: 'MCS resources (from the CRDs)', allOf }),
  );
  return path;
}

/** kubeconform's layout: `<dir>/<kind lowercased>_<version>.json`, read with -schema-location '<dir>/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json'. */
export function writeKubeconformSchemas(dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const c of crdSchemas()) writeFileSync(join(dir, `${c.kind.toLowerCase()}_${c.version}.json`), JSON.stringify(c.schema));
  return join(dir, '{{.ResourceKind}}_{{.ResourceAPIVersion}}.json');
}
