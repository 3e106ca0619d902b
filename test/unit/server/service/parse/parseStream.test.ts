import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseChunksAsStream } from '../../../../../server/src/service/parse/parseStream';
import { parseDocumentText } from '../../../../../server/src/service/parse/parsedDocument';
import { DocumentCache, parseFile } from '../../../../../server/src/service/parse/parsedFile';
import { splitDocuments } from '../../../../../server/src/service/parse/splitDocuments';

// The stream parse is a shortcut: wherever it is taken, its documents must be exactly those of parsing each
// document alone.
const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/);
const port = fc.integer({ min: 1, max: 65535 });
const doc = fc.oneof(
  fc
    .record({ n: name, ns: name, p: port, flow: fc.boolean(), comment: fc.boolean() })
    .map(
      ({ n, ns, p, flow, comment }) =>
        `${comment ? '# the service\n' : ''}apiVersion: v1\nkind: Service\nmetadata:\n  name: ${n}\n  namespace: "${ns}"\nspec:\n${flow ? `  ports: [{name: http, port: ${p}}]\n` : `  ports:\n  - name: http\n    port: ${p}\n    protocol: TCP\n`}`,
    ),
  fc
    .record({ n: name, ns: name, v: fc.constantFrom('v1alpha1', 'v1beta1') })
    .map(
      ({ n, ns, v }) => `apiVersion: multicluster.x-k8s.io/${v}\nkind: ServiceExport\nmetadata: {name: ${n}, namespace: ${ns}}\n`,
    ),
  fc
    .record({ n: name, ips: fc.array(fc.ipV4(), { maxLength: 2 }), t: fc.constantFrom('ClusterSetIP', 'Headless') })
    .map(
      ({ n, ips, t }) =>
        `apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceImport\nmetadata:\n  name: ${n}\nspec:\n  type: ${t}\n  ips: [${ips.join(', ')}]\n  ports: []\n  description: |\n    block ${n}\n    text\n`,
    ),
  // Anchors, aliases, merge keys and YAML 1.1 scalars (yes, 0120, 1_000): the stream parse resolves them alike.
  fc
    .record({
      n: name,
      word: fc.constantFrom('yes', 'no', 'on', 'Off', 'y', '~', 'web'),
      num: fc.constantFrom('0120', '1_000', '0x1F', '08', '80'),
    })
    .map(
      ({ n, word, num }) =>
        `apiVersion: about.k8s.io/v1alpha1\nkind: ClusterProperty\nmetadata:\n  name: ${n}\n  labels: &l {a: ${word}, b: ${num}}\nspec:\n  <<: {value: ${word}}\n  copy: *l\n  n: ${num}\n`,
    ),
);

function perDocument(text: string): unknown[] {
  return splitDocuments(text).map((c) => {
    const d = parseDocumentText(c.text);
    return {
      text: d.text,
      root: d.root,
      kind: d.kind,
      apiVersion: d.apiVersion,
      skipped: d.skipped,
      syntaxProblems: d.syntaxProblems,
    };
  });
}

test('the stream parse gives the per-document result on random multi-document files', () => {
  let taken = 0;
  let runs = 0;
  fc.assert(
    fc.property(fc.array(doc, { minLength: 8, maxLength: 30 }), (docs) => {
      const text = docs.join('---\n');
      const streamed = parseChunksAsStream(text, splitDocuments(text));
      runs++;
      if (!streamed) return;
      taken++;
      assert.deepEqual(
        streamed.map((d) => ({
          text: d.text,
          root: d.root,
          kind: d.kind,
          apiVersion: d.apiVersion,
          skipped: d.skipped,
          syntaxProblems: d.syntaxProblems,
        })),
        perDocument(text),
      );
    }),
    { numRuns: 200, seed: 42 },
  );
  assert.equal(taken, runs, 'taken for every valid file of documents of interest');
});

test('comments before, between and after documents: the stream parse is taken and equal', () => {
  const docs = Array.from({ length: 8 }, (_, i) => `kind: ServiceExport\nmetadata: {name: e${i}}\n# after ${i}\n`);
  const text = `# exports\n${docs.join('---\n# before\n')}`;
  const streamed = parseChunksAsStream(text, splitDocuments(text));
  assert.ok(streamed);
  assert.deepEqual(
    streamed.map((d) => d.root),
    splitDocuments(text).map((c) => parseDocumentText(c.text).root),
  );
});

test('the stream parse is not taken where it could differ', () => {
  const ok = Array.from({ length: 8 }, (_, i) => `kind: ServiceExport\nmetadata: {name: e${i}}\n`);
  assert.ok(parseChunksAsStream(ok.join('---\n'), splitDocuments(ok.join('---\n'))));
  const withError = [...ok.slice(0, 7), 'kind: ServiceExport\nmetadata: {name: [\n'].join('---\n');
  assert.equal(parseChunksAsStream(withError, splitDocuments(withError)), undefined, 'any syntax error');
  const duplicate = [...ok.slice(0, 7), 'kind: ServiceExport\nkind: ServiceImport\n'].join('---\n');
  assert.equal(parseChunksAsStream(duplicate, splitDocuments(duplicate)), undefined, 'duplicate keys');
  const other = [...ok.slice(0, 7), 'kind: Ingress\nmetadata: {name: d}\n'].join('---\n');
  assert.equal(parseChunksAsStream(other, splitDocuments(other)), undefined, 'a document of no interest');
  const few = ok.slice(0, 3).join('---\n');
  assert.equal(parseChunksAsStream(few, splitDocuments(few)), undefined, 'too few documents');
  const leadingComment = `# header\n---\n${ok.join('---\n')}`;
  assert.equal(parseChunksAsStream(leadingComment, splitDocuments(leadingComment)), undefined, 'chunks that are not documents');
});

test('parseFile reports the same errors whether or not the first parse could be a stream', () => {
  const docs = Array.from({ length: 10 }, (_, i) => `kind: ServiceExport\nmetadata: {name: e${i}}\n`);
  docs[4] = 'kind: ServiceExport\nmetadata: {name: [\n';
  const f = parseFile('u', docs.join('---\n'), 1, new DocumentCache());
  assert.ok(f.documents[4].doc.syntaxProblems.length > 0);
  assert.equal(f.documents.filter((d) => d.doc.syntaxProblems.length > 0).length, 1);
});

test('the per-document cache gives what a fresh parse gives, after random edits of files with aliases and lists', () => {
  const list = (n: string) =>
    `apiVersion: v1\nkind: List\nitems:\n- {apiVersion: multicluster.x-k8s.io/v1alpha1, kind: ServiceExport, metadata: {name: ${n}}}\n- {apiVersion: v1, kind: Pod, metadata: {name: ${n}}}\n`;
  const anyDoc = fc.oneof(doc, name.map(list));
  fc.assert(
    fc.property(
      fc.array(anyDoc, { minLength: 1, maxLength: 12 }),
      fc.array(fc.tuple(fc.nat(), anyDoc), { maxLength: 6 }),
      (docs, edits) => {
        const cache = new DocumentCache();
        let current = [...docs];
        parseFile('u', current.join('---\n'), 1, cache);
        edits.forEach(([at, replacement], i) => {
          current = current.map((d, j) => (j === at % current.length ? replacement : d));
          const cached = parseFile('u', current.join('---\n'), i + 2, cache);
          const fresh = parseFile('u', current.join('---\n'), i + 2);
          assert.deepEqual(cached.documents, fresh.documents);
        });
      },
    ),
    { numRuns: 100, seed: 7 },
  );
});
