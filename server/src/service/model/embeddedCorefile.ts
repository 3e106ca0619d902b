// Corefiles carried by ConfigMaps (`data.Corefile`, and `*.server` snippets of coredns-custom ConfigMaps),
// parsed once per document, with the mapping from Corefile offsets to document offsets.
import { asMap, keyText, scalarString } from '../parse/path';
import type { ParsedDocument } from '../parse/parsedDocument';
import type { YScalar } from '../parse/yamlTree';
import {
  normalizeZone,
  parseCorefile,
  walkDirectives,
  type Corefile,
  type CorefileDirective,
  type CorefileToken,
  type ServerBlock,
} from './corefile';
import { scalarTextMap, type ScalarTextMap } from './scalarText';

export interface EmbeddedCorefile {
  /** The ConfigMap data key (`Corefile`, `clusterset.server`). */
  key: string;
  corefile: Corefile;
  map: ScalarTextMap;
}

const cache = new WeakMap<ParsedDocument, EmbeddedCorefile[]>();

export function corefilesOf(doc: ParsedDocument): EmbeddedCorefile[] {
  const cached = cache.get(doc);
  if (cached) return cached;
  const out: EmbeddedCorefile[] = [];
  if (doc.kind === 'ConfigMap') {
    const data = asMap(asMap(doc.root)?.pairs.find((p) => keyText(p) === 'data')?.value);
    for (const pair of data?.pairs ?? []) {
      const key = keyText(pair);
      const text = scalarString(pair.value);
      if (!key || text === undefined || (key !== 'Corefile' && !key.endsWith('.server'))) continue;
      out.push({ key, corefile: parseCorefile(text), map: scalarTextMap(doc.text, pair.value as YScalar) });
    }
  }
  cache.set(doc, out);
  return out;
}

export interface MulticlusterUse {
  /** `option`: inside a `kubernetes` block (CoreDNS ≥ 1.12.2); `plugin`: the external coredns/multicluster directive. */
  form: 'option' | 'plugin';
  directive: CorefileDirective;
  /** The enclosing `kubernetes` directive, for the option form. */
  kubernetes?: CorefileDirective;
  server: ServerBlock;
  /** Explicit zone arguments (normalized), with their tokens. */
  zones: Array<{ zone: string; token: CorefileToken }>;
}

export function multiclusterUses(corefile: Corefile): MulticlusterUse[] {
  const out: MulticlusterUse[] = [];
  for (const { directive, parent, server } of walkDirectives(corefile)) {
    if (directive.name.text !== 'multicluster') continue;
    const zones = directive.args.map((token) => ({ zone: normalizeZone(token.text), token }));
    if (!parent) out.push({ form: 'plugin', directive, server, zones });
    else if (parent.name.text === 'kubernetes') out.push({ form: 'option', directive, kubernetes: parent, server, zones });
  }
  return out;
}

/** Document span of a Corefile token. */
export function tokenSpan(embedded: EmbeddedCorefile, token: CorefileToken): { start: number; end: number } {
  return embedded.map.span(token.start, token.end);
}
