// A cause found in several clusters often has the same detail in each, but for the cluster's name ("no MCS
// controller in east: none of … exists", the same for west and central). Said once per cluster, the cause's
// summary becomes a wall of near-identical clauses; said once for all of them, it reads as a person would
// write it: "no MCS controller in east, west and central: none of … exists".

/** One detail of a cause and the cluster it was found in (null: the clusterset as a whole). */
export interface FoundDetail {
  cluster: string | null;
  detail: string;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "east", "east and west", "east, west and central". */
function listOf(names: readonly string[]): string {
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * The distinct details in the order first found, those that differ only in the name of their own cluster (as a
 * whole name, not part of a longer one) joined into one that names every such cluster. A detail naming its
 * cluster nowhere, or in words another cluster's detail does not repeat, stays as it is.
 */
export function mergeClusterDetails(found: readonly FoundDetail[]): string[] {
  // A NUL cannot occur in a detail: it stands for "the cluster" in a detail's shape.
  const HOLE = '\u0000';
  const groups = new Map<string, { clusters: string[]; detail: string }>();
  for (const { cluster, detail } of found) {
    // Not inside a longer name: "east" is not a word of "east-gw" (cluster names are DNS labels).
    const shape = cluster ? detail.replace(new RegExp(`(?<![\\w-])${escapeRegExp(cluster)}(?![\\w-])`, 'g'), HOLE) : detail;
    const key = shape === detail ? `=${detail}` : `~${shape}`;
    const g = groups.get(key);
    if (!g) groups.set(key, { clusters: cluster && shape !== detail ? [cluster] : [], detail });
    else if (cluster && !g.clusters.includes(cluster)) g.clusters.push(cluster);
  }
  const said = [...groups.entries()].map(([key, g]) =>
    key.startsWith('~') && g.clusters.length > 1 ? key.slice(1).split(HOLE).join(listOf(g.clusters)) : g.detail,
  );
  // The same words can come from two groups: "in east" said by east itself and, about east, by another cluster.
  return said.filter((d, i) => said.indexOf(d) === i);
}
