// Which cluster a file is applied to. Two files in one folder are often applied to two clusters
// (`kubectl --context gke-1 apply -f cluster-blue-app.yaml`), so a folder alone says nothing; only the
// workspace can say it: the project config's or the ClusterSet file's `clusters[].paths` globs, or a
// `clusters/<name>/` / `overlays/<name>/` folder. Rules that claim "the same object" use this and say which.
import { globMatcher, relativeTo } from './glob';

export interface ClusterPlacement {
  readonly name: string;
  /** Where the mapping came from, for messages: `the folder clusters/east/`, `paths gke-1/** in clusterset.yaml`. */
  readonly source: string;
}

/** Globs relative to `baseUri` that put files into named clusters (one per mapping file). */
export interface PathMapping {
  readonly baseUri: string;
  /** Shown in messages: `.clusterset.yaml`, `the ClusterSet file clusterset.yaml`. */
  readonly origin: string;
  readonly clusters: ReadonlyArray<{ readonly name: string; readonly globs: readonly string[] }>;
}

const CLUSTER_FOLDER = /\/((?:clusters|overlays|cluster)\/([a-z0-9](?:[-a-z0-9.]*[a-z0-9])?)\/)/i;

/** The cluster of a `clusters/<name>/` (or `overlays/<name>/`) folder in the path. */
export function clusterFromFolder(uri: string): ClusterPlacement | undefined {
  const m = CLUSTER_FOLDER.exec(decodeURIComponent(uri));
  return m ? { name: m[2], source: `the folder ${m[1]}` } : undefined;
}

interface CompiledMapping {
  readonly mapping: PathMapping;
  readonly clusters: ReadonlyArray<{ name: string; globs: ReadonlyArray<{ glob: string; match: (p: string) => boolean }> }>;
}

/** Resolves files to clusters: mappings first (in the order given), then cluster folders. */
export class ClusterResolver {
  private readonly compiled: CompiledMapping[];
  constructor(mappings: readonly PathMapping[] = []) {
    this.compiled = mappings.map((mapping) => ({
      mapping,
      clusters: mapping.clusters.map((c) => ({
        name: c.name,
        globs: c.globs.map((glob) => ({ glob, match: globMatcher(glob) })),
      })),
    }));
  }

  placementOf(uri: string): ClusterPlacement | undefined {
    for (const { mapping, clusters } of this.compiled) {
      const rel = relativeTo(mapping.baseUri, uri);
      if (rel === undefined) continue;
      for (const c of clusters)
        for (const g of c.globs) if (g.match(rel)) return { name: c.name, source: `paths ${g.glob} in ${mapping.origin}` };
    }
    return clusterFromFolder(uri);
  }

  /** Same mappings (so the index need not re-place its files). */
  sameAs(other: ClusterResolver): boolean {
    return JSON.stringify(this.compiled.map((c) => c.mapping)) === JSON.stringify(other.compiled.map((c) => c.mapping));
  }
}
