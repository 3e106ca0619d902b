// Bundles the client, the server and the CLI with esbuild. `--production` minifies and drops source maps.
import { build } from 'esbuild';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

await Promise.all([
  build({ ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode', './clusters.js'] }),
  // The cluster logic (and @kubernetes/client-node) in its own bundle, required lazily by the client.
  build({ ...common, entryPoints: { clusters: 'clusters/src/index.ts' }, outdir: 'dist' }),
  build({ ...common, entryPoints: { server: 'server/src/server.ts' }, outdir: 'dist' }),
  // The server's parse worker (server/src/parallelParse.ts starts it from dist/).
  build({ ...common, entryPoints: { parseWorker: 'server/src/parseWorker.ts' }, outdir: 'dist' }),
  build({ ...common, entryPoints: { lintWorker: 'cli/src/lint/parseWorker.ts' }, outdir: 'dist' }), // clusterset lint --jobs
  build({ ...common, entryPoints: { cli: 'cli/src/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } }),
]);
console.log(
  `built dist/client.js dist/clusters.js dist/server.js dist/parseWorker.js dist/cli.js${production ? ' (production)' : ''}`,
);
