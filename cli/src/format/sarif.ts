// SARIF 2.1.0 for GitHub code scanning: one run, every known rule in tool.driver.rules (read from ALL_RULES at
// run time, so rules added later appear without touching this file), results with 1-based regions relative
// to %SRCROOT% (the directory the command ran in).
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { version as TOOL_VERSION } from '../../../package.json';
import { RULE_DOCS_BASE } from '../../../server/src/service/public';
import { ALL_RULES } from '../../../server/src/service/public';
import { omittedText } from './cap';
import type { LintReport, LintSeverity } from './report';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';
const INFORMATION_URI = 'https://github.com/clusterset/clusterset';

type SarifLevel = 'error' | 'warning' | 'note';

interface RuleMeta {
  id: string;
  title: string;
  severity: LintSeverity;
  /** Rule docs exist only for MCS rules, not for the engine's own codes. */
  documented: boolean;
}

/** Codes the engine reports that are not rules: YAML syntax problems and the editor's time budget (the CLI sets none). */
const ENGINE_CODES: readonly RuleMeta[] = [
  { id: 'YAML', title: 'YAML syntax problem in an MCS document', severity: 'error', documented: false },
  { id: 'BUDGET', title: 'Validation stopped at the time budget', severity: 'information', documented: false },
];

export function sarifLevel(s: LintSeverity): SarifLevel {
  return s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note';
}

/** `Unknown group/version for an MCS kind` → `UnknownGroupVersionForAnMcsKind` (SARIF wants an identifier-like name). */
function ruleName(title: string): string {
  return title
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1).toLowerCase())
    .join('');
}

function ruleDescriptor(r: RuleMeta): Record<string, unknown> {
  const helpUri = r.documented ? `${RULE_DOCS_BASE}${r.id}.md` : undefined;
  const more = helpUri ? ` See ${helpUri} for why it matters, how to fix it and how to suppress it.` : '';
  return {
    id: r.id,
    name: ruleName(r.title),
    shortDescription: { text: r.title },
    fullDescription: { text: `${r.title} (default severity: ${r.severity}).${more}` },
    ...(helpUri ? { helpUri, help: { text: `${r.title}.${more}` } } : {}),
    defaultConfiguration: { level: sarifLevel(r.severity) },
    properties: { tags: ['kubernetes', 'multicluster-services'] },
  };
}

/** URI reference of `file` relative to `root`, forward slashes, each segment percent-encoded; absolute when outside root. */
function artifactLocation(file: string, root: string): { uri: string; uriBaseId?: string } {
  const abs = resolve(root, file);
  const rel = relative(root, abs);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return { uri: pathToFileURL(abs).href };
  return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

export function formatSarif(report: LintReport, root: string = process.cwd()): string {
  const metas: RuleMeta[] = [];
  const indexOf = new Map<string, number>();
  for (const m of ALL_RULES.map((r): RuleMeta => ({ id: r.id, title: r.title, severity: r.severity, documented: true })).concat(
    ENGINE_CODES,
  )) {
    // SARIF rule ids must be unique; the first registration wins.
    if (!indexOf.has(m.id)) indexOf.set(m.id, metas.push(m) - 1);
  }
  const results = report.diagnostics.map((d) => {
    let ruleIndex = indexOf.get(d.code);
    if (ruleIndex === undefined) {
      // A code no rule declares (should not happen): still a valid descriptor, so the result stays loadable.
      ruleIndex = metas.push({ id: d.code, title: d.code, severity: d.severity, documented: false }) - 1;
      indexOf.set(d.code, ruleIndex);
    }
    return {
      ruleId: d.code,
      ruleIndex,
      level: sarifLevel(d.severity),
      message: { text: d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(d.file, root),
            region: {
              startLine: d.range.start.line + 1,
              startColumn: d.range.start.character + 1,
              endLine: d.range.end.line + 1,
              // SARIF's endColumn is exclusive like LSP's end character, both 1 apart.
              endColumn: d.range.end.character + 1,
            },
          },
        },
      ],
    };
  });
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'clusterset',
            version: TOOL_VERSION,
            semanticVersion: TOOL_VERSION,
            informationUri: INFORMATION_URI,
            rules: metas.map(ruleDescriptor),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(root).href.replace(/\/?$/, '/')}` } },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: report.unreadable.length === 0,
            toolExecutionNotifications: report.unreadable
              .map((u) => ({
                level: 'error',
                message: { text: `Cannot read ${u.file}: ${u.reason}` },
                locations: [{ physicalLocation: { artifactLocation: artifactLocation(u.file, root) } }],
              }))
              .concat(
                (report.omitted ?? []).map((o) => ({
                  level: 'note',
                  message: { text: `${o.file}: ${omittedText(o)}` },
                  locations: [{ physicalLocation: { artifactLocation: artifactLocation(o.file, root) } }],
                })),
              ),
          },
        ],
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
