// Checks of a metav1.Condition list (status.conditions of ServiceExport and ServiceImport), shared so the
// ServiceExport rules can call them too. Schema from the CRDs (facts §2); known types/reasons from mcs-api
// pkg/apis/v1beta1 and the implementations (facts §2, §3). Findings carry ruleId MCS420; the caller sets the
// severity (Error in fixtures), except unknown-reason hints, which carry severity 'hint'.
import { yaml11NoteFor } from '../parse/yaml11';
import { asMap, asSeq, nodeAt, type NodePath } from '../parse/path';
import type { ParsedDocument } from '../parse/parsedDocument';
import type { YMap } from '../parse/yamlTree';
import { caseFixFor, describeScalar, replaceValueFix, stringScalar } from './MCS4xx-import-helpers';
import type { Finding } from './rule';

const REQUIRED = ['type', 'status', 'reason', 'message', 'lastTransitionTime'] as const;
const STATUSES = ['True', 'False', 'Unknown'] as const;
const REASON = /^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$/;
const CONDITION_TYPE =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$/;
/** RFC 3339 date-time, the CRD's `format: date-time`. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** Upstream reasons by kind and condition type (mcs-api v1beta1), plus the implementations' own. */
const KNOWN_REASONS: Record<string, Record<string, readonly string[]>> = {
  ServiceExport: {
    Valid: ['Valid', 'NoService', 'InvalidServiceType'],
    Ready: ['Exported', 'Ready', 'Pending', 'Failed'],
    Conflict: [
      'NoConflicts',
      'PortConflict',
      'TypeConflict',
      'SessionAffinityConflict',
      'SessionAffinityConfigConflict',
      'AnnotationsConflict',
      'LabelsConflict',
      'InternalTrafficPolicyConflict',
      'TrafficDistributionConflict',
      'IPFamilyConflict',
    ],
  },
  ServiceImport: { Ready: ['Ready', 'Pending', 'IPFamilyNotSupported'] },
};

/** Reasons specific to one implementation, with the upstream reason they stand for (if any). */
const IMPLEMENTATION_REASONS: Record<string, { implementation: string; upstream?: string }> = {
  NamespaceNotGlobal: { implementation: 'Cilium' },
  ConflictingType: { implementation: 'Submariner', upstream: 'TypeConflict' },
  ConflictingPorts: { implementation: 'Submariner', upstream: 'PortConflict' },
  ConflictingSessionAffinity: { implementation: 'Submariner', upstream: 'SessionAffinityConflict' },
  ConflictingSessionAffinityConfig: { implementation: 'Submariner', upstream: 'SessionAffinityConfigConflict' },
  ConflictingClusterSetIPEnablement: { implementation: 'Submariner' },
  ServiceUnavailable: { implementation: 'Submariner', upstream: 'NoService' },
  UnsupportedServiceType: { implementation: 'Submariner', upstream: 'InvalidServiceType' },
  ServiceRetrievalFailed: { implementation: 'Submariner' },
  ServiceGlobalIPUnavailable: { implementation: 'Submariner' },
  ExportFailed: { implementation: 'Submariner', upstream: 'Failed' },
};

export interface ConditionCheckOptions {
  /** The profile's implementation: its own reasons get no hint (`cilium`, `submariner`). */
  implementation?: string;
}

/** Checks the condition list at `path` (usually `['status', 'conditions']`) of `doc`. */
export function checkConditions(doc: ParsedDocument, path: NodePath, options: ConditionCheckOptions = {}): Finding[] {
  const seq = asSeq(nodeAt(doc.root, path));
  if (!seq) return [];
  const findings: Finding[] = [];
  const seenTypes = new Map<string, number>();
  seq.items.forEach((item, i) => {
    const itemPath = [...path, i];
    const map = asMap(item);
    if (!map) {
      findings.push({
        ruleId: 'MCS420',
        message: `Condition ${i} is ${describeScalar(item)}, not a mapping with type, status, reason, message and lastTransitionTime.`,
        path: itemPath,
      });
      return;
    }
    findings.push(...checkCondition(doc, map, itemPath, options));
    const type = stringScalar(nodeAt(map, ['type']))?.value as string | undefined;
    if (type === undefined) return;
    const first = seenTypes.get(type);
    if (first !== undefined) {
      findings.push({
        ruleId: 'MCS420',
        message: `Condition type "${type}" appears twice (also condition ${first}): type is the list-map key, so the API server rejects it when a controller writes the status (an applied manifest has its status discarded).`,
        path: [...itemPath, 'type'],
      });
    } else seenTypes.set(type, i);
  });
  return findings;
}

