// Redaction of anything that could be a credential before a message leaves the cluster logic: error texts
// from TLS, exec plugins and API servers can quote tokens, PEM blocks or kubeconfig fields. Every fault
// message is built through faults.ts, which calls redact(); exec-plugin output additionally goes through
// pluginExcerpt(), because whatever a credential plugin prints is treated as secret by default.

const REDACTED = '[redacted]';

type Replacer = (match: string, ...groups: string[]) => string;

const RULES: [RegExp, Replacer][] = [
  // PEM blocks (certificates, private keys), even when cut off before their END line.
  [/-----BEGIN [A-Z0-9 ]+-----[\s\S]*?(?:-----END [A-Z0-9 ]+-----|$)/g, () => REDACTED],
  // Authorization header values.
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, (_m, scheme) => `${scheme} ${REDACTED}`],
  // JWTs (service-account and OIDC tokens) wherever they appear.
  [/\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, () => REDACTED],
  // key: value / key=value / "key":"value" for credential-looking keys (kubeconfig and exec-plugin output).
  [
    /\b((?:[\w-]*(?:token|password|passwd|secret|api[-_]?key)[\w-]*|client-key-data|client-certificate-data|certificate-authority-data)["']?\s*[:=]\s*)("[^"]*"|'[^']*'|[^\s,;}"']+)/gi,
    (_m, key) => `${key}${REDACTED}`,
  ],
  // "token <value>" in prose (plugin stderr): a long opaque word right after a credential word.
  [
    /\b(token|password|secret)(\s+)(?=[A-Za-z0-9._~+/=-]*\d)[A-Za-z0-9._~+/=-]{16,}/gi,
    (_m, word, space) => `${word}${space}${REDACTED}`,
  ],
];

const TOKEN_RUN = /[A-Za-z0-9+/_~.-]{16,}={0,2}/g;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Words of a camelCase/PascalCase name: an acronym before a word or a version (`HTTPRoute`, `IPv6`), an acronym, a word, digits. */
const CHUNK = /[A-Z]{2,}(?=[A-Z][a-z]{2,}|[a-z][0-9])|[A-Z]{2,}s?(?![a-z])|[A-Z]?[a-z]+|[0-9]+|[A-Z]/g;
const SHORT_WORDS = new Set(['Id', 'Is', 'To', 'Of', 'On', 'In', 'By', 'At', 'Or', 'No', 'Up', 'As', 'Ok', 'IP', 'Me']);

function isWord(c: string): boolean {
  if (/^[0-9]+$/.test(c) || /^[A-Z]{2,5}s?$/.test(c) || SHORT_WORDS.has(c)) return true;
  const w = c.toLowerCase();
  // Words have vowels and no long consonant clusters; random letters rarely manage both over a whole name.
  return w.length >= 3 && /[aeiouy]/.test(w) && !/[^aeiouy]{5}/.test(w);
}

/** A mixed-case piece between separators that reads as words (`MutatingWebhookConfiguration`, `IPv6DualStack`). */
function mixedPieceIsName(p: string): boolean {
  if (/^[a-z0-9]{1,3}$/.test(p) || /^[0-9]+$/.test(p)) return true;
  const chunks = p.match(CHUNK) ?? [];
  if (chunks.filter((c, i) => /^[0-9]/.test(c) && chunks[i - 1] !== 'v').length > 1) return false;
  if (chunks.filter((c) => /^[A-Z]{2,}s?$/.test(c)).length > 1) return false;
  return chunks.every((c, i) => isWord(c) || ((i === 0 || c === 'v') && /^[a-z]$/.test(c) && /^[0-9]/.test(chunks[i + 1] ?? '')));
}

/**
 * Whether a run of 16+ base64/base64url/hex/dotted-alphabet characters looks like a credential rather than
 * a name, path, host or version. Names are made of words (`gke_my-project_us-central1_prod`,
 * `client.authentication.k8s.io/v1beta1`, `/home/me/.kube/config`, `MutatingWebhookConfiguration`);
 * tokens are JWTs, carry `+` or base64 padding, are long hex or digits, or mix case and digits at random
 * (`ya29.a0AfH6SMB…`, base64url). UUIDs are identifiers, not secrets. `strict` (credential-plugin output,
 * secret by default) also masks every mixed-case run with a digit in it.
 */
