// Hover on a `*.svc.clusterset.local` name anywhere in a YAML file (an env value, a ConfigMap, a Helm
// value): what the name resolves to under the MCS DNS spec (facts §6), with the exporting clusters and the
// import type found in the workspace. Works on raw text, so it also covers documents we do not parse.
import type { Hover } from 'vscode-languageserver-types';
import { stringAt } from './parse/path';
import type { ParsedFile } from './parse/parsedFile';
import type { IndexedObject, WorkspaceIndex } from './workspaceIndex';

const NAME = /(?:[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9])?\.)+svc\.clusterset\.local\.?/g;
const SUFFIX = /\.svc\.clusterset\.local\.?$/;

interface NameAtCursor {
  text: string;
  start: number;
  end: number;
}

/** The clusterset name under `offset` (file offsets), scanning only the cursor's line. */
export function clustersetNameAt(text: string, offset: number): NameAtCursor | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  // DNS names are at most 253 characters: a window around the cursor is enough, and keeps the regex
  // linear on long lines (minified JSON, base64 blobs).
  const from = Math.max(lineStart, offset - 260);
  const window = text.slice(from, Math.min(lineEnd, offset + 260));
  if (!window.includes('clusterset.local')) return undefined;
  for (const m of window.matchAll(NAME)) {
    const start = from + (m.index ?? 0);
    const end = start + m[0].length;
    if (start <= offset && offset <= end) return { text: m[0], start, end };
  }
  return undefined;
}

interface ServiceFacts {
  exportingClusters: string[];
  exportCount: number;
  type: 'ClusterSetIP' | 'Headless' | undefined;
  typeSource: string;
  ips: string[];
}

function clusterLabel(o: IndexedObject): string {
  return o.cluster ?? 'this workspace';
}

function serviceFacts(index: WorkspaceIndex, ns: string, svc: string): ServiceFacts {
  const exports = index.find('ServiceExport', ns, svc);
  const exportingClusters = [...new Set(exports.map(clusterLabel))].sort();
  const imp = index.find('ServiceImport', ns, svc)[0];
  const importType = imp ? stringAt(imp.doc.root, ['spec', 'type']) : undefined;
  if (imp && (importType === 'ClusterSetIP' || importType === 'Headless')) {
    const ipsNode = imp.doc.root;
    const ips: string[] = [];
    for (let i = 0; i < 2; i++) {
      const ip = stringAt(ipsNode, ['spec', 'ips', i]);
      if (ip) ips.push(ip);
    }
    return {
      exportingClusters,
      exportCount: exports.length,
      type: importType,
      typeSource: 'the ServiceImport in the workspace',
      ips,
    };
  }
  const exportingServices = index.find('Service', ns, svc).filter((s) => exports.some((e) => e.cluster === s.cluster));
  if (exportingServices.length) {
    const headless = exportingServices.some((s) => stringAt(s.doc.root, ['spec', 'clusterIP']) === 'None');
    return {
      exportingClusters,
      exportCount: exports.length,
      type: headless ? 'Headless' : 'ClusterSetIP',
      typeSource: 'the exported Service (`clusterIP: None` makes it Headless)',
      ips: [],
    };
  }
  return { exportingClusters, exportCount: exports.length, type: undefined, typeSource: '', ips: [] };
}