function checkCondition(doc: ParsedDocument, map: YMap, itemPath: NodePath, options: ConditionCheckOptions): Finding[] {
  const findings: Finding[] = [];
  const at = (k: string): NodePath => [...itemPath, k];
  const missing = REQUIRED.filter((k) => isAbsent(nodeAt(map, [k])));
  if (missing.length > 0) {
    findings.push({
      ruleId: 'MCS420',
      message: `Condition is missing ${missing.join(', ')}: metav1.Condition requires type, status, reason, message and lastTransitionTime, so the API server rejects it when a controller writes the status (an applied manifest has its status discarded).`,
      path: itemPath,
    });
  }
  const typeNode = nodeAt(map, ['type']);
  const type = stringScalar(typeNode)?.value as string | undefined;
  if (typeNode && !isAbsent(typeNode) && (type === undefined || type.length > 316 || !CONDITION_TYPE.test(type))) {
    findings.push({
      ruleId: 'MCS420',
      message: `Condition type ${describeScalar(typeNode)} is not a qualified name of at most 316 characters (e.g. Ready, Valid, Conflict).`,
      path: at('type'),
    });
  }
  findings.push(...checkStatus(map, at('status')));
  findings.push(...checkReason(doc, map, at('reason'), type, options));
  const messageNode = nodeAt(map, ['message']);
  const message = stringScalar(messageNode)?.value as string | undefined;
  if (messageNode && !isAbsent(messageNode) && (message === undefined || message.length > 32768)) {
    findings.push({
      ruleId: 'MCS420',
      message:
        message === undefined
          ? `Condition message is ${describeScalar(messageNode)}; it must be a string.`
          : `Condition message is ${message.length} characters; the CRD allows at most 32768.`,
      path: at('message'),
    });
  }
  const timeNode = nodeAt(map, ['lastTransitionTime']);
  const time = stringScalar(timeNode)?.value as string | undefined;
  if (timeNode && !isAbsent(timeNode) && (time === undefined || !DATE_TIME.test(time))) {
    findings.push({
      ruleId: 'MCS420',
      message: `lastTransitionTime ${describeScalar(timeNode)} is not an RFC 3339 date-time such as "2026-01-01T00:00:00Z", so the API server rejects it when a controller writes the status (an applied manifest has its status discarded).`,
      path: at('lastTransitionTime'),
    });
  }
  const genNode = nodeAt(map, ['observedGeneration']);
  if (genNode && !isAbsent(genNode)) {
    const gen = genNode.type === 'scalar' ? genNode.value : undefined;
    if (typeof gen !== 'number' || !Number.isInteger(gen) || gen < 0) {
      findings.push({
        ruleId: 'MCS420',
        message: `observedGeneration is ${describeScalar(genNode)}; it must be an integer ≥ 0.`,
        path: at('observedGeneration'),
      });
    }
  }
  return findings;
}

function checkStatus(map: YMap, path: NodePath): Finding[] {
  const node = nodeAt(map, ['status']);
  if (!node || isAbsent(node)) return [];
  const value = node.type === 'scalar' ? node.value : undefined;
  if (typeof value === 'string' && (STATUSES as readonly string[]).includes(value)) return [];
  if (typeof value === 'boolean') {
    const fixed = value ? 'True' : 'False';
    return [
      {
        ruleId: 'MCS420',
        message: `Condition status is the YAML boolean ${String(value)}${yaml11NoteFor(node, false)}, but the CRD enum is the strings "True", "False", "Unknown": the API server rejects it when a controller writes the status (an applied manifest has its status discarded). Quote it: "${fixed}".`,
        path,
        fixes: [replaceValueFix(path, `"${fixed}"`, `Change status to "${fixed}"`)],
      },
    ];
  }
  const fixed = typeof value === 'string' ? caseFixFor(value, STATUSES) : undefined;
  return [
    {
      ruleId: 'MCS420',
      message: `Condition status is ${describeScalar(node)}, not "True", "False" or "Unknown" (case-sensitive enum): the API server rejects it when a controller writes the status (an applied manifest has its status discarded).`,
      path,
      fixes: fixed ? [replaceValueFix(path, `"${fixed}"`, `Change status to "${fixed}"`)] : [],
    },
  ];
}

function checkReason(
  doc: ParsedDocument,
  map: YMap,
  path: NodePath,
  type: string | undefined,
  options: ConditionCheckOptions,
): Finding[] {
  const node = nodeAt(map, ['reason']);
  if (!node || isAbsent(node)) return [];
  const reason = stringScalar(node)?.value as string | undefined;
  if (reason === undefined || reason.length > 1024 || !REASON.test(reason)) {
    const cleaned = reason
      ?.replace(/[^A-Za-z0-9_,:]/g, '')
      .replace(/^[^A-Za-z]+/, '')
      .replace(/[,:]+$/, '');
    return [
      {
        ruleId: 'MCS420',
        message: `Condition reason ${describeScalar(node)} does not match ^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$ (at most 1024 characters; CamelCase, no spaces): the API server rejects it when a controller writes the status (an applied manifest has its status discarded).`,
        path,
        fixes:
          cleaned && REASON.test(cleaned) && cleaned.length <= 1024
            ? [replaceValueFix(path, cleaned, `Change reason to ${cleaned}`)]
            : [],
      },
    ];
  }
  return unknownReasonHints(doc.kind, type, reason, path, options);
}

/** Hints for reasons that are valid syntax but not what the consumers of this condition type expect. */
function unknownReasonHints(
  kind: string | undefined,
  type: string | undefined,
  reason: string,
  path: NodePath,
  options: ConditionCheckOptions,
): Finding[] {
  const known = kind && type ? KNOWN_REASONS[kind]?.[type] : undefined;
  if (!known) return [];
  const hints: Finding[] = [];
  // Conflict reasons may be joined with commas ("PortConflict,TypeConflict").
  for (const part of reason.split(',')) {
    if (known.includes(part)) continue;
    const impl = IMPLEMENTATION_REASONS[part];
    if (impl && impl.implementation.toLowerCase() === options.implementation) continue;
    const detail = impl
      ? `${impl.implementation}-specific${impl.upstream ? `; upstream uses ${impl.upstream}` : ''}`
      : `mcs-api defines ${known.join(', ')} for ${type}`;
    hints.push({
      ruleId: 'MCS420',
      severity: 'hint',
      message: `Reason "${part}" is not an upstream reason for ${kind} condition ${type} (${detail}); tools that match on upstream reasons will not recognise it.`,
      path,
    });
  }
  return hints;
}

function isAbsent(n: ReturnType<typeof nodeAt>): boolean {
  return n === undefined || (n.type === 'scalar' && n.value === null);
}
