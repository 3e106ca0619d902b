// `generate serviceimport`: the derived ServiceImport preview (read-only YAML).
import { deriveServiceImport } from './derivedImport';
import { renderDerivedImport } from './derivedImportYaml';
import { failure, parseServiceRef, type GenerateRequest, type GenerateResult, type GeneratorContext } from './types';

export function generateServiceImport(req: GenerateRequest, ctx: GeneratorContext): GenerateResult {
  const ref = parseServiceRef(req.service);
  if (typeof ref === 'string') return failure(ref);
  const derived = deriveServiceImport(ctx.index, ref);
  if (typeof derived === 'string') return failure(derived);
  const apiVersion = ctx.settings.implementation === 'gke' ? 'net.gke.io/v1' : 'multicluster.x-k8s.io/v1alpha1';
  return {
    ok: true,
    title: `${ref.name}.${ref.namespace} derived ServiceImport.yaml`,
    language: 'yaml',
    text: renderDerivedImport(derived, apiVersion),
    warnings: derived.excluded.map((e) => `${e.cluster}: ${e.why}`),
  };
}
