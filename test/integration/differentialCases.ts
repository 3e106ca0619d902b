// Generates the differential test's manifests from the CRD schemas themselves (the upstream mcs-api CRDs
// from the Go module, and testbed/crds for ClusterProperty): valid objects, then one mutation each — wrong
// types at every schema path, missing required fields, unknown fields at every object level, enum and
// maxItems violations, metadata names, namespaces, label keys/values, annotations — plus the values the
// API server accepts but a controller's derived Service refuses. The expected outcome is never written
// here: the API server decides; a case only says why it exists (category) and, for the few cases where the
// server accepts an object that still cannot work, why it cannot (`brokenBeyondServer`).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';

export type Category =
  | 'valid'
  | 'type'
  | 'required'
  | 'unknown-field'
  | 'enum'
  | 'limits'
  | 'name'
  | 'namespace'
  | 'labels'
  | 'annotations'
  | 'defaulting'
  | 'status'
  | 'derived-service'
  | 'crd-version'
  | 'scalar-resolution'
  | 'cluster-dependent';

export interface DiffCase {
  id: string;
  category: Category;
  kind: string;
  /** Name for the Service the case is linted beside (a ServiceExport needs one to be meaningful). */
  serviceName: string;
  yaml: string;
  /** The server accepts it, but it cannot work; an error from the linter is then right (reason shown). */
  brokenBeyondServer?: string;
  /** Outcome depends on YAML 1.1 vs 1.2 scalar resolution or on the cluster: reported, not gated. */
  notGated?: string;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

interface OpenApi {
  type?: string;
  properties?: Record<string, OpenApi>;
  items?: OpenApi;
  additionalProperties?: OpenApi | boolean;
  required?: string[];
  enum?: string[];
  maxItems?: number;
}

interface Crd {
  spec: { group: string; names: { kind: string }; versions: { name: string; schema: { openAPIV3Schema: OpenApi } }[] };
}

export const NAMESPACE = 'shop';

/** Every string value double-quoted (keys plain where YAML allows): the manifest means the same under YAML 1.1 (kubectl) and 1.2. */
export function toYaml(obj: Json): string {
  return stringify(obj, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 });
}

function clone<T extends Json>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

function setAt(root: JsonObject, path: (string | number)[], value: Json | undefined): JsonObject {
  const out = clone(root);
  let cur: Json = out;
  for (let i = 0; i < path.length - 1; i++) {
    const seg = path[i];
    const next: Json | undefined = (cur as Record<string | number, Json>)[seg];
    if (next === undefined || next === null || typeof next !== 'object') {
      (cur as Record<string | number, Json>)[seg] = typeof path[i + 1] === 'number' ? [] : {};
    }
    cur = (cur as Record<string | number, Json>)[seg];
  }
  const last = path[path.length - 1];
  if (value === undefined) {
    if (Array.isArray(cur)) cur.splice(last as number, 1);
    else delete (cur as JsonObject)[last as string];
  } else (cur as Record<string | number, Json>)[last] = value;
  return out;
}

const fmt = (path: (string | number)[]) => path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('');

/** A value of each JSON type, to put where the schema wants another. */
const SAMPLES: Record<string, Json> = {
  string: 'x',
  integer: 7,
  boolean: true,
  array: ['x'],
  object: { a: 'x' },
};

function loadCrd(file: string): Crd {
  const docs = parseAllDocuments(readFileSync(file, 'utf8')).map((d) => d.toJS() as unknown);
  return docs.find((d): d is Crd => !!d && typeof d === 'object' && 'spec' in d) as Crd;
}

