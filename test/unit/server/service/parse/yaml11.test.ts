// Scalars as kubectl reads them: go-yaml v2's resolve rules (go.yaml.in/yaml/v2 v2.4.2 resolve.go, the version
// sigs.k8s.io/yaml decodes with), one row per rule, then the same through the parser (values, keys, tags).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocumentText } from '../../../../../server/src/service/parse/parsedDocument';
import { nodeAt, stringAt } from '../../../../../server/src/service/parse/path';
import {
  readsDifferentlyThan12,
  resolvePlain,
  resolveTagged,
  type ScalarValue,
} from '../../../../../server/src/service/parse/yaml11';

/** [plain source, kubectl's value, why] — the why names go-yaml's rule. */
const TABLE: Array<[string, ScalarValue, string]> = [
  // The word table (hint 'M'): YAML 1.1 booleans in the three spellings go-yaml lists, nulls, special floats.
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'true', 'True', 'TRUE'].map((s): [string, ScalarValue, string] => [
    s,
    true,
    'bool word',
  ]),
  ...['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF', 'false', 'False', 'FALSE'].map((s): [string, ScalarValue, string] => [
    s,
    false,
    'bool word',
  ]),
  ['yES', 'yES', 'mixed case is not in the table'],
  ['oN', 'oN', 'mixed case is not in the table'],
  ['nO', 'nO', 'mixed case is not in the table'],
  ['yeah', 'yeah', 'hint M but not in the table'],
  ['~', null, 'null word'],
  ['null', null, 'null word'],
  ['Null', null, 'null word'],
  ['NULL', null, 'null word'],
  ['nUll', 'nUll', 'not in the table'],
  ['.inf', Infinity, 'float word'],
  ['+.Inf', Infinity, 'float word (sign hint)'],
  ['-.INF', -Infinity, 'float word'],
  // Hint '.': ParseFloat.
  ['.5', 0.5, 'ParseFloat'],
  ['.5e2', 50, 'ParseFloat'],
  ['.', '.', 'ParseFloat fails'],
  ['.5_0', '.5_0', 'ParseFloat takes no `_` without a base prefix'],
  // Hint 'D'/'S': ParseInt(base 0) after removing `_`.
  ['80', 80, 'decimal'],
  ['+80', 80, 'sign'],
  ['-80', -80, 'sign'],
  ['0', 0, 'zero'],
  ['0120', 80, 'leading 0 is octal'],
  ['0o17', 15, 'Go 0o prefix'],
  ['0O17', 15, 'prefixes are case-insensitive'],
  ['0x1F', 31, 'hex'],
  ['0X1f', 31, 'hex'],
  ['0x_0A_74_AE', 685230, '`_` removed before ParseInt'],
  ['0b101', 5, 'binary'],
  ['-0b101010', -42, 'negative binary'],
  ['1_000', 1000, '`_` removed'],
  ['+685_230', 685230, '`_` removed, sign'],
  ['02472256', 685230, 'octal'],
  // ParseInt fails, yamlStyleFloat matches.
  ['08', 8, 'not octal, read as float 8'],
  ['09.5', 9.5, 'float'],
  ['1.5', 1.5, 'float'],
  ['1.', 1, 'float'],
  ['1e3', 1000, 'float with exponent'],
  ['685.230_15e+03', 685230.15, '`_` removed, float'],
  ['-.5', -0.5, 'signed float'],
  ['1e400', '1e400', 'out of range: ParseFloat fails, the string stays'],
  ['99999999999999999999', 1e20, 'beyond uint64: float'],
  // What go-yaml does not resolve.
  ['190:20:30', '190:20:30', 'no sexagesimal (dropped in go-yaml on purpose)'],
  ['1:20', '1:20', 'no sexagesimal'],
  ['0b102', '0b102', 'bad binary'],
  ['0x', '0x', 'prefix without digits'],
  ['12abc', '12abc', 'digits then letters'],
  ['+', '+', 'sign alone'],
  ['-', '-', 'sign alone'],
  ['web', 'web', 'no hint'],
  ['ClusterSetIP', 'ClusterSetIP', 'no hint'],
  ['10.0.0.0/8', '10.0.0.0/8', 'CIDR stays a string'],
  ['10.0.0.1', '10.0.0.1', 'IP stays a string'],
  // Timestamps (digits first, 4-digit year): go-yaml's layouts, then time.Time's JSON form.
  ['2024-01-02', '2024-01-02T00:00:00Z', 'date only'],
  ['2024-1-2', '2024-01-02T00:00:00Z', 'short date fields'],
  ['2001-12-14t21:59:43.10-05:00', '2001-12-14T21:59:43.1-05:00', 'lower-case t with zone'],
  ['2001-12-14T21:59:43Z', '2001-12-14T21:59:43Z', 'RFC 3339'],
  ['2001-12-14 21:59:43.10', '2001-12-14T21:59:43.1Z', 'space, no zone'],
  ['2001-12-14 21:59:43.10 -5', '2001-12-14 21:59:43.10 -5', 'not a layout go-yaml accepts'],
  ['2024-02-30', '2024-02-30', 'no such day'],
  ['2024-13-01', '2024-13-01', 'no such month'],
];

