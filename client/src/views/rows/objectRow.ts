// A row for one object the inventory read (ServiceExport, Service, ServiceImport, EndpointSlice,
// ClusterProperty): the object it names is what "Open as YAML" reads.
import type { ObjectRef } from '../../../../clusters/src/inventory/snapshot';
import { md, type Row } from './row';

const ICONS: Record<string, string> = {
  ServiceExport: 'cloud-upload',
  ServiceImport: 'cloud-download',
  Service: 'symbol-interface',
  EndpointSlice: 'plug',
  ClusterProperty: 'tag',
};

export function objectId(ref: ObjectRef): string {
  return `${ref.cluster}/${ref.kind}/${ref.namespace ?? ''}/${ref.name}`;
}

/** `tooltipLines` (Markdown paragraphs after the object's name) are built only when the tooltip is. */
export function objectRow(ref: ObjectRef, description: string, tooltipLines: () => string[] = () => []): Row {
  const name = ref.namespace ? `${ref.namespace}/${ref.name}` : ref.name;
  return {
    id: `object:${objectId(ref)}`,
    label: ref.kind,
    description: `${name}${description ? ` · ${description}` : ''}`,
    tooltip: () =>
      [`**${ref.kind}** \`${name}\` in cluster \`${ref.cluster}\` (${md(ref.apiVersion)})`, ...tooltipLines()].join('\n\n'),
    icon: { id: ICONS[ref.kind] ?? 'file-code' },
    contextValue: `object.${ref.kind}`,
    object: ref,
    cluster: ref.cluster,
  };
}
