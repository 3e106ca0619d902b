// Seeded random manifest-shaped YAML for the fast path's differential tests: block maps and lists nested in
// every way manifests nest them, quoting, comments at odd indents, blank lines, trailing spaces, YAML 1.1
// words and numbers, empty values, flow collections, and now and then something outside the subset (tabs,
// anchors, block scalars, CRLF), so both branches of the fast path are exercised.

/** A small deterministic PRNG (mulberry32). */
export { seededRandom as rng } from '../../../../../bench/seededRandom';

const WORDS = [
  'name',
  'port',
  'on',
  'yes',
  'no',
  'y',
  'N',
  'true',
  'Off',
  'null',
  '~',
  'kind',
  'app',
  'spec',
  'a-b',
  'x.y/z',
  '80',
  '0120',
  '1_000',
  '0x1F',
  '-1',
  '1e3',
  '.5',
  '.inf',
  '-.Inf',
  '.NaN',
  '2024-01-02',
  '2001-12-14t21:59:43.10-05:00',
  'http://x:8080/p',
  'a:b',
  'v#1',
  'a  b',
  '--flag=1',
  'é€',
  '0o17',
  '0b101',
  '+12',
  '08',
  '1:20',
  'TCP',
  'ClusterSetIP',
  '10.42.0.1',
  'a,b',
  'x]',
  '{x',
];
const KEYS = [
  'name',
  'port',
  'on',
  'yes',
  'y',
  'kind',
  'app',
  'spec',
  'metadata',
  'labels',
  'a-b',
  'x.y/z',
  '80',
  '1',
  '01',
  'true',
  'True',
  '~',
  'null',
  'n',
  'k8s.io/name',
  'protocol',
  '-x',
  'a b',
];

export function generateDocument(r: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const chance = (p: number): boolean => r() < p;
  const sp = (): string => (chance(0.1) ? ' '.repeat(1 + Math.floor(r() * 3)) : '');
  const comment = (indent: number): string => `${' '.repeat(Math.max(0, indent + Math.floor(r() * 7) - 3))}# ${pick(WORDS)}\n`;
  const trivia = (indent: number): string => {
    let s = '';
    while (chance(0.15)) s += chance(0.5) ? `${sp()}\n` : comment(indent);
    return s;
  };
  const scalar = (): string => {
    const w = pick(WORDS);
    const x = r();
    if (x < 0.15)
      return `"${w.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}${chance(0.2) ? pick(['\\n', '\\t', '\\"', '\\u00e9', '\\x41', '\\/', '\\q']) : ''}"`;
    if (x < 0.25) return `'${w.replace(/'/g, "''")}${chance(0.2) ? "''" : ''}'`;
    if (x < 0.3)
      return `[${Array.from({ length: Math.floor(r() * 3) }, () => pick(WORDS.filter((v) => !/[,\]{:#]/.test(v)))).join(', ')}]`;
    if (x < 0.33)
      return `{${Array.from({ length: Math.floor(r() * 3) }, (_, i) => `k${i}: ${pick(['v', '"q"', '1', 'on'])}`).join(', ')}}`;
    if (x < 0.35) return pick(['&a x', '*a', '!!str 1', 'a\n  continued', '"multi\n  line"']);
    if (x < 0.42) return blockScalar();
    return w;
  };
  // Block scalars are indented from the line they start on: `indentNow` is set by value() and seq().
  let indentNow = 0;
  const blockScalar = (): string => {
    const header = pick(['|', '|-', '>', '>-', '|', '| # c', '|+', '>2', '|  ']);
    const inner = indentNow + pick([1, 2, 2, 4]);
    let body = '';
    const lines = 1 + Math.floor(r() * 5);
    for (let i = 0; i < lines; i++) {
      const y = r();
      if (y < 0.15) body += '\n';
      else if (y < 0.2) body += `${' '.repeat(inner + 2)}\n`;
      else if (y < 0.3) body += `${' '.repeat(inner + 2)}${pick(WORDS)}\n`;
      else if (y < 0.35) body += `${' '.repeat(inner)}# ${pick(WORDS)}\n`;
      else body += `${' '.repeat(inner)}${pick(WORDS)} ${pick(WORDS)}\n`;
    }
    // The caller adds the newline after a value.
    return `${header}\n${body.replace(/\n$/, '')}`;
  };
  const key = (): string => {
    const k = pick(KEYS);
    return chance(0.1) ? `"${k}"` : chance(0.05) ? `'${k}'` : k;
  };
  const value = (indent: number, depth: number): string => {
    const x = r();
    indentNow = indent;
    if (depth > 4 || x < 0.45) return ` ${scalar()}${sp()}${chance(0.1) ? ` # ${pick(WORDS)}` : ''}\n`;
    if (x < 0.5) return `${sp()}${chance(0.2) ? ' # empty' : ''}\n`;
    const step = pick([2, 2, 2, 4, 1, 3]);
    if (x < 0.75) return `\n${trivia(indent)}${map(indent + step, depth + 1)}`;
    // Lists sit at the key's indent or deeper.
    return `\n${trivia(indent)}${seq(chance(0.5) ? indent : indent + step, depth + 1)}`;
  };
  const map = (indent: number, depth: number, first = false): string => {
    let s = '';
    const n = 1 + Math.floor(r() * 4);
    for (let i = 0; i < n; i++) {
      s += `${i === 0 && first ? '' : ' '.repeat(indent)}${key()}${chance(0.05) ? ' ' : ''}:${value(indent, depth)}${trivia(indent)}`;
    }
    return s;
  };
  const seq = (indent: number, depth: number): string => {
    let s = '';
    const n = 1 + Math.floor(r() * 3);
    for (let i = 0; i < n; i++) {
      const x = r();
      s += `${' '.repeat(indent)}-`;
      indentNow = indent;
      if (x < 0.4) s += ` ${scalar()}${sp()}\n`;
      else if (x < 0.75) s += `${' '.repeat(1 + (chance(0.2) ? 2 : 0))}${map(indent + 2, depth + 1, true)}`;
      else if (x < 0.8) s += `${sp()}\n`;
      else s += `\n${map(indent + 2, depth + 1)}`;
      s += trivia(indent);
    }
    return s;
  };
  let doc = `${chance(0.3) ? '---\n' : ''}${chance(0.2) ? '# header\n' : ''}`;
  doc += chance(0.15) ? seq(0, 0) : `apiVersion: v1\nkind: ${pick(['Service', 'ServiceExport', 'ConfigMap'])}\n${map(0, 0)}`;
  if (chance(0.05)) doc = doc.replace(/\n/g, '\r\n');
  if (chance(0.03)) doc = doc.replace('  ', '\t');
  if (chance(0.05)) doc = doc.replace(/\n$/, '');
  return doc;
}

const MUTATION_CHARS = [' ', '\t', ':', '"', "'", '#', '-', '\n', '\r', 'x', '[', '{', ',', '\\', '|', '>'];

/** One small edit of `text`: insert or delete a character, or indent/dedent a line. */
export function mutate(text: string, r: () => number): string {
  const at = Math.floor(r() * (text.length + 1));
  const x = r();
  if (x < 0.4) return text.slice(0, at) + MUTATION_CHARS[Math.floor(r() * MUTATION_CHARS.length)] + text.slice(at);
  if (x < 0.7) return text.slice(0, at) + text.slice(at + 1);
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  if (x < 0.85) return `${text.slice(0, lineStart)} ${text.slice(lineStart)}`;
  return text[lineStart] === ' ' ? text.slice(0, lineStart) + text.slice(lineStart + 1) : text;
}
