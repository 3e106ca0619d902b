// The parser keeps exactly what the rules need: the kinds rules declare and the kinds they read from the index.
// A rule that names (or looks up) a kind the parser skips would silently never fire: these tests fail first.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { kindMarker } from '../../../../../server/src/service/parse/kindsOfInterest';
import { kindsOfInterest, parseDocumentText } from '../../../../../server/src/service/parse/parsedDocument';
import { MISNAMED_KIND } from '../../../../../server/src/service/parse/kindSuggestion';
import { ALL_RULES } from '../../../../../server/src/service/rules/allRules';

const SERVICE = resolve(import.meta.dirname, '../../../../../server/src/service');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

test('every kind a rule declares is parsed (a minimal document of it is not skipped)', () => {
  for (const rule of ALL_RULES) {
    for (const kind of rule.kinds) {
      if (kind === MISNAMED_KIND) continue;
      const minimal = `apiVersion: v1\nkind: ${kind}\nmetadata: {name: x}\n`;
      // A kind with a marker is parsed once its text has a marker word (the next tests say which words).
      const d = parseDocumentText(kindMarker(kind) ? `${minimal}data: {a: x.ns.svc.cluster.local}\n` : minimal);
      assert.equal(d.skipped, false, `${rule.id} declares ${kind}, which the parser skips`);
    }
  }
});

test('every kind the service reads from the index by name (ofKind/find) is a kind of interest', () => {
  const read = new Map<string, string>();
  for (const file of sources(SERVICE)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\b(?:ofKind|find)\(\s*['"]([A-Z][A-Za-z0-9]*)['"]/g)) read.set(m[1], file);
  }
  assert.ok(read.size >= 5, `found only ${[...read.keys()].join(', ')}: the scan no longer matches the index API`);
  for (const [kind, file] of read)
    assert.ok(kindsOfInterest().has(kind), `${file} reads ${kind} from the index, but the parser skips it`);
});

test('the parser keeps nothing no rule needs (the set is derived, not a second list)', () => {
  const declared = new Set(ALL_RULES.flatMap((r) => r.kinds));
  for (const kind of kindsOfInterest()) {
    const readSomewhere = sources(SERVICE).some((f) =>
      new RegExp(`\\b(?:ofKind|find)\\(\\s*['"]${kind}['"]`).test(readFileSync(f, 'utf8')),
    );
    assert.ok(declared.has(kind) || readSomewhere, `${kind} is kept but no rule declares or reads it`);
  }
});

/** What the markers were written for: a new reader of these kinds must be checked against them, then listed here. */
const MARKED_READERS = {
  rules: ['MCS606', 'MCS801', 'MCS802', 'MCS803', 'MCS805', 'MCS806', 'MCS906'],
  indexReaders: [
    'MCS606-implementation-cluster-name-limits.ts',
    'MCS802-coredns-version-mismatch.ts',
    'MCS804-coredns-clusterrole-lacks-serviceimports.ts',
    'istiod.ts',
  ],
};

test('kind markers: every rule that declares a marked kind, and every index reader of one, is one the markers were written for', () => {
  const marked = ['ConfigMap', 'Deployment'];
  assert.ok(
    marked.every((k) => kindMarker(k)),
    'the marked kinds',
  );
  const declaring = ALL_RULES.filter((r) => r.kinds.some((k) => kindMarker(k))).map((r) => r.id);
  assert.deepEqual(declaring.sort(), [...MARKED_READERS.rules].sort());
  const readers = sources(SERVICE)
    .filter((f) => /\bofKind\(\s*['"](ConfigMap|Deployment)['"]/.test(readFileSync(f, 'utf8')))
    .map((f) => f.split('/').pop());
  assert.deepEqual(readers.sort(), [...MARKED_READERS.indexReaders].sort());
});

test('kind markers: a ConfigMap or Deployment is parsed exactly when a rule could read it', () => {
  const doc = (kind: string, body: string) => parseDocumentText(`apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: app\n${body}`);
  const parsed = (kind: string, body: string) => doc(kind, body).skipped === false;
  // What no rule reads: an app's settings, a plain Deployment.
  assert.equal(parsed('ConfigMap', 'data:\n  LOG_LEVEL: info\n  url: https://example.com\n'), false);
  assert.equal(
    parsed('Deployment', 'spec:\n  template:\n    spec:\n      containers:\n      - name: app\n        image: nginx\n'),
    false,
  );
  // Still checked for its syntax where every syntax error counts (the CLI).
  const broken = parseDocumentText('apiVersion: v1\nkind: ConfigMap\ndata: {a: [}\n', { syntaxOfAll: true });
  assert.equal(broken.skipped, true);
  assert.ok(broken.syntaxProblems.length > 0, 'syntax problems of a skipped ConfigMap');
  // Each reason a rule reads them.
  assert.equal(parsed('ConfigMap', 'data:\n  Corefile: |\n    .:53 {\n    }\n'), true, 'a Corefile (MCS801–804)');
  assert.equal(
    parsed('ConfigMap', 'data:\n  clusterset.server: |\n    clusterset.local:53 {\n    }\n'),
    true,
    'a *.server snippet',
  );
  assert.equal(
    parseDocumentText('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cilium-config}\ndata: {cluster-id: "3"}\n').skipped,
    false,
    'cilium-config (MCS606)',
  );
  assert.equal(parsed('ConfigMap', 'data:\n  DB: db.prod.svc.cluster.local\n'), true, 'a service DNS name (MCS805/806)');
  assert.equal(
    parsed(
      'Deployment',
      'spec:\n  template:\n    spec:\n      containers:\n      - name: a\n        env:\n        - {name: U, value: api.prod.svc.clusterset.local}\n',
    ),
    true,
    'an env DNS name',
  );
  assert.equal(
    parseDocumentText('apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: istiod}\n').skipped,
    false,
    'istiod (MCS901/906)',
  );
  assert.equal(
    parseDocumentText('apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: coredns}\n').skipped,
    false,
    'the CoreDNS image (MCS802)',
  );
  // An escape could spell any of them; a flow document's sniffed kind may be a nested object's.
  assert.equal(parsed('ConfigMap', 'data:\n  DB: "db.prod.s\\x76c.cluster.local"\n'), true, 'an escape');
  assert.equal(
    parseDocumentText('{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "app"}}').skipped,
    false,
    'flow style',
  );
});
