// Reading the Service fields the MCS controllers compare (facts §4): type/headlessness, ports, session
// affinity, traffic policies, IP families. Defaults are the API server's, so "unset" and "default" compare equal.
import { asMap, asSeq, nodeAt, stringAt, type NodePath } from '../parse/path';
import type { YNode } from '../parse/yamlTree';

export interface ServicePort {
  /** Index in `spec.ports`, for paths. */
  readonly index: number;
  /** Empty when unnamed (the merge rules treat the empty name as a name). */
  readonly name: string;
  readonly protocol: string;
  readonly port: string | undefined;
  readonly appProtocol: string | undefined;
}

export function serviceType(root: YNode | null): string {
  return stringAt(root, ['spec', 'type']) ?? 'ClusterIP';
}

export function isHeadless(root: YNode | null): boolean {
  return stringAt(root, ['spec', 'clusterIP']) === 'None';
}

export function servicePorts(root: YNode | null): ServicePort[] {
  const seq = asSeq(nodeAt(root, ['spec', 'ports']));
  if (!seq) return [];
  return seq.items.map((item, index) => ({
    index,
    name: stringAt(item, ['name']) ?? '',
    protocol: stringAt(item, ['protocol']) ?? 'TCP',
    port: stringAt(item, ['port']),
    appProtocol: stringAt(item, ['appProtocol']),
  }));
}

/** `http 80/TCP`, `80/TCP (appProtocol h2c)`: how a port is shown in messages. */
export function describePort(p: ServicePort): string {
  const number = `${p.port ?? '?'}/${p.protocol}`;
  const app = p.appProtocol ? ` (appProtocol ${p.appProtocol})` : '';
  return p.name ? `${p.name} ${number}${app}` : `unnamed ${number}${app}`;
}

export function portPath(p: ServicePort): NodePath {
  return ['spec', 'ports', p.index, 'port'];
}

export function sessionAffinity(root: YNode | null): string {
  return stringAt(root, ['spec', 'sessionAffinity']) ?? 'None';
}

export const SESSION_TIMEOUT_PATH: NodePath = ['spec', 'sessionAffinityConfig', 'clientIP', 'timeoutSeconds'];

/** Effective ClientIP timeout (API default 10800 s), undefined when affinity is not ClientIP. */
export function sessionTimeout(root: YNode | null): string | undefined {
  return sessionAffinity(root) === 'ClientIP' ? (stringAt(root, SESSION_TIMEOUT_PATH) ?? '10800') : undefined;
}

export function internalTrafficPolicy(root: YNode | null): string {
  return stringAt(root, ['spec', 'internalTrafficPolicy']) ?? 'Cluster';
}

export function trafficDistribution(root: YNode | null): string | undefined {
  return stringAt(root, ['spec', 'trafficDistribution']);
}

/** `spec.ipFamilies` as written, or undefined when the Service leaves it to the cluster. */
export function declaredIpFamilies(root: YNode | null): string[] | undefined {
  const seq = asSeq(nodeAt(root, ['spec', 'ipFamilies']));
  if (!seq) return undefined;
  return seq.items.map((i) => stringAt(i, []) ?? '').filter((f) => f !== '');
}

export function selectorOf(root: YNode | null): Map<string, string> | undefined {
  const map = asMap(nodeAt(root, ['spec', 'selector']));
  return map ? stringMap(map) : undefined;
}

/** A string→string view of a YAML mapping (non-scalar values are skipped). */
export function stringMap(node: YNode | undefined): Map<string, string> {
  const out = new Map<string, string>();
  const map = asMap(node);
  if (!map) return out;
  for (const pair of map.pairs) {
    const k = stringAt(pair.key, []);
    const v = stringAt(pair.value, []);
    if (k !== undefined && v !== undefined) out.set(k, v);
  }
  return out;
}

/** The path to point at when a field may be absent: the field itself when present, else the Service's name. */
export function fieldOrName(root: YNode | null, path: NodePath): NodePath {
  return nodeAt(root, path) ? path : ['metadata', 'name'];
}
