// The report as Markdown (the palette opens it as a preview; `clusterset doctor --format markdown`): the
// verdict first, then the causes with their fixes, the checks per cluster with evidence, and the
// commands a person can paste to verify by hand. Cells are escaped: object names may contain `|`.
import { CAUSES } from '../causes';
import type { RunbookReport } from '../run';
import { summaryLine } from './summary';

const ICON = { pass: '✅ pass', fail: '❌ fail', warn: '⚠️ warn', skip: '⏭️ skip' } as const;
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;

export interface MarkdownOptions {
  /** Base of the links to the cause pages (default the relative `docs/causes/`). */
  causeDocsBase?: string;
  /** The CLI line that re-runs this report. */
  rerun?: string;
}

export function formatMarkdownReport(r: RunbookReport, o: MarkdownOptions = {}): string {
  const base = o.causeDocsBase ?? 'docs/causes/';
  const out: string[] = [`# Clusterset runbook: ${r.service}`, '', `**${summaryLine(r)}**`, ''];
  out.push(
    `Implementation: ${r.implementation} · clusters: ${r.clusters.map((c) => `${c.name}${c.exporter ? ' (exports)' : ''}`).join(', ') || 'none'} · ${r.startedAt} · ${(r.durationMs / 1000).toFixed(1)} s${r.probe ? ' · with probe pods' : ' · read-only'}`,
    '',
  );
  if (r.causes.length) {
    out.push('## Causes', '');
    for (const c of r.causes) {
      out.push(`### ${code(c.id)} — ${CAUSES[c.id].title}`, '');
      out.push(
        `**Where:** ${c.clusters.join(', ') || 'the clusterset'}  `,
        `**What we saw:** ${c.summary}  `,
        `**Fix:** ${c.fix}  `,
      );
      out.push(`More: [${c.id}](${base}${c.id}.md)`, '');
    }
  }
  out.push('## Checks', '', '| # | Check | Cluster | Result | Detail |', '|---|---|---|---|---|');
  for (const c of r.checks)
    out.push(`| ${c.order} | ${cell(c.title)} | ${cell(c.cluster ?? 'clusterset')} | ${ICON[c.status]} | ${cell(c.detail)} |`);
  out.push('');
  const withEvidence = r.checks.filter((c) => c.evidence?.length && c.status !== 'pass');
  if (withEvidence.length) {
    out.push('## Evidence', '');
    for (const c of withEvidence) {
      out.push(`- **${cell(c.title)}**${c.cluster ? ` in ${c.cluster}` : ''}:`);
      for (const e of c.evidence ?? [])
        out.push(`  - ${e.cluster}: ${e.object}${e.field ? ` ${code(e.field)}` : ''}${e.excerpt ? ` — ${code(e.excerpt)}` : ''}`);
    }
    out.push('');
  }
  const commands = [...new Set(r.checks.filter((c) => c.status !== 'pass').flatMap((c) => c.commands ?? []))];
  if (commands.length) out.push('## Verify by hand', '', '```sh', ...commands, '```', '');
  if (o.rerun) out.push('## Run again', '', '```sh', o.rerun, '```', '');
  return `${out.join('\n')}\n`;
}
