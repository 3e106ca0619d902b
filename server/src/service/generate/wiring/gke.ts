// GKE fleet multi-cluster Services. Commands from Google's "Configuring multi-cluster Services" and the gcloud
// reference (gcloud container fleet memberships register / multi-cluster-services enable|describe), the IAM
// binding for gke-mcs/gke-mcs-importer, and the net.gke.io/v1 ServiceExport
// (GoogleCloudPlatform/gke-networking-recipes multi-cluster-services/*).
import { shellWord } from '../markdown';
import { exportSection, runbookHeader, verifySection } from './common';
import type { WiringInput } from './input';
import type { Wiring } from './wiring';

export const gkeWiring: Wiring = {
  implementation: 'gke',
  title: 'GKE multi-cluster Services (fleet)',
  build(input: WiringInput) {
    const warnings: string[] = [];
    if (input.overlaps.length) {
      return `GKE multi-cluster Services needs VPC-native clusters whose Pod and Service ranges do not overlap, and these do: ${input.overlaps.join('; ')}.`;
    }
    const md = runbookHeader(input, this.title);
    md.para('Set your project once; every command below reads it.');
    md.code('sh', ['export PROJECT_ID="$(gcloud config get-value project)"']);
    md.heading(2, '1. Enable the APIs');
    md.code('sh', [
      'gcloud services enable multiclusterservicediscovery.googleapis.com gkehub.googleapis.com \\\n  cloudresourcemanager.googleapis.com trafficdirector.googleapis.com dns.googleapis.com --project "$PROJECT_ID"',
    ]);
    md.heading(2, '2. Register the clusters to the fleet');
    md.para(
      'The clusters need Workload Identity (`--workload-pool=$PROJECT_ID.svc.id.goog`) and VPC-native networking (`--enable-ip-alias`).',
    );
    const unknownRegion = input.clusters.filter((c) => !c.region).map((c) => c.name);
    if (unknownRegion.length)
      md.para(`Set \`region:\` for ${unknownRegion.join(', ')} in the ClusterSet file, or replace \`$LOCATION\` below.`);
    md.code(
      'sh',
      input.clusters.map(
        (c) =>
          `gcloud container fleet memberships register ${c.name} --gke-cluster ${c.region ?? '"$LOCATION"'}/${c.name} \\\n  --enable-workload-identity --project "$PROJECT_ID"`,
      ),
    );
    md.heading(2, '3. Enable multi-cluster Services and grant the importer its role');
    md.code('sh', [
      'gcloud container fleet multi-cluster-services enable --project "$PROJECT_ID"',
      'gcloud projects add-iam-policy-binding "$PROJECT_ID" \\\n  --member "serviceAccount:$PROJECT_ID.svc.id.goog[gke-mcs/gke-mcs-importer]" \\\n  --role "roles/compute.networkViewer"',
    ]);
    md.para(
      'The first export can take up to five minutes to appear as a ServiceImport; the namespace must exist in the importing cluster.',
    );
    exportSection(md, input, 'net.gke.io/v1');
    verifySection(md, input, [
      'gcloud container fleet multi-cluster-services describe --project "$PROJECT_ID"',
      ...input.services.flatMap((s) =>
        input.clusters
          .filter((c) => s.consumers.includes(c.name))
          .map((c) => `kubectl --context ${shellWord(c.context)} -n ${s.namespace} get serviceimports.net.gke.io ${s.name}`),
      ),
    ]);
    return { text: md.toString(), warnings };
  },
};
