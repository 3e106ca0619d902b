// Lazy access to dist/clusters.js: activation stays cheap, and nothing touches a kubeconfig or a cluster
// before the tree view is shown or a command runs.
type ClustersModule = typeof import('../../clusters/src/index');

let loaded: ClustersModule | undefined;

export function clusters(): ClustersModule {
  // esbuild leaves this require alone (marked external), so it resolves to dist/clusters.js at run time.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('./clusters.js') as ClustersModule;
  return loaded;
}
