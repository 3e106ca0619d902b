// Redaction of anything that could be a credential before a message leaves the cluster logic: error texts
// from TLS, exec plugins and API servers can quote tokens, PEM blocks or kubeconfig fields.

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
  // Long base64 runs (embedded certificates/keys, opaque tokens); 40+ such characters in a row never occur
  // in what we keep (names, CIDRs, URLs and paths are shorter or contain other characters).
  [/[A-Za-z0-9+/]{40,}={0,2}/g, () => REDACTED],
];

/**
 * Removes credentials from `text`: the exact `secrets` given (e.g. the kubeconfig user's token and key
 * data), then anything that looks like one. Secrets shorter than 6 characters are not searched for, so a
 * password like "a" does not shred the message.
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 6) out = out.split(s).join(REDACTED);
  for (const [pattern, replace] of RULES) out = out.replace(pattern, replace);
  return out;
}

/** The first non-empty line of `text`, redacted and capped, for one-line fault messages. */
export function firstLine(text: string, secrets: readonly string[] = [], max = 300): string {
  const line =
    redact(text, secrets)
      .split('\n')
      .map((l) => l.trim())
      .find(Boolean) ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
