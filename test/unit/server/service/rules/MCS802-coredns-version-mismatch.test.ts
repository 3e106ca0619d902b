import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnosticsOf, serviceWith } from '../../../../helpers/lint';

const optionCorefile = `apiVersion: v1
kind: ConfigMap
metadata: {name: coredns, namespace: kube-system}
data:
  Corefile: |
    .:53 {
        kubernetes cluster.local clusterset.local {
            multicluster clusterset.local
        }
    }
`;
const pluginCorefile = optionCorefile.replace(
  '        kubernetes cluster.local clusterset.local {\n            multicluster clusterset.local\n        }',
  '        multicluster clusterset.local\n        kubernetes cluster.local',
);
const deployment = (image: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: coredns, namespace: kube-system}\nspec:\n  template:\n    spec:\n      containers:\n      - name: coredns\n        image: ${image}\n`;

test('MCS802 flags the multicluster option with CoreDNS 1.11.3, with the image as related information', () => {
  const s = serviceWith({
    'clusters/east/coredns-cm.yaml': optionCorefile,
    'clusters/east/coredns.yaml': deployment('registry.k8s.io/coredns/coredns:v1.11.3'),
  });
  const d = diagnosticsOf(s, 'clusters/east/coredns-cm.yaml', 'MCS802');
  assert.equal(d.length, 1);
  assert.deepEqual([d[0].line, d[0].character, d[0].endLine, d[0].endCharacter, d[0].severity], [7, 12, 7, 24, 2]);
  assert.match(
    d[0].message,
    /needs CoreDNS 1\.12\.2 or later, but the CoreDNS image is registry\.k8s\.io\/coredns\/coredns:v1\.11\.3/,
  );
});

test('MCS802 flags the external plugin on a stock image and suggests the option on 1.12.2+', () => {
  const s = serviceWith({ 'cm.yaml': pluginCorefile, 'dep.yaml': deployment('coredns/coredns:1.12.2') });
  const [d] = diagnosticsOf(s, 'cm.yaml', 'MCS802');
  assert.deepEqual([d.line, d.character, d.endCharacter], [6, 8, 20]);
  assert.match(d.message, /does not include.*use the built-in option instead/);
});

test('MCS802 accepts 1.12.2+ with the option, custom builds with the plugin, and no Deployment', () => {
  assert.deepEqual(
    diagnosticsOf(
      serviceWith({ 'cm.yaml': optionCorefile, 'dep.yaml': deployment('registry.k8s.io/coredns/coredns:v1.12.2') }),
      'cm.yaml',
      'MCS802',
    ),
    [],
  );
  assert.deepEqual(
    diagnosticsOf(
      serviceWith({ 'cm.yaml': pluginCorefile, 'dep.yaml': deployment('example.com/coredns-multicluster/coredns:v1.8.6') }),
      'cm.yaml',
      'MCS802',
    ),
    [],
  );
  assert.deepEqual(diagnosticsOf(serviceWith({ 'cm.yaml': optionCorefile }), 'cm.yaml', 'MCS802'), []);
});