/** Full objects that exercise every field of the schema, per kind. */
function fullValid(kind: string, apiVersion: string): JsonObject {
  const meta = { name: 'web', namespace: NAMESPACE };
  const status = {
    conditions: [
      {
        type: 'Ready',
        status: 'True',
        reason: 'Exported',
        message: '',
        lastTransitionTime: '2026-01-01T00:00:00Z',
        observedGeneration: 1,
      },
    ],
  };
  if (kind === 'ServiceExport')
    return {
      apiVersion,
      kind,
      metadata: meta,
      spec: { exportedLabels: { tier: 'web' }, exportedAnnotations: { 'example.com/owner': 'team-a' } },
      status,
    };
  if (kind === 'ServiceImport')
    return {
      apiVersion,
      kind,
      metadata: meta,
      spec: {
        type: 'ClusterSetIP',
        ports: [{ name: 'http', protocol: 'TCP', appProtocol: 'http', port: 80 }],
        ips: ['10.42.0.10'],
        ipFamilies: ['IPv4'],
        sessionAffinity: 'ClientIP',
        sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } },
        internalTrafficPolicy: 'Cluster',
        trafficDistribution: 'PreferClose',
      },
      status: { clusters: [{ cluster: 'east' }], ...status },
    };
  return { apiVersion, kind, metadata: { name: 'cluster.clusterset.k8s.io' }, spec: { value: 'east' } };
}

/** The smallest object the server accepts. */
function minimal(kind: string, apiVersion: string): JsonObject {
  if (kind === 'ServiceExport') return { apiVersion, kind, metadata: { name: 'web', namespace: NAMESPACE } };
  if (kind === 'ServiceImport')
    return {
      apiVersion,
      kind,
      metadata: { name: 'web', namespace: NAMESPACE },
      spec: { type: 'ClusterSetIP', ports: [{ port: 80 }] },
    };
  return fullValid(kind, apiVersion);
}

interface SchemaPath {
  path: (string | number)[];
  schema: OpenApi;
}

/** Every schema path present in `obj` (arrays step into item 0), metadata excluded (ObjectMeta is not in the CRD). */
function schemaPaths(schema: OpenApi, obj: Json, path: (string | number)[] = []): SchemaPath[] {
  const out: SchemaPath[] = [];
  if (schema.type === 'object' && schema.properties && obj && typeof obj === 'object' && !Array.isArray(obj)) {
    for (const [k, s] of Object.entries(schema.properties)) {
      if (path.length === 0 && ['apiVersion', 'kind', 'metadata'].includes(k)) continue;
      if (!(k in obj)) continue;
      out.push({ path: [...path, k], schema: s }, ...schemaPaths(s, obj[k], [...path, k]));
    }
  } else if (schema.type === 'array' && schema.items && Array.isArray(obj) && obj.length > 0) {
    out.push({ path: [...path, 0], schema: schema.items }, ...schemaPaths(schema.items, obj[0], [...path, 0]));
  }
  return out;
}

const inStatus = (path: (string | number)[]) => path[0] === 'status';

/** `withStatus` false: the status paths are left out (the versions share one schema; status once per kind keeps the run short). */
function schemaCases(kind: string, version: string, apiVersion: string, root: OpenApi, withStatus: boolean): DiffCase[] {
  const out: DiffCase[] = [];
  const base = fullValid(kind, apiVersion);
  const tag = `${kind}/${version}`;
  const add = (id: string, category: Category, obj: JsonObject, extra: Partial<DiffCase> = {}) =>
    out.push({ id: `${tag} ${id}`, category, kind, serviceName: nameOf(obj), yaml: toYaml(obj), ...extra });

  add('full', 'valid', base);
  add('minimal', 'valid', minimal(kind, apiVersion));
  for (const { path, schema } of schemaPaths(root, base)) {
    if (!withStatus && inStatus(path)) continue;
    const cat: Category = inStatus(path) ? 'status' : 'type';
    // Every wrong type for one version; the other version (same schema) gets one, to cover its conversion path.
    const wrong = Object.entries(SAMPLES).filter(([t]) => t !== schema.type);
    for (const [t, sample] of withStatus ? wrong : wrong.slice(0, 1)) add(`${fmt(path)} as ${t}`, cat, setAt(base, path, sample));
    // A null is dropped like an absent key; an object with required fields then cannot work (a spec-less import).
    const needed = schema.required?.length
      ? { brokenBeyondServer: `without ${fmt(path)} the required ${schema.required.join(', ')} are missing` }
      : {};
    add(`${fmt(path)} null`, inStatus(path) ? 'status' : 'required', setAt(base, path, null), inStatus(path) ? {} : needed);
    if (schema.type === 'object' && !schema.additionalProperties)
      add(`${fmt(path)} unknown key`, 'unknown-field', setAt(base, [...path, 'surplus'], 'x'));
    for (const req of schema.required ?? [])
      add(`${fmt(path)} without ${req}`, inStatus(path) ? 'status' : 'required', setAt(base, [...path, req], undefined));
    if (schema.enum) {
      for (const bad of [schema.enum[0].toLowerCase(), `${schema.enum[0]}x`, ''])
        add(`${fmt(path)} enum ${JSON.stringify(bad)}`, inStatus(path) ? 'status' : 'enum', setAt(base, path, bad));
      for (const good of schema.enum) add(`${fmt(path)} = ${good}`, 'valid', setAt(base, path, good));
    }
    if (schema.maxItems !== undefined) {
      const items = Array.from({ length: schema.maxItems + 1 }, (_, i) =>
        path.at(-1) === 'ips' ? `10.42.0.${i + 1}` : `IPv${i % 2 ? 6 : 4}`,
      );
      add(`${fmt(path)} ${items.length} items`, 'limits', setAt(base, path, items));
    }
  }
  for (const req of root.required ?? []) add(`without ${req}`, 'required', setAt(base, [req], undefined));
  add('unknown top-level key', 'unknown-field', setAt(base, ['surplus'], 'x'));
  add('metadata unknown key', 'unknown-field', setAt(base, ['metadata', 'surplus'], 'x'));
  if (root.properties?.spec?.properties)
    for (const req of root.properties.spec.required ?? [])
      add(`spec without ${req}`, 'required', setAt(base, ['spec', req], undefined));
  return out;
}

