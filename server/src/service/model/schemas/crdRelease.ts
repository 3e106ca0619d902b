// mcs-api release strings (`v0.4.1`) and what the installed CRDs are assumed to be.
import type { ClustersetSettings } from '../../../protocol';

/** [major, minor, patch] of `v0.4.1` / `0.4`; undefined when unparsable. */
export function parseRelease(release: string): [number, number, number] | undefined {
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?$/.exec(release.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : undefined;
}

/** a < b; false when either is unparsable (no claim without a known version). */
export function releaseBefore(a: string, b: string): boolean {
  const x = parseRelease(a);
  const y = parseRelease(b);
  if (!x || !y) return false;
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] < y[i];
  return false;
}

export interface InstalledCrds {
  /** Release to compare against, or undefined for "latest known". */
  release: string | undefined;
  /** Where the assumption comes from, for messages. */
  source: string;
}

/**
 * The CRD release the rules compare against. An explicit `clusterset.crdVersion` wins; otherwise the AWS
 * profile means the controller's vendored CRDs, which predate mcs-api v0.2.0 (its release, 2024-10, is older
 * than v0.2.0, 2025-06: inference from facts §1, §8.5).
 */
export function installedCrds(settings: ClustersetSettings): InstalledCrds {
  const named = settings.crdVersion.trim();
  if (named) return { release: named, source: `${settings.crdVersionSource ?? 'clusterset.crdVersion'} is ${named}` };
  if (settings.implementation === 'aws')
    return { release: 'v0.1.0', source: "the aws profile installs the controller's vendored CRDs, which predate mcs-api v0.2.0" };
  return { release: undefined, source: 'latest' };
}
