// Bundles the client, the server and the CLI with esbuild. `--production` minifies and drops source maps.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

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

// `yaml`'s ES module build (the same source as its CommonJS build, which Node's "exports" would pick): esbuild
// hoists it into one scope, so its functions call each other directly instead of through CommonJS export
// objects and getters; linting the bench folder takes ~5–10 % less CPU. Not for the bundles with the cluster
// engine, whose kubeconfig reading calls toJS, where the ES build would warn on the console, not process.
const yamlEsm = {
  alias: { yaml: join(dirname(createRequire(import.meta.url).resolve('yaml/package.json')), 'browser/dist/index.js') },
};

// The CLI is a small dispatcher (dist/cli.js) plus one bundle per group of commands, required when a command
// runs: `lint` and `generate` need the language service only; `cidr`, `doctor` and `status` the cluster engine
// and @kubernetes/client-node (five times the code, which `lint` would otherwise compile on every start).
const CLI_BUNDLES = {
  'cli-lint': { lint: 'runLint', generate: 'runGenerate' },
  'cli-clusters': { cidr: 'runCidr', doctor: 'runDoctor', status: 'runStatus' },
};
const bundleOfCommand = new Map(
  Object.entries(CLI_BUNDLES).flatMap(([bundle, commands]) => Object.keys(commands).map((c) => [c, bundle])),
);
/**
 * Resolves main.ts's `import('./lint')` & co. to a module that requires the command's bundle beside dist/cli.js
 * through the V8 code cache (cli/src/codeCache.ts).
 */
const cliCommandBundles = {
  name: 'cli-command-bundles',
  setup(b) {
    b.onResolve({ filter: /^\.\/[a-z]+$/ }, (args) => {
      const bundle = args.importer.endsWith('main.ts') ? bundleOfCommand.get(args.path.slice(2)) : undefined;
      return bundle ? { path: bundle, namespace: 'cli-bundle' } : undefined;
    });
    b.onLoad({ filter: /.*/, namespace: 'cli-bundle' }, (args) => ({
      contents: [
        "import { join } from 'node:path';",
        "import { requireWithCodeCache } from './codeCache';",
        `const m = requireWithCodeCache(join(__dirname, '${args.path}.js'));`,
        ...Object.values(CLI_BUNDLES[args.path]).map((fn) => `export const ${fn} = m.${fn};`),
      ].join('\n'),
      resolveDir: 'cli/src',
      loader: 'js',
    }));
  },
};
const cliBundle = (name, commands) =>
  build({
    ...common,
    ...(name === 'cli-lint' ? yamlEsm : {}),
    stdin: {
      contents: Object.entries(commands)
        .map(([file, fn]) => `export { ${fn} } from './${file}';`)
        .join('\n'),
      resolveDir: 'cli/src',
      sourcefile: `${name}.ts`,
      loader: 'ts',
    },
    outfile: `dist/${name}.js`,
    // require() for any import(): the bundle runs as a vm.Script (codeCache.ts), which has no ESM loader.
    supported: { 'dynamic-import': false },
  });

/**
 * Marks our own modules free of side effects, so a bundle keeps only the modules it uses: the lint reader thread
 * needs the walker and two helpers of the language service, not the service that `service/public` brings in
 * (a tenth of the code to compile before the thread reads its first file). Only for bundles whose code imports
 * nothing for its side effects.
 */
const withoutSideEffects = {
  name: 'without-side-effects',
  setup(b) {
    b.onResolve({ filter: /^\./ }, async (args) => {
      if (args.pluginData?.resolving) return undefined;
      const r = await b.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, pluginData: { resolving: true } });
      return r.errors.length ? undefined : { path: r.path, sideEffects: false };
    });
  },
};

await Promise.all([
  build({ ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode', './clusters.js'] }),
  // The cluster logic (and @kubernetes/client-node) in its own bundle, required lazily by the client.
  build({ ...common, entryPoints: { clusters: 'clusters/src/index.ts' }, outdir: 'dist' }),
  build({ ...common, ...yamlEsm, entryPoints: { server: 'server/src/server.ts' }, outdir: 'dist' }),
  // The server's parse worker (server/src/parallelParse.ts starts it from dist/).
  build({ ...common, ...yamlEsm, entryPoints: { parseWorker: 'server/src/parseWorker.ts' }, outdir: 'dist' }),
  build({ ...common, ...yamlEsm, entryPoints: { lintWorker: 'cli/src/lint/parseWorker.ts' }, outdir: 'dist' }), // clusterset lint --jobs
  // clusterset lint's reader thread: walks and reads the files while the main thread lints.
  build({ ...common, entryPoints: { lintReader: 'cli/src/lint/readWorker.ts' }, outdir: 'dist', plugins: [withoutSideEffects] }),
  build({
    ...common,
    entryPoints: { cli: 'cli/src/main.ts' },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [cliCommandBundles],
  }),
  ...Object.entries(CLI_BUNDLES).map(([name, commands]) => cliBundle(name, commands)),
]);
const cliFiles = ['cli', ...Object.keys(CLI_BUNDLES)].map((n) => `dist/${n}.js`).join(' ');
console.log(
  `built dist/client.js dist/clusters.js dist/server.js dist/parseWorker.js ${cliFiles}${production ? ' (production)' : ''}`,
);
