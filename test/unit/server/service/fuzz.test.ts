// Fuzzing the language service: mutated and random MCS documents through setFile, validate, codeActions,
// hover and completion. Asserts no exception, no rule crash (the engine turns one into an MCS000 warning and
// reports it through `onRuleCrash`: both fail the test), every returned range inside the document, and no
// call that hangs (the time bound is a hang detector, not a performance assertion).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { createLanguageService, type LanguageService } from '../../../../server/src/service/languageService';
import { RULE_CRASH_CODE, type RuleCrash } from '../../../../server/src/service/validate';

const URI = 'file:///ws/clusters/east/fuzz.yaml';
const NEIGHBOUR_URI = 'file:///ws/clusters/west/web.yaml';
const HANG_MS = 2000;

const SEEDS: readonly string[] = [
  `apiVersion: multicluster.x-k8s.io/v1alpha1
kind: ServiceExport
metadata:
  name: web
  namespace: shop
  annotations:
    clusterset.dev/disable: "MCS006"
spec:
  exportedLabels: {tier: gold}
  exportedAnnotations: {a: b}
`,
  `apiVersion: multicluster.x-k8s.io/v1alpha1
kind: ServiceImport
metadata:
  name: web
  namespace: shop
spec:
  type: ClusterSetIP
  ips: [10.42.0.7, "fd00::7"]
  ipFamilies: [IPv4, IPv6]
  sessionAffinity: ClientIP
  sessionAffinityConfig: {clientIP: {timeoutSeconds: 300}}
  ports:
  - name: http
    protocol: TCP
    port: 80
    appProtocol: kubernetes.io/h2c
status:
  clusters:
  - cluster: east
`,
  `apiVersion: about.k8s.io/v1alpha1
kind: ClusterProperty
metadata:
  name: cluster.clusterset.k8s.io
spec:
  value: east
---
apiVersion: about.k8s.io/v1alpha1
kind: ClusterProperty
metadata: {name: clusterset.k8s.io}
spec: {value: prod}
`,
  `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
  labels: {app: web}
spec:
  type: ClusterIP
  clusterIP: None
  selector:
    app: web
  ports:
  - name: http
    protocol: TCP
    port: 80
    targetPort: 8080
  - port: 443
  internalTrafficPolicy: Local
  trafficDistribution: PreferClose
`,
  `apiVersion: clusterset.dev/v1alpha1
kind: ClusterSet
metadata:
  name: prod
spec:
  implementation: submariner
  overlap: {mode: globalnet, globalnetCIDR: 242.0.0.0/8}
  clusters:
  - name: east
    podCIDRs: [10.10.0.0/16]
    serviceCIDRs: [10.96.0.0/16]
    globalCIDR: 242.1.0.0/16
  - name: west
    podCIDRs: [10.10.0.0/16, "fd00:10::/56"]
    serviceCIDRs: [10.96.0.0/12]
  services:
  - {name: web, namespace: shop, exportedFrom: [east], consumers: [west]}
`,
  `apiVersion: v1
kind: ConfigMap
metadata:
  name: coredns
  namespace: kube-system
data:
  Corefile: |
    .:53 {
        errors
        kubernetes cluster.local clusterset.local in-addr.arpa ip6.arpa {
            pods insecure
            fallthrough in-addr.arpa ip6.arpa
        }
        multicluster clusterset.local
        forward . /etc/resolv.conf
        cache 30
    }
`,
  `apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: imported-web-east
  namespace: shop
  labels:
    multicluster.kubernetes.io/service-name: web
    multicluster.kubernetes.io/source-cluster: east
    endpointslice.kubernetes.io/managed-by: endpointslice-controller.k8s.io
addressType: IPv4
endpoints:
- addresses: [10.10.1.5]
ports:
- {name: http, port: 8080, protocol: TCP}
`,
  `apiVersion: v1
kind: List
items:
- apiVersion: multicluster.x-k8s.io/v1alpha1
  kind: ServiceImport
  metadata: {name: web, namespace: shop}
  spec:
    type: &t ClusterSetIP
    ports: &p [{name: http, port: 0120, protocol: TCP}]
- apiVersion: v1
  kind: Service
  metadata: {name: web, namespace: shop}
  spec: {type: *t, ports: *p}
metadata: {resourceVersion: ""}
`,
  `apiVersion: about.k8s.io/v1alpha1
kind: ClusterProperty
metadata:
  name: cluster.clusterset.k8s.io
  labels: &l {enabled: yes, size: 1_000, when: 2024-01-02}
spec:
  <<: {value: no}
  extra: !!int "12"
---
{"apiVersion": "multicluster.x-k8s.io/v1alpha1", "kind": "serviceexport", "metadata": {"name": "web"}}
`,
];

