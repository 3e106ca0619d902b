// MCS107: only spec.exportedLabels/exportedAnnotations reach the ServiceImport; the export's own metadata
// is never copied (KEP-1645, facts §2), and support for exported labels is optional for implementations.
import { asMap, nodeAt } from '../parse/path';
import { stringMap } from '../model/service';
import type { Finding, Rule, RuleContext } from './rule';

/** Annotations that configure tools or the controller itself, not metadata meant for consumers. */
const TOOLING_PREFIXES = [
  'kubectl.kubernetes.io/',
  'clusterset.dev/',
  'lighthouse.submariner.io/',
  'argocd.argoproj.io/',
  'kustomize.config.k8s.io/',
  'meta.helm.sh/',
  'config.kubernetes.io/',
];

export const mcs107: Rule = {
  id: 'MCS107',
  title: 'Labels on metadata expected to be exported',
  severity: 'hint',
  kinds: ['ServiceExport'],
  check(ctx: RuleContext): Finding[] {
    const root = ctx.doc.root;
    const findings: Finding[] = [];
    const labels = stringMap(nodeAt(root, ['metadata', 'labels']));
    if (labels.size > 0 && !asMap(nodeAt(root, ['spec', 'exportedLabels']))) {
      findings.push({
        ruleId: 'MCS107',
        message: `The labels in metadata.labels (${[...labels.keys()].join(', ')}) stay on this ServiceExport: they are never copied to the ServiceImport. To label the imported service, list them in spec.exportedLabels (support is optional for implementations).`,
        path: ['metadata', 'labels'],
        target: 'key',
      });
    }
    const annotations = [...stringMap(nodeAt(root, ['metadata', 'annotations'])).keys()].filter(
      (k) => !TOOLING_PREFIXES.some((p) => k.startsWith(p)),
    );
    if (annotations.length > 0 && !asMap(nodeAt(root, ['spec', 'exportedAnnotations']))) {
      findings.push({
        ruleId: 'MCS107',
        message: `The annotations in metadata.annotations (${annotations.join(', ')}) stay on this ServiceExport: they are never copied to the ServiceImport. To annotate the imported service, list them in spec.exportedAnnotations (support is optional for implementations).`,
        path: ['metadata', 'annotations'],
        target: 'key',
      });
    }
    return findings;
  },
};
