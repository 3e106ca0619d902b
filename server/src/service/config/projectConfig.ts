// The project config file `.clusterset.yaml` at the workspace (or CLI) root, read alike by the editor and by
// `clusterset lint` so both report the same findings:
//
//   implementation: gke                 # wins over the setting / --implementation; a ClusterSet file wins over it
//   crdVersion: v0.5.0                  # mcs-api release of the clusters' CRDs; --crd-version wins, it wins over the setting
//   kubernetesVersion: "1.33"           # target Kubernetes minor; --kubernetes-version wins, it wins over the setting
//   rules: { MCS004: warning, MCS104: off }   # per-rule level, like ESLint's rule settings
//   ignore: [vendor/**, "**/charts/**"]      # files neither linted nor indexed
//   clusters:                                # path → cluster, when there is no ClusterSet file
//     - { name: gke-1, paths: [gke-1/**] }
//
// Parsing never throws; every problem of the file itself is a located message.
import { writtenText } from '../parse/yaml11';
import { IMPLEMENTATIONS, RULE_LEVELS, type Implementation, type RuleLevel } from '../../protocol';
import { isDns1123Label } from '../model/names';
import { kubernetesMinor } from '../model/kubeVersion';
import { parseRelease } from '../model/schemas/crdRelease';
import { parseDocumentText } from '../parse/parsedDocument';
import { keyText } from '../parse/path';
import type { Span, YNode } from '../parse/yamlTree';

export const PROJECT_CONFIG_FILE = '.clusterset.yaml';

export interface ConfigProblem extends Span {
  message: string;
  severity: 'error' | 'warning';
}

export interface ProjectConfig {
  implementation?: Implementation;
  /** mcs-api release, e.g. `v0.5.0` (as `--crd-version` takes it). */
  crdVersion?: string;
  /** Target Kubernetes version, e.g. `1.33`. */
  kubernetesVersion?: string;
  rules: Record<string, RuleLevel>;
  ignore: string[];
  clusters: Array<{ name: string; paths: string[] }>;
}

export interface ParsedProjectConfig {
  config: ProjectConfig;
  problems: ConfigProblem[];
}

const KEYS = ['implementation', 'crdVersion', 'kubernetesVersion', 'rules', 'ignore', 'clusters'] as const;

/**
 * A scalar as the user wrote it. This file is ours (kubectl never reads it), so `MCS104: off` means the level
 * "off", not the YAML 1.1 boolean false the manifest parser resolves it to.
 */
function scalarText(n: YNode | null): string | undefined {
  return n?.type === 'scalar' && n.value !== null ? writtenText(n) : undefined;
}

/** Reads the config; `knownRules` are the rule ids a `rules:` entry may name. */
export function parseProjectConfig(text: string, knownRules: ReadonlySet<string>): ParsedProjectConfig {
  const config: ProjectConfig = { rules: {}, ignore: [], clusters: [] };
  const problems: ConfigProblem[] = [];
  const at = (n: Span | null, message: string, severity: 'error' | 'warning' = 'error'): void => {
    problems.push({ start: n?.start ?? 0, end: n?.end ?? 0, message, severity });
  };
  const doc = parseDocumentText(text, { force: true });
  for (const p of doc.syntaxProblems) problems.push({ start: p.start, end: p.end, message: p.message, severity: p.severity });
  const root = doc.root;
  if (root === null) return { config, problems };
  if (root.type !== 'map') {
    at(root, `${PROJECT_CONFIG_FILE} must be a mapping with the keys ${KEYS.join(', ')}.`);
    return { config, problems };
  }
  // A version as typed: unquoted `1.30` is the float 1.3 to a YAML reader, so a number is taken from the text.
  const versionText = (n: YNode | null): string | undefined =>
    n?.type === 'scalar' && typeof n.value === 'number' ? text.slice(n.start, n.end) : scalarText(n);
  for (const pair of root.pairs) {
    const key = keyText(pair);
    const value = pair.value;
    switch (key) {
      case 'implementation': {
        const v = scalarText(value);
        if (v !== undefined && (IMPLEMENTATIONS as readonly string[]).includes(v)) config.implementation = v as Implementation;
        else at(value ?? pair.key, `implementation must be one of ${IMPLEMENTATIONS.join(', ')}.`);
        break;
      }
      case 'crdVersion': {
        const v = versionText(value)?.trim();
        if (v !== undefined && parseRelease(v)) config.crdVersion = v;
        else
          at(
            value ?? pair.key,
            'crdVersion must be an mcs-api release such as v0.5.0 (as clusterset lint --crd-version takes it).',
          );
        break;
      }
      case 'kubernetesVersion': {
        const v = versionText(value)?.trim();
        if (v !== undefined && kubernetesMinor(v) !== undefined && /^v?1\.\d+(\.\d+)?$/.test(v)) config.kubernetesVersion = v;
        else at(value ?? pair.key, 'kubernetesVersion must be a Kubernetes version such as 1.33 (or v1.33.2).');
        break;
      }
      case 'rules':
        readRules(value, knownRules, config, at);
        break;
      case 'ignore':
        config.ignore = readGlobs(value, 'ignore', at);
        break;
      case 'clusters':
        readClusters(value, config, at);
        break;
      default:
        at(pair.key, `Unknown key "${key ?? ''}" in ${PROJECT_CONFIG_FILE}: the keys are ${KEYS.join(', ')}.`);
    }
  }
  return { config, problems };
}

