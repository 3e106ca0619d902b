// Types of scripts/demo-seed.mjs for the TypeScript tests that seed the demo clusterset.
import type { Testbed } from '../testbed/src/index';

export const DEMO_SEED: Record<string, unknown[]>;
export function seedDemo(
  testbed: Testbed,
  options?: { log?: (line: string) => void; only?: string[]; withController?: boolean },
): Promise<Record<string, number>>;
export function withUnreachableContext(kubeconfigPath: string, outPath: string, name?: string): string;
