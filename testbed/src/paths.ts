import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** testbed/ (this file is testbed/src/paths.ts). */
export const testbedRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = resolve(testbedRoot, '..');
export const goModuleDir = join(testbedRoot, 'go');
export const crdDir = join(testbedRoot, 'crds');
export const manifestDir = join(testbedRoot, 'manifests');
/** Where `npm run testbed -- up` keeps its state (git-ignored). */
export const defaultStateDir = join(repoRoot, '.testbed');
