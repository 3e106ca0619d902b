// Every contributed snippet, expanded the way VS Code inserts it with its default values, must be YAML the
// language service accepts: it parses, has the kind(s) its name promises, and yields no Error diagnostic.
// The codes it does yield (expected for a lone snippet) are pinned so that any change is noticed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { diagnosticsOf, serviceWith } from '../../helpers/lint';

const REPO = join(import.meta.dirname, '../../..');
const PATH = 'clusters/east/snippet.yaml';

interface Snippet {
  prefix: string | string[];
  description?: string;
  body: string | string[];
}

interface SnippetContribution {
  language: string;
  path: string;
}

/**
 * What each snippet yields on its own (default settings: the `generic` implementation), as sorted
 * `CODE:severity` (1 error, 2 warning, 3 information, 4 hint).
 */
const EXPECTED: Record<string, string[]> = {
  // No Service in the workspace (MCS101).
  ServiceExport: ['MCS101:2'],
  // Hand-authored ServiceImport (MCS401, a hint in the generic profile); ClusterSetIP without `ips` (MCS409).
  'ServiceImport (ClusterSetIP)': ['MCS401:4', 'MCS409:4'],
  'ServiceImport (Headless)': ['MCS401:4'],
  'Service + ServiceExport': [],
  ClusterProperty: [],
  ClusterSet: [],
};

/**
 * Expands a snippet body with its defaults, as VS Code inserts it when the user just tabs through:
 * `${1:web}` → `web`, `${1|a,b|}` → `a`, `$1`/`${1}`/`$0` → empty; a placeholder mirrored elsewhere
 * (`$1`, or `${1:…}` again) takes the default of its first definition. Handles `\$`, `\}`, `\\` escapes
 * and nested placeholders in defaults.
 */
function expandSnippet(body: string): string {
  const defaults = new Map<string, string>();
  let i = 0;

  function parse(stopAt: string | undefined): string {
    let out = '';
    while (i < body.length) {
      const c = body[i];
      if (c === '\\' && i + 1 < body.length && '$}\\,|'.includes(body[i + 1])) {
        out += body[i + 1];
        i += 2;
      } else if (stopAt !== undefined && c === stopAt) {
        return out;
      } else if (c === '$') {
        out += placeholder();
      } else {
        out += c;
        i++;
      }
    }
    if (stopAt !== undefined) throw new Error(`unterminated placeholder in snippet body: ${body}`);
    return out;
  }

  function placeholder(): string {
    const simple = /^\$(\d+)/.exec(body.slice(i));
    if (simple) {
      i += simple[0].length;
      return defaults.get(simple[1]) ?? '';
    }
    const braced = /^\$\{(\d+)/.exec(body.slice(i));
    if (!braced) {
      // `$name` / `${name}` variables are not used by our snippets; keep them visible so the test fails.
      i++;
      return '$';
    }
    const index = braced[1];
    i += braced[0].length;
    let value = '';
    if (body[i] === ':') {
      i++;
      value = parse('}');
    } else if (body[i] === '|') {
      const end = body.indexOf('|}', i + 1);
      if (end < 0) throw new Error(`unterminated choice in snippet body: ${body}`);
      value = body.slice(i + 1, end).split(',')[0];
      i = end + 1;
    } else if (body[i] !== '}') {
      throw new Error(`unsupported placeholder at ${i} in snippet body: ${body}`);
    }
    i++; // the closing brace
    if (index === '0') return value;
    if (!defaults.has(index)) defaults.set(index, value);
    return defaults.get(index) ?? '';
  }

  return parse(undefined);
}

/** `Service + ServiceExport` → both kinds; `ServiceImport (Headless)` → ServiceImport. */
function promisedKinds(name: string): string[] {
  return name.split('+').map((part) => part.replace(/\(.*\)/, '').trim());
}

const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
  contributes: { snippets: SnippetContribution[] };
};
const contributions = pkg.contributes.snippets;

test('the expander follows VS Code: defaults, first choice, empty tab stops, mirrors', () => {
  assert.equal(expandSnippet('a: ${1:web}\nb: $1\nc: ${1:other}\n$0'), 'a: web\nb: web\nc: web\n');
  assert.equal(expandSnippet('v: ${1|v1alpha1,v1beta1|}\nw: ${2}$3'), 'v: v1alpha1\nw: ');
  assert.equal(expandSnippet('x: ${1:a ${2:b}}\ny: $2\nz: \\$1 \\}'), 'x: a b\ny: b\nz: $1 }');
});

test('package.json contributes the YAML snippet file', () => {
  assert.deepEqual(
    contributions.map((c) => [c.language, c.path]),
    [['yaml', './snippets/mcs.code-snippets']],
  );
});

for (const contribution of contributions) {
  const snippets = JSON.parse(readFileSync(join(REPO, contribution.path), 'utf8')) as Record<string, Snippet>;

  test(`${contribution.path}: every snippet has a pinned expectation`, () => {
    assert.deepEqual(Object.keys(snippets).sort(), Object.keys(EXPECTED).sort());
  });

  for (const [name, snippet] of Object.entries(snippets)) {
    test(`${contribution.path}: "${name}" expands to valid YAML of the promised kind without errors`, () => {
      const body = Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body;
      const text = expandSnippet(body);
      assert.doesNotMatch(text, /\$/, `unexpanded placeholder in:\n${text}`);

      const docs = parseAllDocuments(text);
      assert.ok(Array.isArray(docs), 'not a YAML stream');
      for (const doc of docs)
        assert.deepEqual(
          doc.errors.map((e) => e.message),
          [],
          text,
        );
      const kinds = docs.map((doc) => (doc.toJS() as { kind?: unknown } | null)?.kind);
      assert.deepEqual(kinds, promisedKinds(name), text);

      const diagnostics = diagnosticsOf(serviceWith({ [PATH]: text }), PATH);
      assert.deepEqual(
        diagnostics.filter((d) => d.code === 'YAML'),
        [],
        'the language service cannot parse it',
      );
      assert.deepEqual(
        diagnostics.filter((d) => d.severity === 1),
        [],
        `Error diagnostics for the snippet "${name}":\n${text}`,
      );
      assert.deepEqual(diagnostics.map((d) => `${d.code}:${d.severity}`).sort(), EXPECTED[name], text);
    });
  }
}
