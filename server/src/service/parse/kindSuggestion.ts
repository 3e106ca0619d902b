// Misspelled or missing kinds of MCS objects (`kind: serviceexport`, `ServiceImports`, no kind beside an MCS
// apiVersion). kubectl cannot map such a document ("no matches for kind", "Object 'Kind' is missing"), so it
// must not silently drop out of the lint: the parser keeps it and MCS009 says what was probably meant.
import type { KindSuggestion } from './parsedDocument';
import { editDistance as boundedEditDistance } from '../model/names';

/** The key the engine dispatches misnamed documents on (no real kind has spaces); also the docs' Kinds column. */
export const MISNAMED_KIND = 'misspelled or missing MCS kind';

const KINDS_BY_GROUP: Record<string, readonly string[]> = {
  'multicluster.x-k8s.io': ['ServiceExport', 'ServiceImport'],
  'net.gke.io': ['ServiceExport', 'ServiceImport'],
  'about.k8s.io': ['ClusterProperty'],
};
const MCS_KINDS = ['ServiceExport', 'ServiceImport', 'ClusterProperty'];
const API_VERSION = /(?:^|[{,\s])["']?apiVersion["']?[ \t]*:[ \t]*["']?([^\s"',}#]+)/m;
const MCS_GROUP_MENTION = /\b(?:multicluster\.x-k8s\.io|net\.gke\.io|about\.k8s\.io)\//;

const groupOf = (apiVersion: string | undefined): string | undefined => {
  if (!apiVersion) return undefined;
  const i = apiVersion.lastIndexOf('/');
  return i < 0 ? '' : apiVersion.slice(0, i);
};

/** Cheap pre-check for a document without a kind: does it name an MCS API group at all? */
export function mentionsMcsGroup(text: string): boolean {
  return MCS_GROUP_MENTION.test(text.length > 4096 ? text.slice(0, 4096) : text);
}

/** Kinds seen that no group could make a suggestion of (Deployment, Kustomization…), so their apiVersion is not read. */
const farKinds = new Set<string>();
const FAR_KINDS_MAX = 4096;

/** True when `kind` is neither a case or plural variant of an MCS kind nor within the edit distance of one. */
function farFromEveryMcsKind(kind: string): boolean {
  if (farKinds.has(kind)) return true;
  const lower = kind.toLowerCase();
  const near = MCS_KINDS.some((k) => {
    const l = k.toLowerCase();
    return l === lower || `${l}s` === lower || editDistance(lower, l, 3) < 3;
  });
  if (!near && farKinds.size < FAR_KINDS_MAX) farKinds.add(kind);
  return !near;
}

/** What a kind that is not an MCS kind most likely meant; undefined when it is not near one. */
export function kindSuggestionFor(kind: string | undefined, text: string, apiVersion?: string): KindSuggestion | undefined {
  // Every group's candidates are MCS kinds: a kind far from all of them gets no suggestion whatever its group.
  if (kind && farFromEveryMcsKind(kind)) return undefined;
  const version = apiVersion ?? API_VERSION.exec(text.length > 4096 ? text.slice(0, 4096) : text)?.[1];
  const group = groupOf(version);
  const groupKinds = group !== undefined ? KINDS_BY_GROUP[group] : undefined;
  if (kind === undefined || kind === '') return groupKinds ? { kinds: [...groupKinds], missing: true } : undefined;
  if (MCS_KINDS.includes(kind)) return undefined;
  const lower = kind.toLowerCase();
  const candidates = groupKinds ?? MCS_KINDS;
  // Case and a plural are unmistakable whatever the group; other near misses only beside an MCS group (or none),
  // so another vendor's kind that happens to look alike is left alone.
  const exact = candidates.find((k) => k.toLowerCase() === lower || `${k.toLowerCase()}s` === lower);
  if (exact) return { kinds: [exact], missing: false };
  if (group !== undefined && !groupKinds) return undefined;
  let best: string | undefined;
  let bestDistance = 3;
  for (const k of candidates) {
    const d = editDistance(lower, k.toLowerCase(), bestDistance);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best ? { kinds: [best], missing: false } : undefined;
}

/** Levenshtein distance capped at `limit` (names.ts's bounded distance, which answers `limit + 1` past its bound). */
function editDistance(a: string, b: string, limit: number): number {
  return boundedEditDistance(a, b, limit - 1);
}
