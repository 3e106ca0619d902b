// MCS410: ports[].protocol is TCP, UDP or SCTP (default TCP). The CRD has no enum, so the API server
// accepts `protocol: HTTP`, but nothing can program a data path for it (facts §3, description-only).
// An empty protocol is not a finding: Service defaulting (SetDefaults_ServicePort) makes it TCP.
import { findPair, pairAt } from '../parse/path';
import type { ParsedDocument } from '../parse/parsedDocument';
import { describeScalar, enumMismatch, importPorts, replaceValueFix, type PortEntry } from './MCS4xx-import-helpers';
import type { Finding, QuickFix, Rule, RuleContext } from './rule';

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'] as const;

/** Application protocols people put in `protocol`, and the appProtocol value that says the same. */
const APP_PROTOCOLS: Record<string, string> = {
  HTTP: 'http',
  HTTPS: 'https',
  GRPC: 'grpc',
  HTTP2: 'kubernetes.io/h2c',
  H2C: 'kubernetes.io/h2c',
};

export const mcs410: Rule = {
  id: 'MCS410',
  title: 'Port protocol outside TCP/UDP/SCTP',
  severity: 'error',
  kinds: ['ServiceImport'],
  check(ctx: RuleContext): Finding[] {
    const findings: Finding[] = [];
    for (const port of importPorts(ctx.doc)) {
      const path = [...port.path, 'protocol'];
      const bad = enumMismatch(ctx.doc.root, path, PROTOCOLS);
      // "" is defaulted: the derived Service's defaulting turns an empty protocol into TCP.
      if (!bad || bad.value === '') continue;
      const { node, value, caseFix } = bad;
      const app = value === undefined ? undefined : APP_PROTOCOLS[value.toUpperCase()];
      const fixes: QuickFix[] = caseFix
        ? [replaceValueFix(path, caseFix)]
        : app
          ? [moveToAppProtocolFix(ctx.doc, port, app)]
          : [];
      const advice = caseFix
        ? `Write ${caseFix} (protocol names are upper-case).`
        : app
          ? `${value} is an application protocol: set protocol: TCP and appProtocol: ${app}.`
          : 'Use TCP, UDP or SCTP.';
      findings.push({
        ruleId: 'MCS410',
        message: `spec.ports[${port.index}].protocol is ${describeScalar(node)}, not TCP, UDP or SCTP: the API server accepts it (no enum in the CRD), but the derived Service and kube-proxy cannot use it, so the port carries no traffic. ${advice}`,
        path,
        fixes,
      });
    }
    return findings;
  },
};

/** Rewrites `protocol: HTTP` to `protocol: TCP` and adds `appProtocol: http` beside it unless one exists. */
function moveToAppProtocolFix(doc: ParsedDocument, port: PortEntry, app: string): QuickFix {
  const title = `Set protocol TCP and appProtocol ${app}`;
  const protocolPath = [...port.path, 'protocol'];
  const pair = pairAt(doc.root, protocolPath);
  if (!pair || findPair(port.map, 'appProtocol'))
    return { ...replaceValueFix(protocolPath, 'TCP', 'Set protocol TCP (appProtocol is already set)'), preferred: true };
  const lineStart = doc.text.lastIndexOf('\n', pair.key.start - 1) + 1;
  const separator = port.map.flow ? ', ' : `\n${' '.repeat(pair.key.start - lineStart)}`;
  return {
    title,
    preferred: true,
    edits: [
      { op: 'replaceSpan', start: pair.key.start, end: pair.span.end, text: `protocol: TCP${separator}appProtocol: ${app}` },
    ],
  };
}