function nameOf(obj: JsonObject): string {
  const m = obj.metadata;
  const n = m && typeof m === 'object' && !Array.isArray(m) ? m.name : undefined;
  return typeof n === 'string' && n ? n : 'web';
}

/** Names, namespaces, labels and annotations: ObjectMeta is validated by the API server itself, not the CRD. */
/** `full` false: only the names (ObjectMeta is validated the same for every version; one full set per kind). */
function metadataCases(kind: string, apiVersion: string, full: boolean): DiffCase[] {
  const out: DiffCase[] = [];
  const base = minimal(kind, apiVersion);
  const tag = `${kind}/${apiVersion.split('/')[1]}`;
  const add = (id: string, category: Category, obj: JsonObject, extra: Partial<DiffCase> = {}) =>
    out.push({ id: `${tag} ${id}`, category, kind, serviceName: nameOf(obj), yaml: toYaml(obj), ...extra });
  const namespaced = kind !== 'ClusterProperty';
  // A Service name is a DNS-1035 label: an export or import named otherwise can never match a Service.
  const noService = namespaced
    ? 'no Service can have this name (Service names are DNS-1035 labels), so nothing is exported'
    : undefined;
  const names: [string, boolean][] = [
    ['web-1', true],
    ['a', true],
    ['a'.repeat(63), true],
    ['a'.repeat(64), !namespaced],
    [`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`, !namespaced],
    ['web.v2', !namespaced],
    ['1web', !namespaced],
    ['Web', false],
    ['web_1', false],
    ['-web', false],
    ['web-', false],
    ['web..v2', false],
    ['.', false],
    ['web/1', false],
    ['web 1', false],
    ['', false],
    [`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}`, false],
    ['123', !namespaced],
  ];
  for (const [name, works] of names) {
    const label = name.length > 20 ? `${name.slice(0, 12)}…(${name.length})` : JSON.stringify(name);
    add(`name ${label}`, 'name', setAt(base, ['metadata', 'name'], name), works ? {} : { brokenBeyondServer: noService });
  }
  if (!full) return out;
  add('name missing', 'name', setAt(base, ['metadata', 'name'], undefined));
  add('name integer', 'name', setAt(base, ['metadata', 'name'], 42));
  add('generateName only', 'name', setAt(setAt(base, ['metadata', 'name'], undefined), ['metadata', 'generateName'], 'web-'));
  add('no metadata', 'name', setAt(base, ['metadata'], undefined));
  add('metadata string', 'type', setAt(base, ['metadata'], 'web'));
  if (namespaced) {
    for (const ns of ['Shop', 'shop_1', 'shop.prod', 'a'.repeat(64)])
      add(
        `namespace ${JSON.stringify(ns.length > 20 ? `${ns.slice(0, 8)}…` : ns)}`,
        'namespace',
        setAt(base, ['metadata', 'namespace'], ns),
      );
    add('namespace integer', 'namespace', setAt(base, ['metadata', 'namespace'], 7));
    add('namespace missing (kubectl context namespace)', 'namespace', setAt(base, ['metadata', 'namespace'], undefined));
    add('namespace does not exist', 'cluster-dependent', setAt(base, ['metadata', 'namespace'], 'nowhere'), {
      notGated: 'a missing namespace depends on the cluster',
    });
  } else {
    add('namespace on a cluster-scoped kind', 'namespace', setAt(base, ['metadata', 'namespace'], NAMESPACE));
  }
  const labelKeys = [
    'app',
    'app.kubernetes.io/name',
    'example.com/a_b.c-d',
    'A',
    'a'.repeat(63),
    'a'.repeat(64),
    `${'a'.repeat(254)}/x`,
    'Example.com/app',
    'a/b/c',
    '/app',
    'example.com/',
    '-app',
    'app-',
    'app name',
    'example_com/app',
  ];
  for (const key of labelKeys) {
    const label = key.length > 24 ? `${key.slice(0, 10)}…(${key.length})` : key;
    add(`label key ${JSON.stringify(label)}`, 'labels', setAt(base, ['metadata', 'labels'], { [key]: 'v' }));
    add(`annotation key ${JSON.stringify(label)}`, 'annotations', setAt(base, ['metadata', 'annotations'], { [key]: 'v' }));
  }
  for (const value of ['', 'v1', 'a'.repeat(63), 'a'.repeat(64), 'a b', '-v', 'v-', 'a/b', 'v_1.2-3'])
    add(
      `label value ${JSON.stringify(value.length > 20 ? `${value.slice(0, 8)}…(${value.length})` : value)}`,
      'labels',
      setAt(base, ['metadata', 'labels'], { app: value }),
    );
  add('label value integer', 'labels', setAt(base, ['metadata', 'labels'], { app: 1 }));
  add('label value boolean', 'labels', setAt(base, ['metadata', 'labels'], { app: true }));
  add('labels list', 'labels', setAt(base, ['metadata', 'labels'], ['app']));
  add('labels string', 'labels', setAt(base, ['metadata', 'labels'], 'app'));
  add('annotation value integer', 'annotations', setAt(base, ['metadata', 'annotations'], { a: 1 }));
  add('annotation value boolean', 'annotations', setAt(base, ['metadata', 'annotations'], { a: false }));
  add('annotation value map', 'annotations', setAt(base, ['metadata', 'annotations'], { a: { b: 'c' } }));
  add('annotations list', 'annotations', setAt(base, ['metadata', 'annotations'], ['a']));
  add('annotation value 200 KiB', 'annotations', setAt(base, ['metadata', 'annotations'], { a: 'x'.repeat(200 << 10) }));
  add(
    'annotations over 256 KiB in total',
    'annotations',
    setAt(base, ['metadata', 'annotations'], { a: 'x'.repeat(130 << 10), b: 'y'.repeat(130 << 10) }),
  );
  add('finalizers string', 'type', setAt(base, ['metadata', 'finalizers'], 'example.com/f'));
  add('finalizer integer', 'type', setAt(base, ['metadata', 'finalizers'], [1]));
  add('finalizer qualified', 'valid', setAt(base, ['metadata', 'finalizers'], ['example.com/cleanup']));
  add('finalizer not a qualified name', 'name', setAt(base, ['metadata', 'finalizers'], ['bad finalizer']));
  return out;
}

