// `clusterset lint`: walks the given paths for YAML, treats them as one workspace, prints diagnostics.
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Diagnostic } from 'vscode-languageserver-types';
import { IMPLEMENTATIONS, type Implementation } from '../../server/src/protocol';
import { createLanguageService } from '../../server/src/service/languageService';

type Out = { write(s: string): unknown };
const SEVERITY = ['', 'error', 'warning', 'information', 'hint'] as const;
const SKIP_DIRS = new Set(['node_modules', '.git']);

async function collect(path: string, out: string[], errors: string[]): Promise<void> {
  let st;
  try {
    st = await stat(path);
  } catch (err) {
    errors.push(`${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    return;
  }
  if (st.isFile()) {
    out.push(path);
    return;
  }
  if (!st.isDirectory()) return;
  for (const e of (await readdir(path, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(path, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) await collect(p, out, errors);
    } else if (/\.ya?ml$/i.test(e.name)) out.push(p);
  }
}

export interface LintDiagnostic {
  file: string;
  range: Diagnostic['range'];
  severity: (typeof SEVERITY)[number];
  code: string;
  message: string;
}

export async function runLint(args: string[], stdout: Out, stderr: Out): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { format: { type: 'string', default: 'text' }, implementation: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (err) {
    stderr.write(`clusterset lint: ${(err as Error).message}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    stdout.write('Usage: clusterset lint [paths…] [--format text|json|sarif] [--implementation generic|cilium|submariner|gke|istio|aws]\n');
    return 0;
  }
  const format = values.format ?? 'text';
  if (!['text', 'json'].includes(format)) {
    stderr.write(`clusterset lint: unknown --format '${format}' (text, json)\n`);
    return 2;
  }
  if (values.implementation && !IMPLEMENTATIONS.includes(values.implementation as Implementation)) {
    stderr.write(`clusterset lint: unknown --implementation '${values.implementation}' (${IMPLEMENTATIONS.join(', ')})\n`);
    return 2;
  }
  const files: string[] = [];
  const ioErrors: string[] = [];
  for (const p of positionals.length ? positionals : ['.']) await collect(p, files, ioErrors);

  const service = createLanguageService({ settings: values.implementation ? { implementation: values.implementation as Implementation } : {} });
  const byUri = new Map<string, string>();
  for (const f of files) {
    try {
      const text = await readFile(f, 'utf8');
      const uri = pathToFileURL(resolve(f)).href;
      byUri.set(uri, f);
      service.setFile(uri, text);
    } catch (err) {
      ioErrors.push(`${f}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    }
  }
  const diagnostics: LintDiagnostic[] = [];
  for (const [uri, file] of byUri) {
    for (const d of service.validate(uri).diagnostics) {
      diagnostics.push({ file, range: d.range, severity: SEVERITY[d.severity ?? 1], code: String(d.code ?? ''), message: d.message });
    }
  }
  if (format === 'json') stdout.write(`${JSON.stringify({ diagnostics })}\n`);
  else for (const d of diagnostics) stdout.write(`${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code}: ${d.message}\n`);
  for (const e of ioErrors) stderr.write(`clusterset lint: cannot read ${e}\n`);
  if (ioErrors.length) return 2;
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}
