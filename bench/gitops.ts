// A generated GitOps-shaped repository for the lint benchmark and the identity test: kustomize-style
// `apps/<app>/base` and `apps/<app>/overlays/<env>` folders, `clusters/<name>/…` with Flux Kustomizations,
// HelmReleases and namespaces, and a few hundred MCS files (ServiceExport, ServiceImport, ClusterProperty)
// among thousands that are not MCS at all — the shape of the repositories `clusterset lint` runs on in CI.
// Deterministic: the same seed gives the same bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { seededRandom } from './seededRandom';

export interface GitopsFile {
  /** Relative to the repository root, with `/`. */
  path: string;
  text: string;
  resources: number;
  /** The file holds an MCS object (ServiceExport, ServiceImport, ClusterProperty). */
  mcs: boolean;
}

export interface GitopsRepo {
  files: GitopsFile[];
  resources: number;
  mcsFiles: number;
  mcsResources: number;
}

const CLUSTERS = ['prod-eu-1', 'prod-eu-2', 'prod-us-1', 'prod-us-2', 'staging-eu', 'staging-us', 'dev'];
const ENVS = ['dev', 'staging', 'prod'];
const WORDS = ['payments', 'orders', 'cart', 'search', 'auth', 'ledger', 'mailer', 'catalog', 'pricing', 'gateway'];

function deployment(app: string, ns: string, r: () => number): string {
  const replicas = 1 + Math.floor(r() * 5);
  const port = 8000 + Math.floor(r() * 1000);
  return `# ${app}: the API pods (managed by the platform team)
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${app}
  namespace: ${ns}
  labels:
    app.kubernetes.io/name: ${app}
    app.kubernetes.io/part-of: shop
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app.kubernetes.io/name: ${app}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: ${app}
      annotations:
        prometheus.io/scrape: "true"
    spec:
      serviceAccountName: ${app}
      containers:
        - name: ${app}
          image: registry.example.com/shop/${app}:1.${Math.floor(r() * 40)}.${Math.floor(r() * 10)}
          args: ["--port=${port}", "--log-format=json"]
          ports:
            - name: http
              containerPort: ${port}
          env:
            - name: LOG_LEVEL
              value: info
            - name: DB_HOST
              valueFrom:
                configMapKeyRef:
                  name: ${app}-config
                  key: db.host
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits:
              memory: 256Mi
          readinessProbe:
            httpGet: {path: /healthz, port: http}
            periodSeconds: 10
`;
}

function service(app: string, ns: string, r: () => number): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: ${app}
  namespace: ${ns}
  labels:
    app.kubernetes.io/name: ${app}
spec:
  type: ClusterIP
  selector:
    app.kubernetes.io/name: ${app}
  ports:
    - name: http
      protocol: TCP
      port: 80
      targetPort: ${8000 + Math.floor(r() * 1000)}
`;
}

function configMap(app: string, ns: string, r: () => number): string {
  return `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${app}-config
  namespace: ${ns}