type At = (n: Span | null, message: string, severity?: 'error' | 'warning') => void;

function readRules(value: YNode | null, knownRules: ReadonlySet<string>, config: ProjectConfig, at: At): void {
  if (value?.type !== 'map') {
    at(value, 'rules must map rule ids to a level, e.g. `rules: { MCS004: warning }`.');
    return;
  }
  for (const pair of value.pairs) {
    const id = keyText(pair);
    const level = scalarText(pair.value);
    if (id === undefined || !knownRules.has(id)) {
      at(pair.key, `Unknown rule "${id ?? ''}": rule ids are listed in docs/rules/README.md.`, 'warning');
      continue;
    }
    if (level === undefined || !(RULE_LEVELS as readonly string[]).includes(level)) {
      at(pair.value ?? pair.key, `The level of ${id} must be one of ${RULE_LEVELS.join(', ')}.`);
      continue;
    }
    config.rules[id] = level as RuleLevel;
  }
}

function readGlobs(value: YNode | null, field: string, at: At): string[] {
  if (value?.type !== 'seq') {
    at(value, `${field} must be a list of path globs, e.g. [vendor/**].`);
    return [];
  }
  const out: string[] = [];
  for (const item of value.items) {
    const g = scalarText(item);
    if (g === undefined || g.trim() === '') at(item, `Each entry of ${field} must be a path glob.`);
    else if (g.startsWith('/')) at(item, `${g}: globs are relative to the folder of ${PROJECT_CONFIG_FILE}; drop the leading /.`);
    else out.push(g);
  }
  return out;
}

function readClusters(value: YNode | null, config: ProjectConfig, at: At): void {
  if (value?.type !== 'seq') {
    at(value, 'clusters must be a list of { name, paths } entries.');
    return;
  }
  for (const item of value.items) {
    if (item.type !== 'map') {
      at(item, 'Each cluster must be a mapping { name, paths }.');
      continue;
    }
    let name: string | undefined;
    let paths: string[] = [];
    for (const pair of item.pairs) {
      const key = keyText(pair);
      if (key === 'name') {
        name = scalarText(pair.value);
        if (name === undefined || !isDns1123Label(name)) {
          at(pair.value ?? pair.key, 'A cluster name must be a DNS label (lowercase letters, digits and "-", at most 63).');
          name = undefined;
        }
      } else if (key === 'paths') paths = readGlobs(pair.value, 'paths', at);
      else at(pair.key, `Unknown key "${key ?? ''}" in a cluster: the keys are name, paths.`);
    }
    if (name === undefined) {
      if (!item.pairs.some((p) => keyText(p) === 'name')) at(item, 'A cluster needs a name.');
      continue;
    }
    if (paths.length === 0 && !item.pairs.some((p) => keyText(p) === 'paths')) at(item, `Cluster ${name} needs paths.`);
    config.clusters.push({ name, paths });
  }
}