function workspaceLine(f: ServiceFacts, ns: string, svc: string): string {
  if (!f.exportCount)
    return `No ServiceExport for \`${ns}/${svc}\` in the workspace: unless another cluster exports it, the name does not resolve (NXDOMAIN).`;
  return `Exported from: ${f.exportingClusters.map((c) => `\`${c}\``).join(', ')} (ServiceExport${f.exportCount > 1 ? 's' : ''} in the workspace).`;
}

function serviceName(svc: string, ns: string, f: ServiceFacts, srv: { port: string; proto: string } | undefined): string[] {
  const base = `${svc}.${ns}.svc.clusterset.local`;
  const lines: string[] = [];
  if (srv)
    lines.push(
      `SRV record for the port named \`${srv.port}\` (${srv.proto.toUpperCase()}) of the multi-cluster service \`${svc}\` in namespace \`${ns}\`: target \`${base}\` (ClusterSetIP) or one target \`<hostname>.<clusterid>.${base}\` per ready endpoint (Headless). Unnamed ports have no SRV record.`,
    );
  else
    lines.push(
      `Clusterset name of the multi-cluster service \`${svc}\` in namespace \`${ns}\` (the ServiceImport \`${ns}/${svc}\`).`,
    );
  if (f.type === 'ClusterSetIP')
    lines.push(
      `Resolves (A/AAAA) to the ServiceImport's clusterset IP${f.ips.length ? `: ${f.ips.map((ip) => `\`${ip}\``).join(', ')}` : ''}; traffic is spread over the endpoints of every exporting cluster. Type ClusterSetIP, from ${f.typeSource}.`,
    );
  else if (f.type === 'Headless')
    lines.push(
      `Headless: resolves to one A/AAAA record per ready endpoint across the exporting clusters (NXDOMAIN when none is ready); no virtual IP. Type from ${f.typeSource}.`,
    );
  else
    lines.push(
      "Resolves to the ServiceImport's clusterset IP (ClusterSetIP), or to one A/AAAA record per ready endpoint (Headless).",
    );
  return lines;
}

/** Markdown for a clusterset name, or undefined when it does not have an MCS shape. */
export function describeClustersetName(name: string, index: WorkspaceIndex): string | undefined {
  const labels = name.replace(SUFFIX, '').split('.');
  let srv: { port: string; proto: string } | undefined;
  if (labels.length >= 4 && labels[0].startsWith('_') && labels[1].startsWith('_')) {
    srv = { port: labels[0].slice(1), proto: labels[1].slice(1) };
    labels.splice(0, 2);
  }
  if (labels.length < 2 || labels.length > 5) return undefined;
  const svc = labels[labels.length - 2];
  const ns = labels[labels.length - 1];
  const facts = serviceFacts(index, ns, svc);
  const head = `**${name}**`;
  if (labels.length === 2) return [head, ...serviceName(svc, ns, facts, srv), workspaceLine(facts, ns, svc)].join('\n\n');
  if (labels.length === 3) {
    const cluster = labels[0];
    return [
      head,
      `Shape \`<clusterid>.<svc>.<ns>.svc.clusterset.local\` ("all endpoints of \`${svc}\` in cluster \`${cluster}\`"): the MCS DNS spec **reserves and forbids** it, for ClusterSetIP and Headless services alike. Only Submariner Lighthouse answers it; elsewhere it is NXDOMAIN. For a per-cluster target, export a per-cluster Service (e.g. \`${svc}-${cluster}\`).`,
      workspaceLine(facts, ns, svc),
    ].join('\n\n');
  }
  const hostname = labels[0];
  const clusterId = labels.slice(1, labels.length - 2).join('.');
  const known = facts.exportingClusters.includes(clusterId)
    ? `Cluster \`${clusterId}\` exports \`${ns}/${svc}\` in the workspace.`
    : facts.exportCount
      ? `Cluster \`${clusterId}\` is not among the exporting clusters in the workspace (${facts.exportingClusters.map((c) => `\`${c}\``).join(', ')}).`
      : workspaceLine(facts, ns, svc);
  return [
    head,
    `One endpoint of the **headless** multi-cluster service \`${svc}\` in namespace \`${ns}\`: the endpoint with hostname \`${hostname}\` in the cluster whose id (ClusterProperty \`cluster.clusterset.k8s.io\`) is \`${clusterId}\`. Resolves to that endpoint's IP (A/AAAA). Exists only for Headless imports; the hostname comes from the endpoint (StatefulSet pods whose \`serviceName\` is this Service), otherwise an implementation-assigned id.`,
    facts.type === 'ClusterSetIP'
      ? `Note: \`${ns}/${svc}\` is ClusterSetIP (${facts.typeSource}), so no per-endpoint records exist.`
      : '',
    known,
  ]
    .filter(Boolean)
    .join('\n\n');
}

export function clustersetNameHover(file: ParsedFile, offset: number, index: WorkspaceIndex): Hover | null {
  const at = clustersetNameAt(file.text, offset);
  if (!at) return null;
  const value = describeClustersetName(at.text, index);
  if (!value) return null;
  return {
    contents: { kind: 'markdown', value },
    range: { start: file.lines.positionAt(at.start), end: file.lines.positionAt(at.end) },
  };
}
