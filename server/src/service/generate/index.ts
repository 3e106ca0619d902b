// The generator registry: one entry per generator, each a pure function of the workspace model.
import { generateNetworkPolicy } from './networkPolicy';
import { generateServiceImport } from './serviceImportGenerator';
import { generateTrafficPolicy } from './trafficPolicy';
import { failure, type GenerateRequest, type GenerateResult, type GeneratorContext, type GeneratorId } from './types';
import { generateWiring } from './wiringGenerator';

export interface Generator {
  readonly id: GeneratorId;
  readonly title: string;
  /** True when the generator needs `--service NS/NAME`. */
  readonly perService: boolean;
  run(req: GenerateRequest, ctx: GeneratorContext): GenerateResult;
}

export const GENERATORS: readonly Generator[] = [
  { id: 'serviceimport', title: 'Derived ServiceImport', perService: true, run: generateServiceImport },
  { id: 'wiring', title: 'Join and install runbook', perService: false, run: generateWiring },
  { id: 'traffic-policy', title: 'Local-first traffic policy', perService: true, run: generateTrafficPolicy },
  { id: 'networkpolicy', title: 'NetworkPolicy for remote consumers', perService: true, run: generateNetworkPolicy },
];

/** Runs a generator; never throws (a generator bug is reported as an error naming it). */
export function generate(req: GenerateRequest, ctx: GeneratorContext): GenerateResult {
  const g = GENERATORS.find((x) => x.id === req.generator);
  if (!g) return failure(`Unknown generator "${req.generator}": one of ${GENERATORS.map((x) => x.id).join(', ')}.`);
  try {
    return g.run(req, ctx);
  } catch (e) {
    return failure(`The ${g.id} generator failed: ${e instanceof Error ? e.message : String(e)} (a bug: please report it).`);
  }
}
