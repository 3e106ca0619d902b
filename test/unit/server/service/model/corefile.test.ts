import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeZone, parseCorefile, zoneCovers } from '../../../../../server/src/service/model/corefile';

const text = `# comment {
.:53 {
    errors
    kubernetes cluster.local in-addr.arpa ip6.arpa {
        pods insecure   # trailing comment
        multicluster clusterset.local
        fallthrough in-addr.arpa ip6.arpa
    }
    forward . "/etc/resolv.conf"
}
clusterset.local:53, other.local {
    lighthouse
}
`;

test('parseCorefile reads server blocks, directives, nested blocks and offsets', () => {
  const cf = parseCorefile(text);
  assert.deepEqual(cf.problems, []);
  assert.equal(cf.serverBlocks.length, 2);
  const [main, second] = cf.serverBlocks;
  assert.deepEqual(
    main.keys.map((k) => k.text),
    ['.:53'],
  );
  assert.deepEqual(
    main.directives.map((d) => d.name.text),
    ['errors', 'kubernetes', 'forward'],
  );
  const k8s = main.directives[1];
  assert.deepEqual(
    k8s.args.map((a) => a.text),
    ['cluster.local', 'in-addr.arpa', 'ip6.arpa'],
  );
  assert.deepEqual(
    k8s.block?.map((d) => d.name.text),
    ['pods', 'multicluster', 'fallthrough'],
  );
  const zone = k8s.block?.[1].args[0];
  assert.equal(text.slice(zone?.start, zone?.end), 'clusterset.local');
  assert.deepEqual(
    main.directives[2].args.map((a) => a.text),
    ['.', '/etc/resolv.conf'],
  );
  assert.deepEqual(
    second.keys.map((k) => [k.text, text.slice(k.start, k.end)]),
    [
      ['clusterset.local:53', 'clusterset.local:53'],
      ['other.local', 'other.local'],
    ],
  );
});

test('parseCorefile reports a missing closing brace and a stray one', () => {
  assert.match(parseCorefile('.:53 {\n  errors\n').problems[0].message, /missing "}"/);
  assert.match(parseCorefile('}\n').problems[0].message, /unexpected "}"/);
});

test('zones are normalized and covered by parents', () => {
  assert.equal(normalizeZone('dns://ClusterSet.Local.:53'), 'clusterset.local');
  assert.equal(normalizeZone('.:53'), '.');
  assert.ok(zoneCovers('.', 'clusterset.local'));
  assert.ok(zoneCovers('local', 'clusterset.local'));
  assert.ok(!zoneCovers('cluster.local', 'clusterset.local'));
});
