// The field schema model: plain data that hover, completion, MCS004 (unknown field) and MCS005 (field
// newer than the CRDs) all read, so a field is described once.

export type FieldType = 'object' | 'array' | 'map' | 'string' | 'integer' | 'boolean';

/** A specific explanation for a key people write that is not in the schema (`spec.serviceName`). */
export interface KnownMistake {
  /** Why the key is wrong and what to write instead; ends without a period. */
  readonly hint: string;
  /** Key to rename it to, when renaming alone fixes it. */
  readonly renameTo?: string;
  /** Turn a scalar value into a one-item list under this key (`ip: x` → `ips: [x]`). */
  readonly wrapInListAs?: string;
}

export interface FieldSchema {
  readonly type: FieldType;
  /** Markdown: meaning, constraints, which implementations honour it. */
  readonly doc: string;
  readonly required?: boolean;
  readonly enum?: readonly string[];
  /** mcs-api release whose CRD first has the field (e.g. `v0.4.0`); absent = present in every release. */
  readonly since?: string;
  /** Shown instead of `since` when the exact release is not known. */
  readonly sinceNote?: string;
  /** Children of an `object`. */
  readonly fields?: Readonly<Record<string, FieldSchema>>;
  /** Item schema of an `array`. */
  readonly items?: FieldSchema;
  /** Value schema of a `map` (keys are free). */
  readonly values?: FieldSchema;
  /** Set by the API server (uid, resourceVersion, …): known to MCS004 and hover, not offered by completion. */
  readonly serverSet?: boolean;
  /** Keys inside are not checked (server-managed structures such as managedFields). */
  readonly open?: boolean;
  /** Keys that are wrong here, with a specific hint (checked by MCS004 before edit distance). */
  readonly knownMistakes?: Readonly<Record<string, KnownMistake>>;
}

export interface KindSchema {
  readonly kind: string;
  /** API group and versions served; for the ClusterSet file, our own file format. */
  readonly group: string;
  readonly versions: readonly string[];
  readonly scope: 'Namespaced' | 'Cluster';
  /** Markdown shown when hovering the `kind` value. */
  readonly doc: string;
  readonly root: FieldSchema;
}

/** Small builders keep the schema files readable. */
export function str(doc: string, extra: Partial<FieldSchema> = {}): FieldSchema {
  return { type: 'string', doc, ...extra };
}

export function int(doc: string, extra: Partial<FieldSchema> = {}): FieldSchema {
  return { type: 'integer', doc, ...extra };
}

export function bool(doc: string, extra: Partial<FieldSchema> = {}): FieldSchema {
  return { type: 'boolean', doc, ...extra };
}

export function obj(doc: string, fields: Record<string, FieldSchema>, extra: Partial<FieldSchema> = {}): FieldSchema {
  return { type: 'object', doc, fields, ...extra };
}

export function arr(doc: string, items: FieldSchema, extra: Partial<FieldSchema> = {}): FieldSchema {
  return { type: 'array', doc, items, ...extra };
}

export function map(
  doc: string,
  values: FieldSchema = { type: 'string', doc: '' },
  extra: Partial<FieldSchema> = {},
): FieldSchema {
  return { type: 'map', doc, values, ...extra };
}