const HOSTILE_CHARS = [
  '\t',
  '\r\n',
  '\r',
  '\n',
  '\ufeff',
  '---\n',
  '...\n',
  ': ',
  '- ',
  '&a ',
  '*a',
  '<<: *a\n',
  '{',
  '}',
  '[',
  ']',
  '"',
  "'",
  '|',
  '>',
  '#',
  '!',
  '%YAML 1.2\n',
  '? ',
  '\u0000',
  '\u2028',
  '\ud800',
  '😀',
  'ö',
  '\\',
];

type Mutation = (text: string) => string;

const position = fc.double({ min: 0, max: 1, noNaN: true });
const at = (text: string, p: number): number => Math.min(text.length, Math.floor(p * (text.length + 1)));
const lineAt = (lines: string[], p: number): number => Math.min(lines.length - 1, Math.floor(p * lines.length));

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(position, fc.integer({ min: 1, max: 40 })).map(
    ([p, n]): Mutation =>
      (t) =>
        t.slice(0, at(t, p)) + t.slice(at(t, p) + n),
  ),
  fc.tuple(position, fc.array(fc.constantFrom(...HOSTILE_CHARS), { minLength: 1, maxLength: 4 })).map(
    ([p, s]): Mutation =>
      (t) =>
        t.slice(0, at(t, p)) + s.join('') + t.slice(at(t, p)),
  ),
  fc.tuple(position, fc.string({ maxLength: 12, unit: 'binary' })).map(
    ([p, s]): Mutation =>
      (t) =>
        t.slice(0, at(t, p)) + s + t.slice(at(t, p)),
  ),
  fc.tuple(position, fc.integer({ min: 1, max: 20 })).map(
    ([p, n]): Mutation =>
      (t) =>
        t.slice(0, at(t, p)) + t.slice(at(t, p), at(t, p) + n).repeat(2) + t.slice(at(t, p) + n),
  ),
  position.map((p): Mutation => (t) => {
    const lines = t.split('\n');
    const i = lineAt(lines, p);
    lines.splice(i, 0, lines[i]);
    return lines.join('\n');
  }),
  position.map((p): Mutation => (t) => {
    const lines = t.split('\n');
    lines.splice(lineAt(lines, p), 1);
    return lines.join('\n');
  }),
  fc.tuple(position, fc.constantFrom('  ', '\t', '', ' ', '        ')).map(([p, indent]): Mutation => (t) => {
    const lines = t.split('\n');
    const i = lineAt(lines, p);
    lines[i] = indent + lines[i].trimStart();
    return lines.join('\n');
  }),
  fc.tuple(position, position).map(([p, q]): Mutation => (t) => {
    const lines = t.split('\n');
    const [i, j] = [lineAt(lines, p), lineAt(lines, q)];
    [lines[i], lines[j]] = [lines[j], lines[i]];
    return lines.join('\n');
  }),
  fc.constant<Mutation>((t) => t.replace(/\n/g, '\r\n')),
  fc.constant<Mutation>((t) => `\ufeff${t}`),
  fc.tuple(position, fc.integer({ min: 1, max: 200 })).map(
    ([p, depth]): Mutation =>
      (t) =>
        t.slice(0, at(t, p)) + `x: ${'['.repeat(depth)}1${']'.repeat(depth)}\n` + t.slice(at(t, p)),
  ),
  fc.tuple(position, fc.integer({ min: 1, max: 60 })).map(([p, depth]): Mutation => (t) => {
    const nested = Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n');
    return t.slice(0, at(t, p)) + `\n${nested} v\n` + t.slice(at(t, p));
  }),
  fc.constant<Mutation>((t) =>
    t.replace(/^(\s*)(metadata|spec|ports):/m, '$1$2: &anchor').replace(/\n(\s*)(status|data|selector):.*$/m, '\n$1$2: *anchor'),
  ),
);

/** A seed or a stream of seeds, then up to 8 mutations. */
const mutatedDocument: fc.Arbitrary<string> = fc
  .tuple(fc.array(fc.constantFrom(...SEEDS), { minLength: 1, maxLength: 3 }), fc.array(mutation, { maxLength: 8 }))
  .map(([seeds, mutations]) => mutations.reduce((t, m) => m(t), seeds.join('---\n')));

/** YAML-ish noise built from the seeds' own tokens and hostile characters. */
const randomDocument: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 400, unit: 'binary' }),
  fc
    .array(
      fc.oneof(
        fc.constantFrom(
          ...HOSTILE_CHARS,
          'apiVersion: ',
          'kind: ServiceExport',
          'kind: ServiceImport',
          'kind: ClusterSet',
          'spec:',
          'ports:',
          '  ',
          'name: ',
          'x',
        ),
        fc.string({ maxLength: 6 }),
      ),
      { maxLength: 120 },
    )
    .map((parts) => parts.join('')),
);

