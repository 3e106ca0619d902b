// The settings the rules see: the editor's settings or the CLI's flags, overlaid with what the workspace says
// (the ClusterSet file, the project config `.clusterset.yaml`, the implementation its files show). Each
// effective implementation carries where it came from, so messages can say why a profile applies.
//
// Implementation, first that applies: the ClusterSet file's spec.implementation; the project config's
// `implementation`; the setting or --implementation flag when someone chose one (anything but the default
// `generic`, or a source the caller named); the one implementation the workspace's files show; generic.
//
// crdVersion and kubernetesVersion, first that applies: a value the caller names a source for (the CLI's
// --crd-version / --kubernetes-version); the project config's; the editor setting; empty (latest known).
import type { ClustersetSettings, Implementation } from '../protocol';
import type { ProjectConfig } from './config/projectConfig';
import type { ImplementationEvidence } from './model/implementationEvidence';

export interface WorkspaceFacts {
  clusterSet?: { implementation: Implementation; uri: string };
  config?: { value: ProjectConfig; uri: string };
  evidence: readonly ImplementationEvidence[];
}

/** A short path for messages: the last three segments of a file URI. */
export function displayPath(uri: string): string {
  return decodeURIComponent(uri).split('/').slice(-3).join('/');
}

export function resolveImplementation(
  base: ClustersetSettings,
  facts: WorkspaceFacts,
): { value: Implementation; source: string } {
  if (facts.clusterSet)
    return { value: facts.clusterSet.implementation, source: `spec.implementation in ${displayPath(facts.clusterSet.uri)}` };
  const fromConfig = facts.config?.value.implementation;
  if (fromConfig) return { value: fromConfig, source: `implementation in ${displayPath(facts.config?.uri ?? '')}` };
  if (base.implementationSource || base.implementation !== 'generic')
    return { value: base.implementation, source: base.implementationSource ?? 'the clusterset.implementation setting' };
  const kinds = [...new Set(facts.evidence.map((e) => e.implementation))];
  if (kinds.length === 1) {
    const e = facts.evidence[0];
    return { value: e.implementation, source: `inferred from ${e.what} in ${displayPath(e.uri)}:${e.line + 1}` };
  }
  if (kinds.length > 1) {
    const seen = kinds.map((k) => {
      const e = facts.evidence.find((x) => x.implementation === k);
      return `${k} (${e ? displayPath(e.uri) : ''})`;
    });
    return {
      value: 'generic',
      source: `the default: the workspace shows ${seen.join(' and ')}; set implementation in .clusterset.yaml`,
    };
  }
  return { value: 'generic', source: 'the default: nothing in the workspace names an implementation' };
}

export function effectiveSettingsOf(base: ClustersetSettings, facts: WorkspaceFacts): ClustersetSettings {
  const { value, source } = resolveImplementation(base, facts);
  const rules =
    facts.config && Object.keys(facts.config.value.rules).length ? { ...base.rules, ...facts.config.value.rules } : base.rules;
  const cfg = facts.config;
  const where = displayPath(cfg?.uri ?? '');
  const crd =
    !base.crdVersionSource && cfg?.value.crdVersion
      ? { crdVersion: cfg.value.crdVersion, crdVersionSource: `crdVersion in ${where}` }
      : {};
  const kube =
    !base.kubernetesVersionSource && cfg?.value.kubernetesVersion
      ? { kubernetesVersion: cfg.value.kubernetesVersion, kubernetesVersionSource: `kubernetesVersion in ${where}` }
      : {};
  return { ...base, implementation: value, implementationSource: source, rules, ...crd, ...kube };
}

/** ` (where the implementation came from)` for messages that depend on it; empty when unknown. */
export function sourceNote(settings: ClustersetSettings): string {
  return settings.implementationSource ? ` (${settings.implementationSource})` : '';
}
