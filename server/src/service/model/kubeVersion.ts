// The target Kubernetes minor version from settings.kubernetesVersion ("1.33", "v1.33.2"); undefined means
// "latest known", so version-gated checks assume every feature is available.

export function kubernetesMinor(setting: string): number | undefined {
  const m = /^v?1\.(\d+)/.exec(setting.trim());
  return m ? Number(m[1]) : undefined;
}

/** True when the target is at least 1.<minor> (or unknown, i.e. the latest). */
export function atLeast(target: number | undefined, minor: number): boolean {
  return target === undefined || target >= minor;
}
