// What the workspace's own files say about the MCS implementation, when nobody set one: GKE's recipes are
// full of `net.gke.io/v1` objects, Cilium's of `service.cilium.io/*` annotations. Only marks that belong to one
// implementation count. Not evidence: ClusterProperty objects (KEP-2149 is implementation-neutral; the AWS
// controller needs them but so may any other) and `multicluster.x-k8s.io` objects (every implementation's).
import type { Implementation } from '../../protocol';

export interface ImplementationEvidence {
  readonly implementation: Implementation;
  /** What was seen, for messages: "a net.gke.io object". */
  readonly what: string;
  readonly uri: string;
  /** 0-based line of the first such mark in the file. */
  readonly line: number;
}

const MARKS: ReadonlyArray<{ implementation: Implementation; what: string; re: RegExp }> = [
  { implementation: 'gke', what: 'a net.gke.io object', re: /^\s*(?:-\s+)?apiVersion:\s*["']?net\.gke\.io\// },
  { implementation: 'gke', what: 'a net.gke.io ServiceImport backend', re: /^\s*(?:-\s+)?group:\s*["']?net\.gke\.io["']?\s*$/ },
  { implementation: 'gke', what: 'a GKE multi-cluster Gateway class', re: /^\s*gatewayClassName:\s*["']?gke-l7-[a-z-]*-mc\b/ },
  { implementation: 'cilium', what: 'a service.cilium.io annotation', re: /^\s*["']?service\.cilium\.io\/[a-z-]+["']?\s*:/ },
  { implementation: 'cilium', what: 'a cilium.io object', re: /^\s*(?:-\s+)?apiVersion:\s*["']?cilium\.io\// },
  { implementation: 'submariner', what: 'a submariner.io object', re: /^\s*(?:-\s+)?apiVersion:\s*["']?submariner\.io\// },
  { implementation: 'submariner', what: 'a Lighthouse annotation', re: /^\s*["']?lighthouse\.submariner\.io\/[a-z-]+["']?\s*:/ },
  {
    implementation: 'istio',
    what: 'an Istio object',
    re: /^\s*(?:-\s+)?apiVersion:\s*["']?(?:networking|security|install)\.istio\.io\//,
  },
  { implementation: 'aws', what: 'the AWS Cloud Map MCS controller', re: /aws-cloud-map-mcs-controller-for-k8s/ },
];

/** The first mark of each implementation in a file's text (comment lines skipped). */
export function evidenceIn(uri: string, text: string): ImplementationEvidence[] {
  const found = new Map<Implementation, ImplementationEvidence>();
  // Cheap exit: most files mention none of the marks' anchors.
  if (!/net\.gke\.io|gke-l7-|cilium\.io|submariner\.io|istio\.io|aws-cloud-map/.test(text)) return [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length && found.size < MARKS.length; i++) {
    const line = lines[i];
    if (/^\s*#/.test(line)) continue;
    for (const m of MARKS)
      if (!found.has(m.implementation) && m.re.test(line)) found.set(m.implementation, { ...m, uri, line: i });
  }
  return [...found.values()].map(({ implementation, what, uri: u, line }) => ({ implementation, what, uri: u, line }));
}
