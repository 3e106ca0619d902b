import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintOne, serviceWith, uriOf } from '../../../../helpers/lint';

const HEAD = 'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceImport\nmetadata: {name: web, namespace: shop}\n';

function fixFor(text: string, title: string) {
  const s = serviceWith({ 'a.yaml': text });
  const diags = s.validate(uriOf('a.yaml')).diagnostics.filter((x) => x.code === 'MCS410');
  assert.equal(diags.length, 1);
  const fix = s.codeActions(uriOf('a.yaml'), diags[0].range, diags).find((a) => a.title === title);
  assert.ok(fix, `no fix "${title}"`);
  assert.equal(fix.isPreferred, true);
  return fix.edit?.changes?.[uriOf('a.yaml')];
}

test('MCS410 flags HTTP as a protocol and explains appProtocol', () => {
  const d = lintOne(`${HEAD}spec: {type: ClusterSetIP, ports: [{port: 80, protocol: HTTP}]}\n`, 'MCS410');
  assert.deepEqual(
    d.map((x) => [x.line, x.character, x.endLine, x.endCharacter, x.severity]),
    [[3, 56, 3, 60, 1]],
  );
  assert.match(d[0].message, /spec\.ports\[0\]\.protocol is "HTTP", not TCP, UDP or SCTP/);
  assert.match(d[0].message, /set protocol: TCP and appProtocol: http/);
});

test('MCS410 moves HTTP into appProtocol in a flow mapping', () => {
  const edits = fixFor(
    `${HEAD}spec: {type: ClusterSetIP, ports: [{port: 80, protocol: HTTP}]}\n`,
    'Set protocol TCP and appProtocol http',
  );
  assert.deepEqual(edits, [
    {
      range: { start: { line: 3, character: 46 }, end: { line: 3, character: 60 } },
      newText: 'protocol: TCP, appProtocol: http',
    },
  ]);
});

test('MCS410 moves GRPC into appProtocol in a block mapping, keeping the indentation', () => {
  const text = `${HEAD}spec:\n  type: ClusterSetIP\n  ports:\n  - port: 9090\n    protocol: GRPC\n`;
  const edits = fixFor(text, 'Set protocol TCP and appProtocol grpc');
  assert.deepEqual(edits, [
    {
      range: { start: { line: 7, character: 4 }, end: { line: 7, character: 18 } },
      newText: 'protocol: TCP\n    appProtocol: grpc',
    },
  ]);
});

test('MCS410 only resets protocol when appProtocol is already set, and fixes case', () => {
  const edits = fixFor(
    `${HEAD}spec: {type: ClusterSetIP, ports: [{port: 443, protocol: HTTPS, appProtocol: https}]}\n`,
    'Set protocol TCP (appProtocol is already set)',
  );
  assert.equal(edits?.[0].newText, 'TCP');
  const lower = fixFor(`${HEAD}spec: {type: ClusterSetIP, ports: [{port: 53, protocol: udp}]}\n`, 'Change to UDP');
  assert.equal(lower?.[0].newText, 'UDP');
});

test('MCS410 flags unknown protocols without a fix and accepts TCP/UDP/SCTP or no protocol', () => {
  const d = lintOne(`${HEAD}spec: {type: ClusterSetIP, ports: [{port: 80, protocol: QUIC}]}\n`, 'MCS410');
  assert.match(d[0].message, /Use TCP, UDP or SCTP/);
  const ok = `${HEAD}spec: {type: ClusterSetIP, ports: [{name: a, port: 80, protocol: TCP}, {name: b, port: 53, protocol: UDP}, {name: c, port: 9, protocol: SCTP}, {name: d, port: 81}]}\n`;
  assert.deepEqual(lintOne(ok, 'MCS410'), []);
});