function timed<T>(what: string, fn: () => T): T {
  const started = performance.now();
  const result = fn();
  const ms = performance.now() - started;
  assert.ok(ms < HANG_MS, `${what} took ${Math.round(ms)} ms`);
  return result;
}

function assertInside(doc: TextDocument, range: Range, what: string): void {
  for (const p of [range.start, range.end]) {
    assert.ok(
      Number.isInteger(p.line) && p.line >= 0 && p.line < doc.lineCount,
      `${what}: line ${p.line} outside 0..${doc.lineCount - 1}`,
    );
    const lineLength = doc
      .getText({ start: { line: p.line, character: 0 }, end: { line: p.line + 1, character: 0 } })
      .replace(/\r?\n$|\r$/, '').length;
    assert.ok(
      Number.isInteger(p.character) && p.character >= 0 && p.character <= lineLength,
      `${what}: character ${p.character} outside line ${p.line} of length ${lineLength}`,
    );
  }
  assert.ok(
    range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character),
    `${what}: start after end`,
  );
}

function editsOn(action: CodeAction, uri: string): TextEdit[] {
  const edits = [...(action.edit?.changes?.[uri] ?? [])];
  for (const c of action.edit?.documentChanges ?? [])
    if ('textDocument' in c && c.textDocument.uri === uri) edits.push(...c.edits.filter((e): e is TextEdit => 'range' in e));
  return edits;
}

function positionIn(doc: TextDocument, p: number): Position {
  return doc.positionAt(Math.floor(p * (doc.getText().length + 1)));
}

/** Rule crashes seen by the services of this file (every one is a failure). */
const crashes: RuleCrash[] = [];

/** Fails on any rule crash since the last call, naming the rule and its stack. */
function assertNoRuleCrash(diagnostics: readonly Diagnostic[], text: string): void {
  const seen = crashes.splice(0);
  const crash = seen[0];
  assert.equal(
    crash,
    undefined,
    crash &&
      `rule ${crash.ruleId} crashed on document ${crash.docIndex} of ${JSON.stringify(text.slice(0, 300))}: ${(crash.error as Error)?.stack ?? String(crash.error)}`,
  );
  const mcs000 = diagnostics.find((d) => d.code === RULE_CRASH_CODE);
  assert.equal(mcs000, undefined, mcs000 && `${RULE_CRASH_CODE} diagnostic: ${mcs000.message}`);
}

/** Every entry point on one text; throws on any violation. */
function exercise(service: LanguageService, text: string, probes: readonly number[]): void {
  timed('setFile', () => service.setFile(URI, text, 1));
  const doc = TextDocument.create(URI, 'yaml', 1, text);
  const { diagnostics } = timed('validate', () => service.validate(URI));
  assertNoRuleCrash(diagnostics, text);
  for (const d of diagnostics) {
    assertInside(doc, d.range, `diagnostic ${String(d.code)}`);
    // A rule that throws is a bug the engine turns into a finding: here it must fail the test.
    assert.doesNotMatch(d.message, /failed on this document/, `rule crash: ${d.message}`);
    for (const r of d.relatedInformation ?? [])
      if (r.location.uri === URI) assertInside(doc, r.location.range, `related of ${String(d.code)}`);
  }
  const whole: Range = { start: { line: 0, character: 0 }, end: doc.positionAt(text.length) };
  const ranges = [
    whole,
    ...probes.slice(0, 2).map((p) => ({ start: positionIn(doc, p), end: positionIn(doc, Math.min(1, p + 0.05)) })),
  ];
  for (const range of ranges) {
    for (const action of timed('codeActions', () => service.codeActions(URI, range, diagnostics))) {
      for (const e of editsOn(action, URI)) assertInside(doc, e.range, `edit of "${action.title}"`);
    }
  }
  for (const p of probes) {
    const pos = positionIn(doc, p);
    const hover = timed('hover', () => service.hover(URI, pos));
    if (hover?.range) assertInside(doc, hover.range, 'hover');
    const completion = timed('completion', () => service.completion(URI, pos));
    for (const item of completion?.items ?? []) {
      const te = item.textEdit;
      if (te && 'range' in te) assertInside(doc, te.range, `completion ${item.label}`);
      if (te && 'insert' in te) {
        assertInside(doc, te.insert, `completion ${item.label} (insert)`);
        assertInside(doc, te.replace, `completion ${item.label} (replace)`);
      }
      for (const e of item.additionalTextEdits ?? []) assertInside(doc, e.range, `completion ${item.label} (additional edit)`);
    }
  }
}

/** A fresh service with a valid neighbour in another cluster, so cross-file rules have something to compare. */
function freshService(): LanguageService {
  const service = createLanguageService({ onRuleCrash: (c) => crashes.push(c) });
  service.setFile(NEIGHBOUR_URI, `${SEEDS[3]}---\n${SEEDS[0]}`, 1);
  return service;
}