/** What the server accepts but a Service (which a controller derives from the import) refuses, and defaults. */
function serviceImportValueCases(apiVersion: string): DiffCase[] {
  const out: DiffCase[] = [];
  const base = minimal('ServiceImport', apiVersion);
  const tag = `ServiceImport/${apiVersion.split('/')[1]}`;
  const add = (
    id: string,
    category: Category,
    path: (string | number)[],
    value: Json | undefined,
    extra: Partial<DiffCase> = {},
  ) =>
    out.push({
      id: `${tag} ${id}`,
      category,
      kind: 'ServiceImport',
      serviceName: 'web',
      yaml: toYaml(setAt(base, path, value)),
      ...extra,
    });
  const derived = (why: string) => ({ brokenBeyondServer: `a Service refuses ${why}, so the derived Service is refused` });
  add('protocol ""', 'defaulting', ['spec', 'ports', 0, 'protocol'], '');
  add('sessionAffinity ""', 'defaulting', ['spec', 'sessionAffinity'], '');
  // internalTrafficPolicy is a pointer in the Go type: "" is copied as "", not defaulted, and Service validation refuses it.
  add('internalTrafficPolicy ""', 'derived-service', ['spec', 'internalTrafficPolicy'], '', derived('internalTrafficPolicy ""'));
  for (const p of ['UDP', 'SCTP']) add(`protocol ${p}`, 'valid', ['spec', 'ports', 0, 'protocol'], p);
  for (const p of ['tcp', 'HTTP'])
    add(`protocol ${p}`, 'derived-service', ['spec', 'ports', 0, 'protocol'], p, derived(`protocol ${p}`));
  for (const a of ['http', 'kubernetes.io/h2c', 'example.com/custom', 'grpc'])
    add(`appProtocol ${a}`, 'valid', ['spec', 'ports', 0, 'appProtocol'], a);
  for (const a of ['bad value', 'a/b/c', '-http'])
    add(
      `appProtocol ${JSON.stringify(a)}`,
      'derived-service',
      ['spec', 'ports', 0, 'appProtocol'],
      a,
      derived('that appProtocol'),
    );
  for (const n of [0, 65536, -1]) add(`port ${n}`, 'derived-service', ['spec', 'ports', 0, 'port'], n, derived(`port ${n}`));
  add('port 2147483648 (beyond int32)', 'type', ['spec', 'ports', 0, 'port'], 2147483648);
  add('port 1.5', 'type', ['spec', 'ports', 0, 'port'], 1.5);
  add('port "80"', 'type', ['spec', 'ports', 0, 'port'], '80');
  add('ports []', 'derived-service', ['spec', 'ports'], [], derived('a ClusterIP Service without ports'));
  add('ports [] Headless', 'derived-service', ['spec'], { type: 'Headless', ports: [] }, derived('a Service without ports'));
  add('port name HTTP', 'derived-service', ['spec', 'ports', 0, 'name'], 'HTTP', derived('a port name that is not a DNS label'));
  add(
    'duplicate port names',
    'derived-service',
    ['spec', 'ports'],
    [
      { name: 'http', port: 80 },
      { name: 'http', port: 81 },
    ],
    derived('duplicate port names'),
  );
  add(
    'two unnamed ports',
    'derived-service',
    ['spec', 'ports'],
    [{ port: 80 }, { port: 81 }],
    derived('a multi-port Service with an unnamed port'),
  );
  add('sessionAffinity Sticky', 'derived-service', ['spec', 'sessionAffinity'], 'Sticky', derived('sessionAffinity Sticky'));
  add(
    'sessionAffinity clientip',
    'derived-service',
    ['spec', 'sessionAffinity'],
    'clientip',
    derived('sessionAffinity clientip'),
  );
  for (const t of [0, 86401])
    out.push({
      id: `${tag} timeoutSeconds ${t}`,
      category: 'derived-service',
      kind: 'ServiceImport',
      serviceName: 'web',
      yaml: toYaml(
        setAt(setAt(base, ['spec', 'sessionAffinity'], 'ClientIP'), ['spec', 'sessionAffinityConfig'], {
          clientIP: { timeoutSeconds: t },
        }),
      ),
      ...derived(`timeoutSeconds ${t}`),
    });
  add('no spec', 'required', ['spec'], undefined, {
    brokenBeyondServer: 'an import without type and ports has nothing to serve',
  });
  add(
    'internalTrafficPolicy foo',
    'derived-service',
    ['spec', 'internalTrafficPolicy'],
    'foo',
    derived('internalTrafficPolicy foo'),
  );
  add('internalTrafficPolicy Local', 'valid', ['spec', 'internalTrafficPolicy'], 'Local');
  add('trafficDistribution Foo', 'derived-service', ['spec', 'trafficDistribution'], 'Foo', derived('trafficDistribution Foo'));
  add('ips not an IP', 'derived-service', ['spec', 'ips'], ['not-an-ip'], {
    brokenBeyondServer: 'no client can reach "not-an-ip" as a VIP',
  });
  add('ips with prefix', 'derived-service', ['spec', 'ips'], ['10.0.0.1/32'], {
    brokenBeyondServer: 'a VIP carries no prefix length',
  });
  add('ips IPv6', 'valid', ['spec'], { type: 'ClusterSetIP', ports: [{ port: 80 }], ips: ['fd00::10'], ipFamilies: ['IPv6'] });
  add('dual-stack', 'valid', ['spec'], {
    type: 'ClusterSetIP',
    ports: [{ port: 80 }],
    ips: ['10.42.0.10', 'fd00::10'],
    ipFamilies: ['IPv4', 'IPv6'],
  });
  add('ipFamilies IPv5', 'derived-service', ['spec', 'ipFamilies'], ['IPv5'], derived('ipFamilies IPv5'));
  add('Headless', 'valid', ['spec', 'type'], 'Headless');
  // Not in the v0.5.0 CRD (added in v0.5.1): strict field validation refuses it even though status is discarded.
  add('status.endpointSliceObjects (v0.5.1)', 'unknown-field', ['status'], { endpointSliceObjects: 'Present' });
  add(
    'Headless with ips',
    'derived-service',
    ['spec'],
    { type: 'Headless', ports: [{ port: 80 }], ips: ['10.42.0.10'] },
    {
      brokenBeyondServer: 'a headless import has no VIP; consumers disagree on the address',
    },
  );
  return out;
}

