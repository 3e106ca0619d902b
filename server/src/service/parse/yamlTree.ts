// Our own small YAML tree: rules walk it by path without depending on the `yaml` library's classes. Values are
// what kubectl sends (scalars resolved by YAML 1.1 rules, see yaml11.ts; aliases and `<<` merge keys expanded, as
// go-yaml does), so a rule, a hover or a conflict check never sees a value kubectl would not send. Alias expansion
// shares the anchored subtree instead of copying it and is bounded, so an alias bomb stays cheap.
import { isAlias, isMap, isPair, isScalar, isSeq, Scalar, type Document, type Node as YamlNode } from 'yaml';
import { aliasNode, mapNode, pairNode, scalarNode, seqNode } from './treeNodes';
import { excerpt, readsDifferentlyThan12, resolvePlain, resolveTagged } from './yaml11';

/** Offsets are relative to the start of the document's own text. */
export interface Span {
  start: number;
  end: number;
}

export interface YScalar extends Span {
  type: 'scalar';
  value: string | number | boolean | null;
  /** The scalar was quoted in the source (`"true"` is a string, `true` a boolean). */
  quoted: boolean;
  /** True for `|` and `>` block scalars. */
  block: boolean;
  /**
   * The source text of a plain scalar whose kubectl (YAML 1.1) value is not what YAML 1.2 reads (`no`, `0120`,
   * `1_000`), so messages can say why the value is what it is. Unset for every other scalar.
   */
  yaml11Source?: string;
  /** Set on the node an alias (`*name`) resolved to, at the alias's place. */
  alias?: string;
}

export interface YPair {
  key: YScalar | YNode;
  value: YNode | null;
  /** From the key's start to the value's end. */
  span: Span;
}

export interface YMap extends Span {
  type: 'map';
  pairs: YPair[];
  flow: boolean;
  alias?: string;
}

export interface YSeq extends Span {
  type: 'seq';
  items: YNode[];
  flow: boolean;
  alias?: string;
}

/** An alias left unexpanded: its anchor is unknown, contains the alias, or the expansion budget ran out. */
export interface YAlias extends Span {
  type: 'alias';
  name: string;
}

export type YNode = YScalar | YMap | YSeq | YAlias;

/** A problem found while building the tree (reported like a syntax problem). */
export interface TreeProblem extends Span {
  code: 'NESTING_TOO_DEEP' | 'ALIAS_LIMIT' | 'ALIAS_CYCLE' | 'UNKNOWN_ANCHOR' | 'BAD_MERGE' | 'BAD_TAG';
  message: string;
}

/** Past this depth nothing an MCS rule reads can live; stop so hostile nesting stays cheap. */
export const MAX_DEPTH = 200;
/** Nodes that alias expansion may add to one document (go-yaml refuses far more only as a ratio). */
export const MAX_ALIAS_NODES = 20_000;

interface Converted {
  node: YNode;
  /** Nodes in the expanded subtree. */
  size: number;
}

class TreeBuilder {
  readonly problems: TreeProblem[] = [];
  private aliasBudget = MAX_ALIAS_NODES;
  private readonly anchored = new Map<YamlNode, Converted>();
  private readonly inProgress = new Set<YamlNode>();
  private deepReported = false;

  constructor(
    private readonly doc: Document.Parsed | Document | undefined,
    private readonly shift: number,
  ) {}

  private span(node: YamlNode | null | undefined): Span {
    const r = node?.range;
    return r ? { start: r[0] - this.shift, end: r[1] - this.shift } : { start: 0, end: 0 };
  }

  private problem(p: TreeProblem): void {
    // One of each kind is enough to tell the user; a bomb must not make thousands.
    if (this.problems.length < 20 && !this.problems.some((q) => q.code === p.code && p.code !== 'BAD_TAG')) this.problems.push(p);
  }

  convert(node: unknown, depth: number): Converted | null {
    if (node === null || node === undefined) return null;
    if (isScalar(node)) return { node: this.scalar(node), size: 1 };
    if (isAlias(node)) return this.alias(node, depth);
    if (depth > MAX_DEPTH) {
      if (!this.deepReported) {
        this.deepReported = true;
        this.problem({
          ...this.span(node as YamlNode),
          code: 'NESTING_TOO_DEEP',
          message: `Nesting too deep: more than ${MAX_DEPTH} levels; the content below this level is not checked.`,
        });
      }
      return null;
    }
    const yamlNode = node as YamlNode;
    const anchored = (yamlNode as { anchor?: string }).anchor !== undefined;
    if (anchored) this.inProgress.add(yamlNode);
    let out: Converted | null = null;
    if (isMap(node)) out = this.map(node, depth);
    else if (isSeq(node)) {
      const items: YNode[] = [];
      let size = 1;
      for (const item of node.items) {
        const c = this.convert(item, depth + 1);
        if (c) {
          items.push(c.node);
          size += c.size;
        }
      }
      const s = this.span(yamlNode);
      out = { node: seqNode(s.start, s.end, items, node.flow === true), size };
    }
    if (anchored) {
      this.inProgress.delete(yamlNode);
      if (out) this.anchored.set(yamlNode, out);
    }
    return out;
  }

