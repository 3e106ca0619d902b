// Scalars as kubectl reads them. kubectl turns YAML into JSON with sigs.k8s.io/yaml, which decodes with go-yaml v2
// (go.yaml.in/yaml/v2): YAML 1.1 resolution, not the YAML 1.2 core schema. This file follows go-yaml v2's
// `resolve` function rule by rule (resolve.go: a first-character hint, a table of words, then timestamp, int with
// `_` removed and Go's base prefixes, uint, YAML-style float, 0b binary), and the JSON step after it (a timestamp
// becomes an RFC 3339 string). The `yaml` package's own 1.1 schema differs in ways kubectl users would meet
// (it reads `1:20` as sexagesimal 80 and `0o17` as a string; go-yaml does the opposite), so it is not used.

export type ScalarValue = string | number | boolean | null;

const TRUE_WORDS = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const FALSE_WORDS = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
const NULL_WORDS = new Set(['', '~', 'null', 'Null', 'NULL']);
const INFINITY_WORDS = new Set(['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']);
const NEG_INFINITY_WORDS = new Set(['-.inf', '-.Inf', '-.INF']);
const NAN_WORDS = new Set(['.nan', '.NaN', '.NAN']);

/** go-yaml's yamlStyleFloat. */
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
/** What Go's strconv.ParseInt(s, 0, 64) accepts once `_` are gone: sign, then a base prefix or decimal/octal. */
const GO_INT = /^[-+]?(?:0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)$/;
/** Go's strconv.ParseFloat for what reaches it with a `.` first: decimal forms only (no hex float starts with `.`). */
const DOT_FLOAT = /^\.[0-9]+(?:[eE][-+]?[0-9]+)?$/;
const TIMESTAMP =
  /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:([Tt ])([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(\.[0-9]+)?(Z|[-+][0-9]{2}:[0-9]{2})?)?$/;

/** The value go-yaml v2 (and so kubectl) gives an unquoted, untagged scalar written as `source`. */
export function resolvePlain(source: string): ScalarValue {
  const c = source.charCodeAt(0);
  // go-yaml's hint table: only these first characters can make a non-string.
  const digit = c >= 48 && c <= 57;
  const sign = c === 43 || c === 45;
  const word = source.length > 0 && 'yYnNtTfFoO~'.includes(source[0]);
  if (source.length > 0 && !digit && !sign && !word && c !== 46) return source;
  if (TRUE_WORDS.has(source)) return true;
  if (FALSE_WORDS.has(source)) return false;
  if (NULL_WORDS.has(source)) return null;
  if (INFINITY_WORDS.has(source)) return Infinity;
  if (NEG_INFINITY_WORDS.has(source)) return -Infinity;
  if (NAN_WORDS.has(source)) return NaN;
  if (word) return source;
  if (c === 46) return DOT_FLOAT.test(source) ? Number(source) : source;
  const ts = timestampText(source);
  if (ts !== undefined) return ts;
  const plain = source.replace(/_/g, '');
  const int = goInt(plain);
  if (int !== undefined) return int;
  if (YAML_STYLE_FLOAT.test(plain)) {
    const f = Number(plain);
    // Go's ParseFloat fails on out-of-range values (1e400), and go-yaml then keeps the string.
    return Number.isFinite(f) ? f : source;
  }
  // `-0b…` is the one prefixed form ParseInt(…, 0, …) would have taken anyway; go-yaml also tries `0b` by hand.
  return source;
}

/** Go's ParseInt/ParseUint with base 0 (within 64 bits), as a JS number. */
function goInt(plain: string): number | undefined {
  if (!GO_INT.test(plain)) return undefined;
  const negative = plain[0] === '-';
  const body = plain[0] === '-' || plain[0] === '+' ? plain.slice(1) : plain;
  let n: bigint;
  const p = body.slice(0, 2).toLowerCase();
  if (p === '0x' || p === '0b' || p === '0o') n = BigInt(`0${p[1]}${body.slice(2)}`);
  else if (body.length > 1 && body[0] === '0') n = BigInt(`0o${body.slice(1)}`);
  else n = BigInt(body);
  if (negative) n = -n;
  // Beyond int64 (and uint64 for positives) Go's parse fails; go-yaml then tries the float form.
  if (n < -(2n ** 63n) || n > 2n ** 64n - 1n) return undefined;
  return Number(n);
}

/** A YAML 1.1 timestamp go-yaml accepts, as the RFC 3339 string its JSON step writes; undefined otherwise. */
function timestampText(s: string): string | undefined {
  const m = TIMESTAMP.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, sep, h, mi, se, frac, zone] = m;
  // go-yaml's layouts: date only; `T`/`t` with a zone; a space without one.
  if (sep !== undefined && (sep === ' ') !== (zone === undefined)) return undefined;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  const two = (v: string | number): string => String(v).padStart(2, '0');
  const date = `${y}-${two(month)}-${two(day)}`;
  if (sep === undefined) return `${date}T00:00:00Z`;
  if (Number(h) > 23 || Number(mi) > 59 || Number(se) > 59) return undefined;
  // time.Time's JSON form is RFC3339Nano: at most 9 fraction digits, trailing zeros dropped.
  const fraction = frac ? frac.slice(0, 10).replace(/0+$/, '').replace(/^\.$/, '') : '';
  return `${date}T${two(h)}:${two(mi)}:${two(se)}${fraction}${zone ?? 'Z'}`;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const CORE_NULL = /^(?:~|null|Null|NULL)?$/;
const CORE_BOOL = /^(?:true|True|TRUE|false|False|FALSE)$/;
const CORE_INT = /^[-+]?[0-9]+$/;
const CORE_OCT = /^0o[0-7]+$/;
const CORE_HEX = /^0x[0-9a-fA-F]+$/;
const CORE_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const CORE_INF = /^[-+]?\.(?:inf|Inf|INF)$/;
const CORE_NAN = /^\.(?:nan|NaN|NAN)$/;

/** The YAML 1.2 core-schema reading of a plain scalar (what editors and most linters show). */
export function resolvePlainCore12(source: string): ScalarValue {
  if (CORE_NULL.test(source)) return null;
  if (CORE_BOOL.test(source)) return source[0] === 't' || source[0] === 'T';
  if (CORE_INT.test(source)) return Number(source);
  if (CORE_OCT.test(source)) return parseInt(source.slice(2), 8);
  if (CORE_HEX.test(source)) return parseInt(source.slice(2), 16);
  if (CORE_FLOAT.test(source)) return Number(source);
  if (CORE_INF.test(source)) return source[0] === '-' ? -Infinity : Infinity;
  if (CORE_NAN.test(source)) return NaN;
  return source;
}

const sameValue = (a: ScalarValue, b: ScalarValue): boolean => a === b || (Number.isNaN(a) && Number.isNaN(b));

/** True when kubectl's (YAML 1.1) value of the plain scalar `source` is not what YAML 1.2 reads. */
export function readsDifferentlyThan12(source: string, value: ScalarValue): boolean {
  return !sameValue(value, resolvePlainCore12(source));
}

/**
 * The value of a scalar with an explicit standard tag (`!!str 80`, `!!int "80"`), as go-yaml gives it, or an
 * error message when go-yaml refuses it ("cannot decode !!str `abc` as a !!int"). Unknown tags keep the text.
 */
export function resolveTagged(tag: string, text: string): { value: ScalarValue; error?: string } {
  const short = tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
  if (short === '!!str' || short === '!!binary' || !short.startsWith('!!')) return { value: text };
  const v = resolvePlain(text);
  const got = v === null ? '!!null' : typeof v === 'boolean' ? '!!bool' : typeof v === 'number' ? numberTag(text, v) : '!!str';
  if (short === got || (short === '!!timestamp' && typeof v === 'string' && v !== text)) return { value: v };
  if (short === '!!float' && got === '!!int') return { value: v };
  return { value: text, error: `cannot decode ${got} \`${excerpt(text)}\` as a ${short} (kubectl refuses the file)` };
}

function numberTag(text: string, v: number): string {
  return Number.isInteger(v) && goInt(text.replace(/_/g, '')) !== undefined ? '!!int' : '!!float';
}

/** A piece of source text short enough to quote in a message. */
export function excerpt(text: string, max = 60): string {
  const oneLine = text.replace(/[\r\n]+/g, ' ');
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max)}… (${text.length} characters)`;
}

/** How kubectl's reading of a plain scalar surprises, for messages: "`no` is the boolean false for kubectl". */
export function kubectlReadingNote(source: string, value: ScalarValue, advise = true): string {
  const what =
    typeof value === 'boolean'
      ? `the boolean ${value}`
      : typeof value === 'number'
        ? `the number ${value}`
        : value === null
          ? 'null'
          : `the string "${value}"`;
  const advice = advise && (typeof value === 'number' || typeof value === 'boolean') ? '; quote it if you mean the text' : '';
  return `\`${excerpt(source)}\` is ${what} for kubectl (YAML 1.1)${advice}`;
}

/**
 * For a message about a scalar's type: why kubectl reads it so, when YAML 1.2 would not (empty otherwise).
 * `advise: false` where the message ends with its own fix ("Quote it: …"), so it is not said twice.
 */
export function yaml11NoteFor(
  n: { type: string; value?: unknown; yaml11Source?: string } | null | undefined,
  advise = true,
): string {
  if (!n || n.type !== 'scalar' || n.yaml11Source === undefined) return '';
  return ` (${kubectlReadingNote(n.yaml11Source, n.value as ScalarValue, advise)})`;
}

/** The text a scalar was written as, when kubectl reads it differently (`0120`), else its value as text. */
export function writtenText(n: { value?: unknown; yaml11Source?: string }): string {
  return n.yaml11Source ?? String(n.value);
}
