// `generate wiring`: the join/install runbook for the ClusterSet file's implementation.
import { readWiringInput } from './wiring/input';
import { WIRINGS, wiringFor } from './wiring/index';
import { failure, type GenerateRequest, type GenerateResult, type GeneratorContext } from './types';

export function generateWiring(req: GenerateRequest, ctx: GeneratorContext): GenerateResult {
  if (!ctx.clusterSet) {
    return failure(
      'The join/install runbook is built from a ClusterSet file (kind: ClusterSet, clusterset.dev/v1alpha1); the workspace has none.',
    );
  }
  const { doc } = ctx.clusterSet;
  const file = req.clusterSetPath ?? decodeURIComponent(ctx.clusterSet.uri.replace(/^file:\/\//, ''));
  const input = readWiringInput(doc, file, ctx.index, req.implementationVersion);
  if (typeof input === 'string') return failure(input);
  const implementation = ctx.clusterSet.model.implementation?.value ?? ctx.settings.implementation;
  const wiring = wiringFor(implementation);
  if (!wiring) {
    return failure(
      `No runbook for implementation "${implementation}": set spec.implementation in the ClusterSet file to one of ${WIRINGS.map((w) => w.implementation).join(', ')}.`,
    );
  }
  const built = wiring.build({ ...input, implementation });
  if (typeof built === 'string') return failure(built);
  return {
    ok: true,
    title: `${input.clusterset} — ${wiring.title}.md`,
    language: 'markdown',
    text: built.text,
    warnings: built.warnings,
  };
}