  private scalar(node: Scalar): YScalar {
    const s = this.span(node);
    const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
    const block = node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED;
    const raw = node.value;
    const text = typeof raw === 'string' ? raw : raw instanceof Uint8Array ? Buffer.from(raw).toString('utf8') : String(raw);
    const out: YScalar = scalarNode(s.start, s.end, text, quoted, block);
    if (node.tag) {
      const r = resolveTagged(node.tag, text);
      out.value = r.value;
      if (r.error) this.problem({ ...s, code: 'BAD_TAG', message: r.error });
    } else if (!quoted && !block) {
      // Quoted and block scalars are strings for go-yaml; plain ones are resolved.
      // go-yaml resolves the scalar's content (a multi-line plain scalar folded to one line), not its raw text.
      const source = text;
      out.value = resolvePlain(source);
      if (readsDifferentlyThan12(source, out.value)) out.yaml11Source = source;
    }
    return out;
  }

  private alias(
    node: { source: string; range?: [number, number, number] | null; resolve(doc: Document): unknown },
    depth: number,
  ) {
    const at = this.span(node as unknown as YamlNode);
    const unexpanded: Converted = { node: aliasNode(at.start, at.end, node.source), size: 1 };
    const target = this.doc ? (node.resolve(this.doc as Document) as YamlNode | undefined) : undefined;
    if (!target) {
      if (this.doc)
        this.problem({
          ...at,
          code: 'UNKNOWN_ANCHOR',
          message: `Alias *${excerpt(node.source)} names no anchor before it in this document: kubectl refuses the file ("unknown anchor").`,
        });
      return unexpanded;
    }
    if (this.inProgress.has(target)) {
      this.problem({
        ...at,
        code: 'ALIAS_CYCLE',
        message: `Alias *${excerpt(node.source)} is inside the node it names: kubectl refuses the file ("anchor value contains itself").`,
      });
      return unexpanded;
    }
    let c = this.anchored.get(target);
    // A scalar anchor is not kept by convert(); it is cheap to build again.
    if (!c && isScalar(target)) c = { node: this.scalar(target), size: 1 };
    if (!c) c = this.convert(target, depth) ?? undefined;
    if (!c) return unexpanded;
    if (c.size > this.aliasBudget) {
      this.aliasBudget = 0;
      this.problem({
        ...at,
        code: 'ALIAS_LIMIT',
        message: `Aliases in this document expand to more than ${MAX_ALIAS_NODES} nodes; the rest are not expanded or checked (kubectl refuses documents with excessive aliasing).`,
      });
      return unexpanded;
    }
    this.aliasBudget -= c.size;
    // The alias's own place, so a finding about the value underlines `*name`; the content is shared.
    return { node: { ...c.node, start: at.start, end: at.end, alias: node.source } as YNode, size: c.size };
  }

  private map(node: { items: unknown[]; flow?: boolean }, depth: number): Converted {
    const pairs: YPair[] = [];
    const byKey = new Map<string, number>();
    let size = 1;
    // go-yaml v2 reads pairs in order and a later key (merged or not) replaces an earlier one.
    const put = (pair: YPair): void => {
      const k = pair.key.type === 'scalar' && pair.key.value !== null ? String(pair.key.value) : undefined;
      const at = k === undefined ? undefined : byKey.get(k);
      if (at !== undefined && k !== undefined) {
        pairs[at] = pair;
        return;
      }
      if (k !== undefined) byKey.set(k, pairs.length);
      pairs.push(pair);
    };
    for (const item of node.items) {
      if (!isPair(item)) continue;
      const keyNode = item.key as YamlNode | null;
      if (isScalar(keyNode) && keyNode.type === Scalar.PLAIN && !keyNode.tag && keyNode.value === '<<') {
        size += this.merge(item.value, depth + 1, put);
        continue;
      }
      const key = this.convert(item.key, depth + 1);
      if (!key) continue;
      const value = this.convert(item.value, depth + 1);
      size += key.size + (value?.size ?? 0);
      put(pairNode(key.node, value?.node ?? null, key.node.start, value ? value.node.end : key.node.end));
    }
    const s = this.span(node as YamlNode);
    return { node: mapNode(s.start, s.end, pairs, node.flow === true), size };
  }

  /** `<<: *base` or `<<: [*a, *b]` (earlier maps win), as go-yaml merges; returns the nodes added. */
  private merge(value: unknown, depth: number, put: (p: YPair) => void): number {
    const sources: unknown[] = isSeq(value) ? [...value.items].reverse() : [value];
    let size = 0;
    for (const s of sources) {
      const c = this.convert(s, depth);
      if (!c) continue;
      if (c.node.type !== 'map') {
        if (c.node.type !== 'alias')
          this.problem({
            ...c.node,
            code: 'BAD_MERGE',
            message: 'A merge key (<<) needs a mapping or a list of mappings: kubectl refuses the file.',
          });
        continue;
      }
      for (const p of c.node.pairs) put(p);
      size += c.size;
    }
    return size;
  }
}

/** The tree of one parsed document and the problems met while building it. */
export function buildTree(
  contents: unknown,
  doc: Document.Parsed | Document | undefined,
  shift = 0,
): { root: YNode | null; problems: TreeProblem[] } {
  const b = new TreeBuilder(doc, shift);
  const c = b.convert(contents, 0);
  return { root: c?.node ?? null, problems: b.problems };
}

/** `shift`: subtracted from every offset, when the node was parsed as part of a larger text. */
export function convertYamlNode(node: unknown, depth = 0, shift = 0): YNode | null {
  return new TreeBuilder(undefined, shift).convert(node, depth)?.node ?? null;
}