const probes = fc.array(position, { minLength: 1, maxLength: 4 });

test('fuzz: mutated MCS documents never throw, stay in range and do not hang', () => {
  const service = freshService();
  fc.assert(
    fc.property(mutatedDocument, probes, (text, ps) => exercise(service, text, ps)),
    { numRuns: 1000, seed: Number(process.env.FUZZ_SEED ?? 20261125), includeErrorInReport: true },
  );
});

test('fuzz: random text and binary noise never throw, stay in range and do not hang', () => {
  const service = freshService();
  fc.assert(
    fc.property(randomDocument, probes, (text, ps) => exercise(service, text, ps)),
    { numRuns: 1500, seed: Number(process.env.FUZZ_SEED ?? 20261125), includeErrorInReport: true },
  );
});

test('fuzz: the same document edited step by step through one service (incremental caches)', () => {
  fc.assert(
    fc.property(fc.constantFrom(...SEEDS), fc.array(mutation, { minLength: 1, maxLength: 12 }), probes, (seed, mutations, ps) => {
      const service = freshService();
      let text = seed;
      for (const m of mutations) exercise(service, (text = m(text)), ps);
    }),
    { numRuns: 100, seed: Number(process.env.FUZZ_SEED ?? 20261125), includeErrorInReport: true },
  );
});

/** Deterministic bytes (xorshift), so a failure reproduces. */
function garbage(length: number, seed = 0x9e3779b9): string {
  const bytes = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes.toString('latin1');
}

const IMPORT_HEAD = 'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceImport\nmetadata: {name: web, namespace: shop}\n';

/** A ServiceImport of about `bytes` characters: under the per-document limit, so it is really parsed. */
function bigImport(bytes: number): string {
  const port = '  - {name: http, protocol: TCP, port: 80}\n';
  return `${IMPORT_HEAD}spec:\n  type: ClusterSetIP\n  ports:\n${port.repeat(Math.floor(bytes / port.length))}`;
}

const HOSTILE: Array<[string, () => string, number]> = [
  // [name, text, hang bound in ms: generous, these are detectors, not performance goals]
  // One 10 MB document: above the per-document limit, reported without parsing. (A 10 MB file of parseable
  // documents is bound by the yaml parser's own time, tens of seconds on this machine: not a unit test.)
  ['10 MB single document', () => bigImport(10.5e6), 10000],
  ['10,000-deep flow nesting [[[[…]]]]', () => `${IMPORT_HEAD}spec: ${'['.repeat(10000)}${']'.repeat(10000)}\n`, 10000],
  ['10,000-deep unclosed nesting [[[[…', () => `${IMPORT_HEAD}spec: ${'['.repeat(10000)}\n`, 10000],
  ['10,000-deep flow-map nesting {a: {a: …}}', () => `${IMPORT_HEAD}spec: ${'{a: '.repeat(10000)}1${'}'.repeat(10000)}\n`, 10000],
  [
    'billion laughs alias bomb',
    () =>
      `${IMPORT_HEAD}a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n${Array.from({ length: 9 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(', ')}]`).join('\n')}\nspec:\n  ports: *a9\n  type: *a9\n  ips: *a9\n`,
    5000,
  ],
  [
    'duplicate keys everywhere',
    () =>
      `${IMPORT_HEAD}kind: ServiceExport\nspec:\n  type: Headless\n  type: ClusterSetIP\n  ports: []\n  ports:\n  - {port: 1, port: 2, name: a, name: b}\nspec: {}\nmetadata: {name: x}\n`,
    5000,
  ],
  ['binary garbage', () => garbage(256 * 1024), 10000],
  ['binary garbage after a valid header', () => `${SEEDS[0]}---\n${IMPORT_HEAD}${garbage(64 * 1024, 7)}`, 10000],
];

for (const [name, make, boundMs] of HOSTILE) {
  test(`hostile input: ${name}`, () => {
    const text = make();
    const service = freshService();
    const doc = TextDocument.create(URI, 'yaml', 1, text);
    const started = performance.now();
    service.setFile(URI, text, 1);
    const { diagnostics } = service.validate(URI);
    assertNoRuleCrash(diagnostics, text);
    for (const d of diagnostics) assertInside(doc, d.range, `diagnostic ${String(d.code)}`);
    const end = doc.positionAt(text.length);
    service.codeActions(URI, { start: { line: 0, character: 0 }, end }, diagnostics);
    for (const pos of [
      { line: 0, character: 0 },
      { line: 4, character: 2 },
      { line: Math.floor(end.line / 2), character: 3 },
      end,
    ]) {
      service.hover(URI, pos);
      service.completion(URI, pos);
    }
    const ms = performance.now() - started;
    assert.ok(ms < boundMs, `${name}: ${Math.round(ms)} ms`);
  });
}