function clusterPropertyCases(apiVersion: string): DiffCase[] {
  const out: DiffCase[] = [];
  const tag = `ClusterProperty/${apiVersion.split('/')[1]}`;
  const base = fullValid('ClusterProperty', apiVersion);
  const add = (id: string, category: Category, obj: JsonObject) =>
    out.push({ id: `${tag} ${id}`, category, kind: 'ClusterProperty', serviceName: 'web', yaml: toYaml(obj) });
  add('value ""', 'limits', setAt(base, ['spec', 'value'], ''));
  add('custom property name', 'valid', setAt(base, ['metadata', 'name'], 'region.example.com'));
  add(
    'value 10 KiB',
    'valid',
    setAt(setAt(base, ['metadata', 'name'], 'region.example.com'), ['spec', 'value'], 'v'.repeat(10 << 10)),
  );
  out.push({
    id: `${tag} cluster id not a DNS label`,
    category: 'limits',
    kind: 'ClusterProperty',
    serviceName: 'web',
    yaml: toYaml(setAt(base, ['spec', 'value'], 'East_1')),
    brokenBeyondServer: 'the cluster id becomes a label value and a DNS label, which "East_1" cannot be',
  });
  return out;
}

/**
 * YAML whose meaning differs between YAML 1.1 (kubectl) and 1.2: gated like the rest, since the parser
 * resolves scalars as kubectl does (server/src/service/parse/yaml11.ts).
 */
