// Small deterministic Markdown builder for the generated runbooks (golden-file tested).
export class MarkdownDoc {
  private readonly lines: string[] = [];

  heading(level: number, text: string): this {
    this.gap();
    this.lines.push(`${'#'.repeat(level)} ${text}`, '');
    return this;
  }

  para(...text: string[]): this {
    this.gap();
    this.lines.push(text.join(' '), '');
    return this;
  }

  bullets(items: readonly string[]): this {
    this.gap();
    for (const i of items) this.lines.push(`- ${i}`);
    this.lines.push('');
    return this;
  }

  code(language: string, body: readonly string[]): this {
    this.gap();
    this.lines.push('```' + language, ...body, '```', '');
    return this;
  }

  private gap(): void {
    if (this.lines.length && this.lines[this.lines.length - 1] !== '') this.lines.push('');
  }

  toString(): string {
    while (this.lines.length && this.lines[this.lines.length - 1] === '') this.lines.pop();
    return this.lines.join('\n') + '\n';
  }
}

/** A shell word, quoted only when it needs to be. */
export function shellWord(s: string): string {
  return /^[A-Za-z0-9_./:=,@%+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
