// Kubernetes name and label syntax (apimachinery validation rules), and a small similarity measure for
// "did you mean" suggestions. The MCS CRDs validate none of this, so the language server has to.

const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

export const MAX_LABEL = 63;
export const MAX_DNS_NAME = 253;

/** Service names: lowercase, starts with a letter, at most 63 characters. */
export function isDns1035Label(s: string): boolean {
  return s.length <= MAX_LABEL && DNS1035_LABEL.test(s);
}

export function isDns1123Label(s: string): boolean {
  return s.length <= MAX_LABEL && DNS1123_LABEL.test(s);
}

/** apimachinery's IsDNS1123Subdomain: ≤253 characters, dot-joined labels; no per-label length limit. */
export function isDns1123Subdomain(s: string): boolean {
  return s.length <= MAX_DNS_NAME && DNS1123_SUBDOMAIN.test(s);
}

/** The name part of a qualified name (label key, appProtocol): ≤63, letters, digits, "-", "_", ".", alphanumeric at both ends. */
export function isQualifiedNamePart(s: string): boolean {
  return s.length <= MAX_LABEL && QUALIFIED_NAME.test(s);
}

/** A label key's prefix: a DNS subdomain whose labels are each at most 63 characters too. */
function isLabelKeyPrefix(s: string): boolean {
  return isDns1123Subdomain(s) && s.split('.').every(isDns1123Label);
}

/** Why `key` is not a valid label/annotation key (`[prefix/]name`), or undefined when it is valid. */
export function qualifiedNameProblem(key: string): string | undefined {
  const parts = key.split('/');
  if (parts.length > 2) return 'a key may contain at most one "/" (between an optional DNS-subdomain prefix and the name)';
  const name = parts[parts.length - 1];
  if (parts.length === 2 && !isLabelKeyPrefix(parts[0]))
    return `the prefix "${parts[0]}" must be a lowercase DNS subdomain of at most ${MAX_DNS_NAME} characters`;
  if (name.length === 0) return 'the name part is empty';
  if (name.length > MAX_LABEL) return `the name part has ${name.length} characters (at most ${MAX_LABEL})`;
  if (!QUALIFIED_NAME.test(name))
    return `the name part "${name}" must start and end with a letter or digit and contain only letters, digits, "-", "_" and "."`;
  return undefined;
}

/** Why `value` is not a valid label value, or undefined when it is valid (empty is valid). */
export function labelValueProblem(value: string): string | undefined {
  if (value.length > MAX_LABEL) return `it has ${value.length} characters (at most ${MAX_LABEL})`;
  if (!LABEL_VALUE.test(value))
    return 'it must be empty or start and end with a letter or digit and contain only letters, digits, "-", "_" and "."';
  return undefined;
}

/** Edit distance, bounded: returns `limit + 1` as soon as the distance exceeds `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, cur[j]);
    }
    if (rowMin > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** A name is "similar" when one extends the other at a word boundary (payments → payments-api) or they differ by ≤2 edits. */
export function isSimilarName(wanted: string, candidate: string): boolean {
  if (wanted === candidate) return false;
  const [short, long] = wanted.length <= candidate.length ? [wanted, candidate] : [candidate, wanted];
  if (short.length >= 2 && (long.startsWith(`${short}-`) || long.endsWith(`-${short}`))) return true;
  return editDistance(wanted, candidate, 2) <= 2 && Math.min(wanted.length, candidate.length) > 2;
}