export function isTokenLike(run: string, strict = false): boolean {
  if (run.length < 16) return false;
  const core = run.replace(/^[.\-_~/]+|[.\-_~]+$/g, '');
  if (UUID.test(core)) return false;
  // Base64 padding on a run that mixes case (an all-caps `NAME=` is an environment variable).
  if (/[A-Za-z0-9]={1,2}$/.test(core) && /[a-z]/.test(core) && /[A-Z]/.test(core)) return true;
  if (/^eyJ/.test(core) || /\+/.test(core) || /^[0-9a-f]{16,}$/i.test(core)) return true;
  const pieces = core.split(/[./~_=-]+/).filter(Boolean);
  if (pieces.some((p) => /^[0-9a-f]{12,}$/i.test(p) && /\d/.test(p) && /[a-f]/i.test(p))) return true;
  if (pieces.some((p) => /^[0-9]{16,}$/.test(p))) return true;
  const digitRuns = (p: string) => (p.match(/[0-9]+/g) ?? []).length;
  if (!/[A-Z]/.test(core)) return pieces.some((p) => p.length >= 8 && digitRuns(p) > 2);
  if (!/[a-z]/.test(core)) return pieces.some((p) => digitRuns(p) > 2);
  if (strict && /[0-9]/.test(core)) return true;
  return !pieces.every(mixedPieceIsName);
}

// Secrets learnt while running (kubeconfig credentials, tokens a plugin issued): searched for verbatim in
// every message from then on. Bounded, so a long-lived extension host does not grow without end.
const KNOWN_SECRETS = new Set<string>();
const MAX_KNOWN_SECRETS = 2000;

/** Remembers credential material so that every later redact() removes it, wherever it appears. */
export function rememberSecrets(secrets: Iterable<string | undefined | null>): void {
  for (const s of secrets) {
    if (typeof s !== 'string' || s.length < 6 || KNOWN_SECRETS.has(s)) continue;
    if (KNOWN_SECRETS.size >= MAX_KNOWN_SECRETS) KNOWN_SECRETS.delete(KNOWN_SECRETS.values().next().value as string);
    KNOWN_SECRETS.add(s);
    // A secret that is itself base64 (key/cert data) may appear decoded, and a decoded one encoded.
    const trimmed = s.trim();
    if (trimmed !== s && trimmed.length >= 6) KNOWN_SECRETS.add(trimmed);
  }
}

function removeVerbatim(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 6 && out.includes(s)) out = out.split(s).join(REDACTED);
  return out;
}

export interface RedactOptions {
  /** Strings we put into the message ourselves and know are no secret (paths, context names, URLs): kept readable. */
  keep?: readonly (string | undefined)[];
  /** Output of a credential plugin: secret by default (see isTokenLike). */
  strict?: boolean;
  /** Only remove known secrets verbatim (for text that was pattern-redacted already, e.g. a fault message). */
  verbatimOnly?: boolean;
}

/**
 * Removes credentials from `text`: the exact `secrets` given (e.g. the kubeconfig user's token and key
 * data) and every remembered one, then anything that looks like one. Secrets shorter than 6 characters
 * are not searched for, so a password like "a" does not shred the message.
 */
export function redact(text: string, secrets: readonly string[] = [], options: RedactOptions = {}): string {
  // Longest first, so a secret containing another one is removed whole.
  const all = [...secrets, ...KNOWN_SECRETS].sort((a, b) => b.length - a.length);
  if (options.verbatimOnly) return removeVerbatim(text, all);
  // Kept strings are printed elsewhere anyway (a context name next to its report): protect them first,
  // so an exec env value that happens to equal a context name does not blank the name out.
  let out = text;
  const kept: string[] = [];
  for (const k of options.keep ?? []) {
    if (!k || k.length < 4 || !out.includes(k)) continue;
    out = out.split(k).join(`\u0000${kept.length}\u0000`);
    kept.push(k);
  }
  out = removeVerbatim(out, all);
  for (const [pattern, replace] of RULES) out = out.replace(pattern, replace);
  out = out.replace(TOKEN_RUN, (m) => (isTokenLike(m, options.strict) ? REDACTED : m));
  // eslint-disable-next-line no-control-regex
  return kept.length ? out.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => kept[Number(i)] ?? '') : out;
}

/** The first non-empty line of `text`, redacted and capped, for one-line fault messages. */
export function firstLine(text: string, secrets: readonly string[] = [], max = 300): string {
  const line =
    redact(text, secrets)
      .split('\n')
      .map((l) => l.trim())
      .find(Boolean) ?? '';
  return cap(line, max);
}

function cap(s: string, max: number): string {
  if (s.length <= max) return s;
  // Never cut inside the redaction marker.
  let cut = s.slice(0, max - 1);
  const open = cut.lastIndexOf('[');
  if (open >= 0 && !cut.slice(open).includes(']') && REDACTED.startsWith(s.slice(open, open + REDACTED.length)))
    cut = cut.slice(0, open);
  return `${cut}…`;
}

/**
 * What may be shown of a credential plugin's output (stderr, or a summary of stdout): control characters
 * removed, redacted (known secrets and every token-like run), at most two lines joined, capped to `max`
 * characters. The redaction runs on the whole captured text before it is cut, so a secret is never cut in
 * two with half of it shown.
 */
export function pluginExcerpt(text: string, secrets: readonly string[] = [], max = 200): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/[\x00-\x08\x0b-\x1f\x7f]/g, ' ');
  const lines = redact(clean, secrets, { strict: true })
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .slice(0, 2);
  return cap(lines.join(' / '), max);
}
