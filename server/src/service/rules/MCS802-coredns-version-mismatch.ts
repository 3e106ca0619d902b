// MCS802: the `multicluster` option of the kubernetes plugin exists from CoreDNS 1.12.2 on
// (coredns/coredns#7266); the stand-alone `multicluster` directive is the external coredns/multicluster
// plugin, absent from stock images (facts §6). Compared with the CoreDNS Deployment's image tag.
import { corefilesOf, multiclusterUses, tokenSpan } from '../model/embeddedCorefile';
import { asSeq, nodeAt, stringAt } from '../parse/path';
import { clusterOfUri, type IndexedObject, type WorkspaceIndex } from '../workspaceIndex';
import type { Finding, Rule, RuleContext } from './rule';

interface CorednsImage {
  image: string;
  version: [number, number, number] | undefined;
  /** The upstream image (registry.k8s.io/coredns/coredns, coredns/coredns): no external plugins. */
  stock: boolean;
  object: IndexedObject;
  path: Array<string | number>;
}

const MIN_OPTION_VERSION: [number, number, number] = [1, 12, 2];

export const mcs802: Rule = {
  id: 'MCS802',
  title: 'CoreDNS version / build mismatch',
  severity: 'warning',
  kinds: ['ConfigMap'],
  crossFile: true,
  check(ctx: RuleContext): Finding[] {
    const embedded = corefilesOf(ctx.doc);
    if (!embedded.length) return [];
    const image = corednsImage(ctx.index, clusterOfUri(ctx.uri));
    if (!image) return [];
    const related = [
      { uri: image.object.uri, docIndex: image.object.docIndex, path: image.path, message: `CoreDNS image ${image.image}` },
    ];
    const out: Finding[] = [];
    for (const e of embedded) {
      for (const use of multiclusterUses(e.corefile)) {
        const span = tokenSpan(e, use.directive.name);
        const path = ['data', e.key];
        if (use.form === 'option' && image.version && older(image.version, MIN_OPTION_VERSION)) {
          out.push({
            ruleId: 'MCS802',
            path,
            span,
            related,
            message: `The multicluster option of the kubernetes plugin needs CoreDNS 1.12.2 or later, but the CoreDNS image is ${image.image}: CoreDNS fails to start on the unknown property. Upgrade CoreDNS to 1.12.2+ (default from Kubernetes 1.35).`,
          });
        }
        if (use.form === 'plugin' && image.stock) {
          const alt =
            image.version && !older(image.version, MIN_OPTION_VERSION)
              ? ' This image is 1.12.2+: use the built-in option instead (multicluster clusterset.local inside the kubernetes block, with clusterset.local among its zones).'
              : '';
          out.push({
            ruleId: 'MCS802',
            path,
            span,
            related,
            message: `A stand-alone multicluster directive is the external coredns/multicluster plugin, which the stock image ${image.image} does not include: CoreDNS fails to start on the unknown directive. Build CoreDNS with the plugin.${alt}`,
          });
        }
      }
    }
    return out;
  },
};

const IMAGE = /^(?<repo>[^@]*?)(?::v?(?<major>\d+)\.(?<minor>\d+)\.(?<patch>\d+)[^@]*)?(?:@.*)?$/;

/** The CoreDNS Deployment's image, preferring the same cluster folder. */
function corednsImage(index: WorkspaceIndex, cluster: string | undefined): CorednsImage | undefined {
  let found: CorednsImage | undefined;
  for (const o of index.ofKind('Deployment')) {
    if (!o.name?.includes('coredns') || (cluster && o.cluster && o.cluster !== cluster)) continue;
    const containers = asSeq(nodeAt(o.doc.root, ['spec', 'template', 'spec', 'containers']));
    for (let i = 0; i < (containers?.items.length ?? 0); i++) {
      const path = ['spec', 'template', 'spec', 'containers', i, 'image'];
      const image = stringAt(o.doc.root, path);
      const m = image ? IMAGE.exec(image) : null;
      const repo = m?.groups?.repo ?? '';
      if (!image || !/(^|\/)coredns$/.test(repo)) continue;
      const g = m?.groups;
      const version: CorednsImage['version'] = g?.major ? [Number(g.major), Number(g.minor), Number(g.patch)] : undefined;
      const candidate = {
        image,
        version,
        stock: /(^|\/)coredns\/coredns$/.test(repo) || repo === 'k8s.gcr.io/coredns',
        object: o,
        path,
      };
      if (!found || (cluster && o.cluster === cluster)) found = candidate;
    }
  }
  return found;
}

function older(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}