data:
  db.host: ${app}-db.${ns}.svc.cluster.local
  retries: "${1 + Math.floor(r() * 5)}"
  app.properties: |
    # generated from the service template
    server.port=8080
    feature.newCheckout=${r() < 0.5 ? 'true' : 'false'}
    cache.ttl=${Math.floor(r() * 600)}s
  nginx.conf: |
    server {
      listen 8080;
      location / { proxy_pass http://127.0.0.1:9000; }
    }
`;
}

const serviceAccount = (app: string, ns: string): string => `apiVersion: v1
kind: ServiceAccount
metadata:
  name: ${app}
  namespace: ${ns}
  annotations:
    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/${app}
`;

const ingress = (app: string, ns: string): string => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${app}
  namespace: ${ns}
  annotations:
    cert-manager.io/cluster-issuer: letsencrypt
spec:
  ingressClassName: nginx
  tls:
    - hosts: [${app}.example.com]
      secretName: ${app}-tls
  rules:
    - host: ${app}.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: ${app}
                port:
                  name: http
`;

const kustomization = (resources: string[], ns?: string): string => `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
${ns ? `namespace: ${ns}\n` : ''}resources:
${resources.map((x) => `  - ${x}`).join('\n')}
commonLabels:
  app.kubernetes.io/managed-by: flux
`;

const namespace = (ns: string): string => `apiVersion: v1
kind: Namespace
metadata:
  name: ${ns}
  labels:
    istio-injection: enabled
`;

const fluxKustomization = (name: string, path: string): string => `apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: ${name}
  namespace: flux-system
spec:
  interval: 10m
  path: ./${path}
  prune: true
  sourceRef:
    kind: GitRepository
    name: flux-system
`;

const helmRelease = (app: string, ns: string, r: () => number): string => `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: ${app}
  namespace: ${ns}
spec:
  interval: 30m
  chart:
    spec:
      chart: ${app}
      version: "${1 + Math.floor(r() * 3)}.x"
      sourceRef:
        kind: HelmRepository
        name: internal
        namespace: flux-system
  values:
    replicaCount: ${1 + Math.floor(r() * 4)}
    ingress:
      enabled: ${r() < 0.5}
`;

const serviceExport = (app: string, ns: string): string => `# exported to the clusterset (KEP-1645)
apiVersion: multicluster.x-k8s.io/v1alpha1
kind: ServiceExport
metadata:
  name: ${app}
  namespace: ${ns}
`;

const serviceImport = (app: string, ns: string): string => `apiVersion: multicluster.x-k8s.io/v1alpha1
kind: ServiceImport
metadata:
  name: ${app}
  namespace: ${ns}
spec:
  type: ClusterSetIP
  ports:
    - name: http
      protocol: TCP
      port: 80
`;

const clusterProperty = (cluster: string): string => `apiVersion: about.k8s.io/v1alpha1
kind: ClusterProperty
metadata:
  name: cluster.clusterset.k8s.io
spec:
  value: ${cluster}
`;

const docs = (...parts: string[]): string => parts.join('---\n');

/**
 * About `fileCount` files (exactly that many) with 1–5 resources each; roughly one file in 25 holds MCS objects.
 * `seed` varies everything else.
 */
export function generateGitopsRepo(fileCount = 10_000, seed = 13): GitopsRepo {
  const r = seededRandom(seed);
  const files: GitopsFile[] = [];
  const add = (path: string, parts: string[], mcs = false): void => {
    if (files.length < fileCount) files.push({ path, text: docs(...parts), resources: parts.length, mcs });
  };
  for (const c of CLUSTERS) add(`clusters/${c}/mcs/cluster-property.yaml`, [clusterProperty(c)], true);
  for (let i = 0; files.length < fileCount; i++) {
    const app = `${WORDS[i % WORDS.length]}-${Math.floor(i / WORDS.length)}`;
    const ns = `team-${i % 23}`;
    const base = `apps/${app}/base`;
    add(`${base}/deployment.yaml`, [deployment(app, ns, r)]);
    // Some repositories keep the Service beside its ConfigMap, some split them: both shapes appear.
    if (r() < 0.5) add(`${base}/service.yaml`, [service(app, ns, r), configMap(app, ns, r)]);
    else {
      add(`${base}/service.yaml`, [service(app, ns, r)]);
      add(`${base}/configmap.yaml`, [configMap(app, ns, r)]);
    }
    add(`${base}/rbac.yaml`, [serviceAccount(app, ns)]);
    if (r() < 0.4) add(`${base}/ingress.yaml`, [ingress(app, ns)]);
    add(`${base}/kustomization.yaml`, [kustomization(['deployment.yaml', 'service.yaml', 'rbac.yaml'], ns)]);
    for (const env of ENVS) {
      if (r() < 0.5) add(`apps/${app}/overlays/${env}/kustomization.yaml`, [kustomization(['../../base'], `${ns}-${env}`)]);
    }
    const cluster = CLUSTERS[i % CLUSTERS.length];
    const cdir = `clusters/${cluster}`;
    const releases = [helmRelease(app, ns, r)];
    // Up to five resources per file: a release with its namespace and Flux objects.
    const extra = Math.floor(r() * 4);
    for (let k = 0; k < extra; k++)
      releases.push(k % 2 ? namespace(`${ns}-${k}`) : fluxKustomization(`${app}-${k}`, `apps/${app}/overlays/${ENVS[k % 3]}`));
    add(`${cdir}/apps/${app}.yaml`, releases);
    // One app in twelve is exported from its cluster and imported by another.
    if (i % 12 === 0) {
      add(`${cdir}/mcs/${app}-export.yaml`, [serviceExport(app, ns)], true);
      const other = CLUSTERS[(i + 1) % CLUSTERS.length];
      add(`clusters/${other}/mcs/${app}-import.yaml`, [serviceImport(app, ns)], true);
    }
  }
  const mcs = files.filter((f) => f.mcs);
  return {
    files,
    resources: files.reduce((n, f) => n + f.resources, 0),
    mcsFiles: mcs.length,
    mcsResources: mcs.reduce((n, f) => n + f.resources, 0),
  };
}

/** Writes the repository (or only its MCS files) under `dir`. */
export function writeGitopsRepo(dir: string, repo: GitopsRepo, options: { onlyMcs?: boolean } = {}): void {
  for (const f of repo.files) {
    if (options.onlyMcs && !f.mcs) continue;
    const path = join(dir, f.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.text);
  }
}

if (require.main === module) {
  // `npx tsx bench/gitops.ts <dir> [files]`: writes a repository to look at.
  const dir = process.argv[2] ?? 'gitops-repo';
  const repo = generateGitopsRepo(Number(process.argv[3] ?? 10_000));
  writeGitopsRepo(dir, repo);
  console.log(`${dir}: ${repo.files.length} files, ${repo.resources} resources, ${repo.mcsFiles} MCS files`);
}