function scalarResolutionCases(): DiffCase[] {
  const se = (spec: string) =>
    `apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata:\n  name: web\n  namespace: ${NAMESPACE}\nspec:\n${spec}`;
  const si = (port: string) =>
    `apiVersion: multicluster.x-k8s.io/v1beta1\nkind: ServiceImport\nmetadata:\n  name: web\n  namespace: ${NAMESPACE}\nspec:\n  type: ClusterSetIP\n  ports:\n  - port: ${port}\n`;
  const c = (id: string, yaml: string): DiffCase => ({
    id: `scalar ${id}`,
    category: 'scalar-resolution',
    kind: 'ServiceExport',
    serviceName: 'web',
    yaml,
  });
  return [
    c('exportedLabels value no', se('  exportedLabels:\n    enabled: no\n')),
    c('exportedLabels value on', se('  exportedLabels:\n    mode: on\n')),
    c('exportedAnnotations value y', se('  exportedAnnotations:\n    example.com/flag: y\n')),
    { ...c('port 1_000', si('1_000')), kind: 'ServiceImport' },
    { ...c('port 0120', si('0120')), kind: 'ServiceImport' },
    { ...c('port 0o120', si('0o120')), kind: 'ServiceImport' },
    {
      ...c(
        'ClusterProperty value yes',
        'apiVersion: about.k8s.io/v1alpha1\nkind: ClusterProperty\nmetadata:\n  name: flag.example.com\nspec:\n  value: yes\n',
      ),
      kind: 'ClusterProperty',
    },
  ];
}

