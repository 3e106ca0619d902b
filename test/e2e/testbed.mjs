// The real multi-cluster testbed (testbed/src/index.ts, TypeScript) from plain Node ESM, for the e2e run
// (a 2-cluster clusterset the Clusterset tree must list) and for `npm start` (the demo clusterset).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';

let mod;
/** testbed/src/index.ts, loaded through tsx. */
export async function testbedModule() {
  mod ??= await tsImport('../../testbed/src/index.ts', import.meta.url);
  return mod;
}

/**
 * Why the testbed cannot start without a long build, or undefined when its binaries are there
 * ($KUBEBUILDER_ASSETS or the build cache; see docs/testbed.md). Never builds.
 */
export async function testbedUnavailable() {
  const tb = await testbedModule();
  const names = ['kube-apiserver', 'etcd', 'kubectl'];
  const assets = process.env.KUBEBUILDER_ASSETS;
  const dir = assets || join(tb.cacheBase(), tb.cacheKey(), 'bin');
  const missing = names.filter((n) => !existsSync(join(dir, n)));
  if (!missing.length) return undefined;
  return `the testbed binaries are missing (${missing.join(', ')} in ${dir}): run \`npm run testbed -- build\` once (6–10 min, needs Go; docs/testbed.md)`;
}