for (const [source, want, why] of TABLE) {
  test(`kubectl reads plain \`${source}\` as ${JSON.stringify(want)} (${why})`, () => {
    assert.deepEqual(resolvePlain(source), want);
  });
}

test('the surprises are flagged against YAML 1.2, the rest not', () => {
  for (const s of ['no', 'yes', 'on', 'off', 'y', 'N', '0120', '1_000', '0b101', '2024-01-02', '1e400'])
    assert.equal(readsDifferentlyThan12(s, resolvePlain(s)), true, s);
  for (const s of ['true', 'false', '80', '0x1F', '0o17', '1.5', 'web', '~', '', '08', '.inf'])
    assert.equal(readsDifferentlyThan12(s, resolvePlain(s)), false, s);
});

test('explicit standard tags: !!str keeps the text, !!int converts, a mismatch is refused as go-yaml refuses it', () => {
  assert.deepEqual(resolveTagged('tag:yaml.org,2002:str', '80'), { value: '80' });
  assert.deepEqual(resolveTagged('tag:yaml.org,2002:int', '0120'), { value: 80 });
  assert.deepEqual(resolveTagged('tag:yaml.org,2002:float', '1'), { value: 1 });
  assert.deepEqual(resolveTagged('tag:yaml.org,2002:bool', 'yes'), { value: true });
  assert.deepEqual(resolveTagged('!custom', 'yes'), { value: 'yes' });
  const bad = resolveTagged('tag:yaml.org,2002:int', 'abc');
  assert.equal(bad.value, 'abc');
  assert.match(bad.error ?? '', /cannot decode !!str `abc` as a !!int/);
});

const doc = (text: string) => parseDocumentText(`apiVersion: v1\nkind: Service\n${text}`);

test('the tree holds what kubectl sends: plain scalars resolved, quoted and block scalars strings', () => {
  const d = doc(
    'spec:\n  a: no\n  b: "no"\n  c: \'0120\'\n  d: 0120\n  e: |\n    yes\n  f: [on, 1_000, "1_000"]\n  g: !!str 0120\n  h: !!int "42"\n',
  );
  const v = (p: Array<string | number>) => {
    const n = nodeAt(d.root, ['spec', ...p]);
    return n?.type === 'scalar' ? n.value : undefined;
  };
  assert.equal(v(['a']), false);
  assert.equal(v(['b']), 'no');
  assert.equal(v(['c']), '0120');
  assert.equal(v(['d']), 80);
  assert.equal(v(['e']), 'yes\n');
  assert.deepEqual([v(['f', 0]), v(['f', 1]), v(['f', 2])], [true, 1000, '1_000']);
  assert.equal(v(['g']), '0120');
  assert.equal(v(['h']), 42);
  const a = nodeAt(d.root, ['spec', 'a']);
  assert.equal(a?.type === 'scalar' && a.yaml11Source, 'no');
  const b = nodeAt(d.root, ['spec', 'b']);
  assert.equal(b?.type === 'scalar' && b.yaml11Source, undefined);
  assert.deepEqual(d.syntaxProblems, []);
});

test('keys resolve too, as sigs.k8s.io/yaml turns them into JSON strings (`on:` is "true", `0120:` is "80")', () => {
  const d = doc('data:\n  on: first\n  0120: second\n  "on": third\n');
  assert.equal(stringAt(d.root, ['data', 'true']), 'first');
  assert.equal(stringAt(d.root, ['data', '80']), 'second');
  assert.equal(stringAt(d.root, ['data', 'on']), 'third');
});

test('a standard tag the value does not fit is a syntax problem (kubectl refuses the file)', () => {
  const d = doc('spec:\n  x: !!int abc\n');
  assert.equal(d.syntaxProblems.length, 1);
  assert.equal(d.syntaxProblems[0].code, 'BAD_TAG');
});

test('why not the `yaml` package’s own 1.1 schema: it differs from go-yaml where kubectl users meet it', async () => {
  const { parse } = await import('yaml');
  const lib = parse('[1:20, 0o17, 0b101, 0120]', { version: '1.1' }) as unknown[];
  // go-yaml v2: no sexagesimal, Go's 0o prefix is octal.
  assert.deepEqual(lib, [80, '0o17', 5, 80]);
  assert.deepEqual(['1:20', '0o17', '0b101', '0120'].map(resolvePlain), ['1:20', 15, 5, 80]);
});
