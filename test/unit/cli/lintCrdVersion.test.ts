// `clusterset lint --crd-version`: version-gated rules judge against the release CI names, as the editor's
// clusterset.crdVersion does.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { runLint } from '../../../cli/src/lint';
import { sink, workspace, type Workspace } from './fixtures';

const IMPORT = `apiVersion: multicluster.x-k8s.io/v1beta1
kind: ServiceImport
metadata: {name: web, namespace: shop}
spec:
  type: ClusterSetIP
  ports: [{name: http, port: 80}]
  ips: [10.42.0.10]
  trafficDistribution: PreferClose
`;

let ws: Workspace;
before(() => {
  ws = workspace({ 'clusters/east/import.yaml': IMPORT });
});
after(() => ws.dispose());

async function lint(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = sink();
  const stderr = sink();
  const code = await runLint(args, stdout, stderr, { cwd: ws.root });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

test('--crd-version v0.3.0 makes a v0.4.0 field an error (the API server rejects it under strict validation)', async () => {
  const r = await lint('clusters/east/import.yaml', '--crd-version', 'v0.3.0');
  assert.equal(r.code, 1);
  assert.match(
    r.stdout,
    /import\.yaml:8:3: error MCS005: spec\.trafficDistribution was added to the ServiceImport CRD in mcs-api v0\.4\.0, but the --crd-version flag is v0\.3\.0/,
  );
});

test('without --crd-version, or with a release that has the field, the import is clean of MCS005', async () => {
  assert.doesNotMatch((await lint('clusters/east/import.yaml')).stdout, /MCS005/);
  assert.doesNotMatch((await lint('clusters/east/import.yaml', '--crd-version', '0.5.0')).stdout, /MCS005/);
});

test('--crd-version that is not a release is a usage error (exit 2)', async () => {
  const r = await lint('clusters/east/import.yaml', '--crd-version', 'latest');
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--crd-version needs an mcs-api release such as v0\.5\.0, got 'latest'/);
});
