// A small clusterset workspace written to a temporary folder for the `clusterset lint` tests. The clean files
// are meant to stay free of errors whatever rules are added: a named-port ClusterIP Service exported from a
// non-default namespace of a cluster that has its cluster id.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const CLUSTER_ID = (id: string): string => `apiVersion: about.k8s.io/v1alpha1
kind: ClusterProperty
metadata:
  name: cluster.clusterset.k8s.io
spec:
  value: ${id}
`;

export const EXPORTED_SERVICE = (name: string): string => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: shop
spec:
  selector:
    app: ${name}
  ports:
  - name: http
    protocol: TCP
    port: 80
    targetPort: 8080
---
apiVersion: multicluster.x-k8s.io/v1alpha1
kind: ServiceExport
metadata:
  name: ${name}
  namespace: shop
`;

/** Line 15 (0-based 14), characters 12–40: the KEP's group, which MCS001 reports as an error. */
export const KEP_GROUP_EXPORT = EXPORTED_SERVICE('payments').replace(
  'multicluster.x-k8s.io/v1alpha1',
  'multicluster.k8s.io/v1alpha1',
);
export const KEP_GROUP_LINE = 14;

/** An unresolved tag: the YAML parser's warning (code YAML) at line 6 (0-based 5), characters 14–21. */
export const TAGGED_EXPORT = `apiVersion: multicluster.x-k8s.io/v1alpha1
kind: ServiceExport
metadata:
  name: web
  namespace: shop
  labels: {a: !custom x}
`;

/** A duplicate key: a YAML syntax error (code YAML) at line 5 (0-based 4). */
export const DUPLICATE_KEY_EXPORT = `apiVersion: multicluster.x-k8s.io/v1alpha1
kind: ServiceExport
metadata:
  name: web
  name: web2
  namespace: shop
`;

export interface Workspace {
  root: string;
  write(path: string, text: string): void;
  /** A symlink named `path` pointing nowhere: stat fails even for root (chmod 000 does not stop root). */
  brokenLink(path: string): void;
  dispose(): void;
}

export function workspace(files: Record<string, string>): Workspace {
  const root = mkdtempSync(join(tmpdir(), 'clusterset-lint-'));
  const ws: Workspace = {
    root,
    write(path, text) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    },
    brokenLink(path) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      symlinkSync(join(root, 'does-not-exist'), join(root, path));
    },
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
  for (const [path, text] of Object.entries(files)) ws.write(path, text);
  return ws;
}

/** The clean clusters east and west, west with the KEP-group mistake in payments.yaml. */
export function clustersetWorkspace(): Workspace {
  return workspace({
    'clusters/east/id.yaml': CLUSTER_ID('east'),
    'clusters/east/web.yaml': EXPORTED_SERVICE('web'),
    'clusters/west/id.yml': CLUSTER_ID('west'),
    'clusters/west/web.yaml': EXPORTED_SERVICE('web'),
    'clusters/west/payments.yaml': KEP_GROUP_EXPORT,
    'clusters/west/README.md': '# not YAML: never read\n',
  });
}

/** The output stream stand-in for in-process runs. */
export function sink(): { text: string; write(s: string): boolean } {
  return {
    text: '',
    write(s: string) {
      this.text += s;
      return true;
    },
  };
}