/**
 * For a testbed running an older mcs-api release: each version-dependent field alone, in both API
 * versions (v1beta1 is served from v0.5.0), linted with clusterset.crdVersion = that release.
 */
export function versionCases(release: string): DiffCase[] {
  const out: DiffCase[] = [];
  for (const version of ['v1alpha1', 'v1beta1']) {
    const apiVersion = `multicluster.x-k8s.io/${version}`;
    const add = (kind: string, id: string, obj: JsonObject) =>
      out.push({
        id: `${release} ${kind}/${version} ${id}`,
        category: 'crd-version',
        kind,
        serviceName: 'web',
        yaml: toYaml(obj),
      });
    const se = minimal('ServiceExport', apiVersion);
    const si = minimal('ServiceImport', apiVersion);
    add('ServiceExport', 'minimal', se);
    add('ServiceExport', 'exportedLabels', setAt(se, ['spec', 'exportedLabels'], { tier: 'web' }));
    add('ServiceExport', 'exportedAnnotations', setAt(se, ['spec', 'exportedAnnotations'], { 'example.com/a': 'b' }));
    add('ServiceImport', 'minimal', si);
    add('ServiceImport', 'ips', setAt(si, ['spec', 'ips'], ['10.42.0.10']));
    add('ServiceImport', 'two ips', setAt(si, ['spec', 'ips'], ['10.42.0.10', 'fd00::10']));
    add('ServiceImport', 'ipFamilies', setAt(si, ['spec', 'ipFamilies'], ['IPv4']));
    add('ServiceImport', 'internalTrafficPolicy', setAt(si, ['spec', 'internalTrafficPolicy'], 'Cluster'));
    add('ServiceImport', 'trafficDistribution', setAt(si, ['spec', 'trafficDistribution'], 'PreferClose'));
    add('ServiceImport', 'status.conditions', setAt(si, ['status', 'conditions'], []));
    add('ServiceImport', 'status.endpointSliceObjects', setAt(si, ['status', 'endpointSliceObjects'], 'Present'));
  }
  return out;
}

/**
 * All cases: `mcsCrdDir` holds the upstream multicluster.x-k8s.io CRDs, `clusterPropertyCrd` ours.
 * Ids are unique (the test asserts it).
 */
export function generateCases(mcsCrdDir: string, clusterPropertyCrd: string): DiffCase[] {
  const crds = readdirSync(mcsCrdDir)
    .filter((f) => f.startsWith('multicluster.x-k8s.io_') && f.endsWith('.yaml'))
    .map((f) => loadCrd(join(mcsCrdDir, f)));
  crds.push(loadCrd(clusterPropertyCrd));
  const out: DiffCase[] = [];
  for (const crd of crds) {
    const kind = crd.spec.names.kind;
    for (const v of crd.spec.versions) {
      const apiVersion = `${crd.spec.group}/${v.name}`;
      const full = v.name === 'v1beta1';
      out.push(
        ...schemaCases(kind, v.name, apiVersion, v.schema.openAPIV3Schema, full),
        ...metadataCases(kind, apiVersion, full),
      );
      if (kind === 'ServiceImport') out.push(...serviceImportValueCases(apiVersion));
      if (kind === 'ClusterProperty') out.push(...clusterPropertyCases(apiVersion));
    }
  }
  out.push(...scalarResolutionCases());
  return out;
}
