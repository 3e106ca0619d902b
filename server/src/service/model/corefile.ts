// A small Corefile (Caddyfile syntax) parser: server blocks (`zones {`), directives with arguments and
// nested blocks, `#` comments and quoted tokens. Every token keeps its offset in the Corefile text so
// rules can underline the exact word inside the ConfigMap that carries it.

export interface CorefileToken {
  text: string;
  /** Offsets in the Corefile text. */
  start: number;
  end: number;
}

export interface CorefileDirective {
  name: CorefileToken;
  args: CorefileToken[];
  /** Directives of the nested `{ … }` block, when there is one. */
  block?: CorefileDirective[];
}

export interface ServerBlock {
  /** Zone keys as written (`.:53`, `clusterset.local:53`, `dns://example.org`). */
  keys: CorefileToken[];
  directives: CorefileDirective[];
}

export interface Corefile {
  serverBlocks: ServerBlock[];
  /** Unbalanced braces and the like; the parser stops at the first one. */
  problems: Array<{ message: string; start: number; end: number }>;
}

interface LexToken extends CorefileToken {
  line: number;
  /** `{` or `}` written as a separate token (not inside quotes). */
  brace?: '{' | '}';
}

export function lexCorefile(text: string): LexToken[] {
  const out: LexToken[] = [];
  let line = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\n') {
      line++;
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      i++;
    } else if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '"') {
      const start = i++;
      let value = '';
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < text.length) i++;
        if (text[i] === '\n') line++;
        value += text[i++];
      }
      i++;
      out.push({ text: value, start, end: Math.min(i, text.length), line });
    } else {
      const start = i;
      while (i < text.length && !/[\s#]/.test(text[i])) i++;
      const word = text.slice(start, i);
      out.push({ text: word, start, end: i, line, brace: word === '{' || word === '}' ? word : undefined });
    }
  }
  return out;
}

export function parseCorefile(text: string): Corefile {
  const tokens = lexCorefile(text);
  const serverBlocks: ServerBlock[] = [];
  const problems: Corefile['problems'] = [];
  let pos = 0;
  while (pos < tokens.length) {
    const keys: CorefileToken[] = [];
    while (pos < tokens.length && !tokens[pos].brace) {
      // Keys may be separated by spaces or commas (`a.local, b.local {`).
      for (const part of splitKeys(tokens[pos])) keys.push(part);
      pos++;
    }
    const open = tokens[pos];
    if (!open || open.brace !== '{') {
      const at = open ?? tokens[tokens.length - 1];
      problems.push({ message: open ? 'unexpected "}"' : 'server block without "{"', start: at.start, end: at.end });
      break;
    }
    pos++;
    const parsed = parseDirectives(tokens, pos, problems);
    serverBlocks.push({ keys, directives: parsed.directives });
    pos = parsed.next;
    if (problems.length) break;
  }
  return { serverBlocks, problems };
}

function splitKeys(t: LexToken): CorefileToken[] {
  const out: CorefileToken[] = [];
  let offset = 0;
  for (const part of t.text.split(',')) {
    if (part) out.push({ text: part, start: t.start + offset, end: t.start + offset + part.length });
    offset += part.length + 1;
  }
  return out;
}

/** Directives up to the closing `}` of the block that starts at `pos`. */
function parseDirectives(
  tokens: LexToken[],
  pos: number,
  problems: Corefile['problems'],
): { directives: CorefileDirective[]; next: number } {
  const directives: CorefileDirective[] = [];
  while (pos < tokens.length) {
    const t = tokens[pos];
    if (t.brace === '}') return { directives, next: pos + 1 };
    if (t.brace === '{') {
      problems.push({ message: 'block "{" without a directive', start: t.start, end: t.end });
      return { directives, next: tokens.length };
    }
    const directive: CorefileDirective = { name: strip(t), args: [] };
    pos++;
    // Arguments run to the end of the line; a `{` at the end of the line opens the directive's block.
    while (pos < tokens.length && tokens[pos].line === t.line && !tokens[pos].brace) directive.args.push(strip(tokens[pos++]));
    if (pos < tokens.length && tokens[pos].brace === '{' && tokens[pos].line === lastLine(directive, t)) {
      const nested = parseDirectives(tokens, pos + 1, problems);
      directive.block = nested.directives;
      pos = nested.next;
    }
    directives.push(directive);
  }
  const last = tokens[tokens.length - 1];
  problems.push({ message: 'missing "}" at the end of the Corefile', start: last.start, end: last.end });
  return { directives, next: pos };
}

function lastLine(d: CorefileDirective, nameToken: LexToken): number {
  return d.args.length ? (d.args[d.args.length - 1] as LexToken).line : nameToken.line;
}

function strip(t: LexToken): CorefileToken & { line: number } {
  return { text: t.text, start: t.start, end: t.end, line: t.line };
}

/** Zone of a server-block key or a zone argument: scheme, port and trailing dot removed, lowercase. */
export function normalizeZone(key: string): string {
  let z = key.replace(/^[a-z]+:\/\//i, '');
  z = z.replace(/:\d*$/, '');
  z = z.toLowerCase();
  if (z === '' || z === '.') return '.';
  return z.endsWith('.') ? z.slice(0, -1) : z;
}

/** Is `name` equal to `zone` or inside it (`.` covers everything)? */
export function zoneCovers(zone: string, name: string): boolean {
  return zone === '.' || name === zone || name.endsWith(`.${zone}`);
}

/** Every directive of the Corefile, nested ones included, with the server block it belongs to. */
export function* walkDirectives(
  file: Corefile,
): Generator<{ directive: CorefileDirective; parent?: CorefileDirective; server: ServerBlock }> {
  for (const server of file.serverBlocks) {
    for (const d of server.directives) {
      yield { directive: d, server };
      for (const inner of d.block ?? []) yield { directive: inner, parent: d, server };
    }
  }
}
