// MCS415: sessionAffinity is ClientIP or None (default None); with ClientIP the timeout is 1–86400 seconds;
// sessionAffinityConfig does nothing with None or on a Headless import (facts §3).
import { asMap, nodeAt, stringAt } from '../parse/path';
import type { ParsedDocument } from '../parse/parsedDocument';
import { describeScalar, enumMismatch, replaceValueFix, stringScalar } from './MCS4xx-import-helpers';
import type { Finding, Rule, RuleContext } from './rule';

const AFFINITIES = ['ClientIP', 'None'] as const;
const MAX_TIMEOUT_SECONDS = 86400;
const TIMEOUT_PATH = ['spec', 'sessionAffinityConfig', 'clientIP', 'timeoutSeconds'];

export const mcs415: Rule = {
  id: 'MCS415',
  title: 'Session affinity values',
  severity: 'error',
  kinds: ['ServiceImport'],
  check(ctx: RuleContext): Finding[] {
    const { doc } = ctx;
    const findings: Finding[] = [];
    const affinityPath = ['spec', 'sessionAffinity'];
    const affinity = stringScalar(nodeAt(doc.root, affinityPath))?.value as string | undefined;
    const bad = enumMismatch(doc.root, affinityPath, AFFINITIES);
    // "" is defaulted: a derived Service with an empty sessionAffinity gets None (SetDefaults_Service).
    if (bad && bad.value !== '') {
      const fix = bad.caseFix;
      findings.push({
        ruleId: 'MCS415',
        message: `spec.sessionAffinity is ${describeScalar(bad.node)}, not ClientIP or None: the API server accepts it (no enum in the CRD), but a controller that copies it into the derived Service (e.g. Cilium) gets that Service rejected, and clients get no affinity.${fix ? ` Write ${fix}.` : ''}`,
        path: affinityPath,
        fixes: fix ? [replaceValueFix(affinityPath, fix)] : [],
      });
    }
    const config = asMap(nodeAt(doc.root, ['spec', 'sessionAffinityConfig']));
    if (!config) return findings;
    const headless = stringAt(doc.root, ['spec', 'type']) === 'Headless';
    if (headless || affinity === undefined || affinity === 'None') {
      const why = headless
        ? 'the import is Headless, so there is no VIP to keep clients on one backend'
        : `sessionAffinity is ${affinity ?? 'unset (None)'}`;
      findings.push({
        ruleId: 'MCS415',
        severity: 'hint',
        message: `spec.sessionAffinityConfig is ignored: ${why}.`,
        path: ['spec', 'sessionAffinityConfig'],
        target: 'key',
      });
      return findings;
    }
    if (affinity === 'ClientIP') findings.push(...timeoutFindings(doc));
    return findings;
  },
};

function timeoutFindings(doc: ParsedDocument): Finding[] {
  const node = nodeAt(doc.root, TIMEOUT_PATH);
  if (!node || (node.type === 'scalar' && node.value === null)) return [];
  const value = node.type === 'scalar' ? node.value : undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) return []; // a type the API server rejects: MCS011
  if (value >= 1 && value <= MAX_TIMEOUT_SECONDS) return [];
  const what = `${value}, outside 1–${MAX_TIMEOUT_SECONDS}: Service validation rejects it, so a derived Service carrying it is refused and ClientIP affinity never takes effect`;
  return [
    {
      ruleId: 'MCS415',
      message: `sessionAffinityConfig.clientIP.timeoutSeconds is ${what}. Use 1–${MAX_TIMEOUT_SECONDS} seconds (default 10800).`,
      path: TIMEOUT_PATH,
    },
  ];
}
