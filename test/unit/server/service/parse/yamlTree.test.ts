// Aliases and merge keys are values, as go-yaml expands them for kubectl; expansion is bounded and shared.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocumentText } from '../../../../../server/src/service/parse/parsedDocument';
import { nodeAt, stringAt } from '../../../../../server/src/service/parse/path';
import { MAX_ALIAS_NODES, MAX_DEPTH } from '../../../../../server/src/service/parse/yamlTree';

const parse = (body: string) => parseDocumentText(`apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceImport\n${body}`);

test('a scalar alias is its anchor’s value, placed where the alias is written', () => {
  const text = 'metadata: {name: &n web}\nspec:\n  type: &t ClusterSetIP\n  again: *t\n';
  const d = parse(text);
  const full = `apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceImport\n${text}`;
  const n = nodeAt(d.root, ['spec', 'again']);
  assert.equal(n?.type, 'scalar');
  assert.equal(n?.type === 'scalar' && n.value, 'ClusterSetIP');
  assert.equal(n?.type === 'scalar' && n.alias, 't');
  assert.equal(full.slice(n!.start, n!.end), '*t');
  assert.deepEqual(d.syntaxProblems, []);
});

test('a mapping or list alias is expanded (shared, not copied), and its items keep the anchor’s places', () => {
  const d = parse('spec:\n  ports: &p [{port: 80, protocol: TCP}]\n  more: *p\n');
  const a = nodeAt(d.root, ['spec', 'ports', 0]);
  const b = nodeAt(d.root, ['spec', 'more', 0]);
  assert.equal(stringAt(d.root, ['spec', 'more', 0, 'port']), '80');
  assert.equal(a, b, 'the anchored subtree is shared');
});

test('merge keys (<<) bring the anchored fields in, earlier maps of a list win, later keys replace (go-yaml v2 order)', () => {
  const d = parse(
    'base: &b {type: ClusterSetIP, sessionAffinity: None}\nother: &o {type: Headless, x: 1}\nspec:\n  <<: [*b, *o]\n  sessionAffinity: ClientIP\n',
  );
  assert.equal(stringAt(d.root, ['spec', 'type']), 'ClusterSetIP');
  assert.equal(stringAt(d.root, ['spec', 'x']), '1');
  assert.equal(stringAt(d.root, ['spec', 'sessionAffinity']), 'ClientIP');
  assert.equal(nodeAt(d.root, ['spec', '<<']), undefined);
  const spec = nodeAt(d.root, ['spec']);
  assert.equal(spec?.type === 'map' && spec.pairs.length, 3);
});

test('a merge of something that is not a mapping is an error, as kubectl refuses it', () => {
  const d = parse('spec:\n  <<: [a, b]\n');
  assert.ok(d.syntaxProblems.some((p) => p.code === 'BAD_MERGE'));
});

test('an alias bomb stops at the expansion budget with one warning, fast', () => {
  let body = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
  for (let i = 1; i < 10; i++)
    body += `a${i}: &a${i} [${Array(10)
      .fill(`*a${i - 1}`)
      .join(', ')}]\n`;
  const started = Date.now();
  const d = parse(body);
  const limit = d.syntaxProblems.filter((p) => p.code === 'ALIAS_LIMIT');
  assert.equal(limit.length, 1);
  assert.match(limit[0].message, new RegExp(`more than ${MAX_ALIAS_NODES}`));
  // Expanded logically to 10^10 nodes; what was built stays near the budget (timing is for bench/, not here).
  assert.ok(Date.now() - started < 10_000);
  const a9 = nodeAt(d.root, ['a9', 0]);
  assert.equal(a9?.type, 'alias', 'past the budget aliases stay unexpanded');
});

test('an alias inside the node it names is refused like go-yaml does, not followed forever', () => {
  const d = parse('spec: &s {inner: *s}\n');
  assert.ok(d.syntaxProblems.some((p) => p.code === 'ALIAS_CYCLE'));
  assert.equal(nodeAt(d.root, ['spec', 'inner'])?.type, 'alias');
});

test('an alias to an unknown anchor stays an alias (the YAML error says why)', () => {
  const d = parse('spec: {type: *nope}\n');
  assert.equal(nodeAt(d.root, ['spec', 'type'])?.type, 'alias');
  assert.ok(d.syntaxProblems.some((p) => p.severity === 'error'));
});

test('nesting past the tree depth says "nesting too deep", once', () => {
  const deep = `spec: ${'['.repeat(MAX_DEPTH + 20)}${']'.repeat(MAX_DEPTH + 20)}\n`;
  const d = parse(deep);
  const msgs = d.syntaxProblems.filter((p) => p.code === 'NESTING_TOO_DEEP');
  assert.equal(msgs.length, 1);
  assert.match(msgs[0].message, /^Nesting too deep/);
});

test('nesting that overflows the YAML parser itself says "nesting too deep", not the JS stack message', () => {
  const d = parse(`spec: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
  assert.ok(d.syntaxProblems.length >= 1);
  for (const p of d.syntaxProblems) assert.doesNotMatch(p.message, /call stack/i);
  assert.equal(d.syntaxProblems.filter((p) => p.code === 'NESTING_TOO_DEEP').length, 1);
});
