// `clusterset doctor` text output: one line per check and cluster (✓ ✗ ⚠ –), the evidence under it, then
// the causes with their fixes. Plain characters only where the terminal may not render symbols.
import type { RunbookReport } from '../run';
import { summaryLine } from './summary';

const MARK = { pass: '✓', fail: '✗', warn: '⚠', skip: '–' } as const;

export function formatTextReport(r: RunbookReport): string {
  const lines = [
    `Clusterset doctor — ${r.service} (${r.implementation}) across ${r.clusters.map((c) => c.name).join(', ') || 'no clusters'}`,
    '',
  ];
  let last = -1;
  for (const c of r.checks) {
    if (c.order !== last) {
      lines.push(`${c.order}. ${c.title}`);
      last = c.order;
    }
    lines.push(`   ${MARK[c.status]} ${c.cluster ? `[${c.cluster}] ` : ''}${c.detail}`);
    for (const e of c.evidence ?? [])
      lines.push(`       ${e.object}${e.field ? ` ${e.field}` : ''}${e.excerpt ? `: ${e.excerpt}` : ''}`);
  }
  lines.push('');
  if (r.causes.length) {
    lines.push('Causes:');
    for (const c of r.causes) {
      lines.push(`  ${c.id}${c.clusters.length ? ` (${c.clusters.join(', ')})` : ''}: ${c.summary}`);
      lines.push(`    fix: ${c.fix}`);
      lines.push(`    see: docs/causes/${c.id}.md`);
    }
    lines.push('');
  }
  lines.push(summaryLine(r));
  return `${lines.join('\n')}\n`;
}
