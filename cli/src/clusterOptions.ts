// The options every command that reads clusters shares (`cidr`, `status`, `doctor`): which kubeconfig and
// contexts, the output format, the per-cluster deadline and whether exec credential plugins may run. One parser,
// so the flags mean the same and fail with the same words in every command.
export function clusterOptionSpec(defaultTimeoutSeconds: number) {
  return {
    kubeconfig: { type: 'string' },
    context: { type: 'string', multiple: true },
    format: { type: 'string', default: 'text' },
    timeout: { type: 'string', default: String(defaultTimeoutSeconds) },
    'no-exec-auth': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  } as const;
}

export interface ClusterOptionValues {
  kubeconfig?: string;
  context?: string[];
  format?: string;
  timeout?: string;
  'no-exec-auth'?: boolean;
}

export interface ClusterOptions<F extends string> {
  kubeconfig?: string;
  contexts: string[];
  format: F;
  timeoutMs: number;
  allowExecAuth: boolean;
}

/** The shared options, checked; a string is the usage error. */
export function readClusterOptions<F extends string>(v: ClusterOptionValues, formats: readonly F[]): ClusterOptions<F> | string {
  if (!formats.includes(v.format as F)) return `--format must be one of ${formats.join(', ')} (got "${v.format}")`;
  const seconds = Number(v.timeout);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 600)
    return `--timeout must be a number of seconds between 0 and 600 (got "${v.timeout}")`;
  return {
    ...(v.kubeconfig ? { kubeconfig: v.kubeconfig } : {}),
    contexts: v.context ?? [],
    format: v.format as F,
    timeoutMs: seconds * 1000,
    allowExecAuth: !v['no-exec-auth'],
  };
}
