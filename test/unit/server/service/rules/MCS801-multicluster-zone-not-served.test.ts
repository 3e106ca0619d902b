import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne } from '../../../../helpers/lint';

const configMap = (corefile: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: coredns, namespace: kube-system}\ndata:\n  Corefile: |\n${corefile
    .split('\n')
    .map((l) => (l ? `    ${l}` : l))
    .join('\n')}`;

test('MCS801 flags a multicluster zone missing from the kubernetes zones, at the exact Corefile word', () => {
  const text = configMap(
    '.:53 {\n    errors\n    kubernetes cluster.local in-addr.arpa ip6.arpa {\n        multicluster clusterset.local\n    }\n}\n',
  );
  const d = lintOne(text, 'MCS801');
  assert.equal(d.length, 1);
  // Line 8 of the file is "            multicluster clusterset.local" (4 YAML + 8 Corefile spaces).
  assert.deepEqual([d[0].line, d[0].character, d[0].endLine, d[0].endCharacter, d[0].severity], [8, 25, 8, 41, 1]);
  assert.match(
    d[0].message,
    /not among the kubernetes plugin's zones \(cluster\.local in-addr\.arpa ip6\.arpa\).*kubernetes cluster\.local in-addr\.arpa ip6\.arpa clusterset\.local \{/,
  );
});

test('MCS801 flags a zone the server block does not receive', () => {
  const d = lintOne(
    configMap(
      'cluster.local:53 {\n    kubernetes cluster.local clusterset.local {\n        multicluster clusterset.local\n    }\n}\n',
    ),
    'MCS801',
  );
  assert.equal(d.length, 1);
  assert.match(d[0].message, /outside this server block \(cluster\.local\)/);
});

test('MCS801 accepts a served zone, server-block zones, and the external plugin', () => {
  assert.deepEqual(
    lintOne(
      configMap(
        '.:53 {\n    kubernetes cluster.local clusterset.local in-addr.arpa {\n        multicluster clusterset.local\n    }\n}\n',
      ),
      'MCS801',
    ),
    [],
  );
  assert.deepEqual(
    lintOne(configMap('clusterset.local:53 {\n    kubernetes {\n        multicluster clusterset.local.\n    }\n}\n'), 'MCS801'),
    [],
  );
  assert.deepEqual(
    lintOne(configMap('.:53 {\n    multicluster clusterset.local\n    kubernetes cluster.local\n}\n'), 'MCS801'),
    [],
  );
});
