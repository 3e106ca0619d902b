// The rule documentation stays in step with the rules: a page per rule, an index row per rule (and none
// for a rule that does not exist), every rule of the catalogue (sections A–J) implemented, and every page
// citing its upstream source with a link a user can follow (never our internal fact sheet).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { ALL_RULES } from '../../../server/src/service/rules/allRules';
import type { Severity } from '../../../server/src/service/rules/rule';

const REPO = resolve(import.meta.dirname, '../../..');
const RULE_DOCS = join(REPO, 'docs/rules');
const INDEX = join(RULE_DOCS, 'README.md');
/** The shared catalogue lives beside the clone (`../shared/docs`), locally and in CI. */
const CATALOGUE = resolve(REPO, '../shared/docs/mcs-rule-catalogue.md');
/** Catalogue section of a rule: the hundreds digit of its id (MCS0xx → A … MCS9xx → J). */
const SECTION_LETTERS = 'ABCDEFGHIJ';

const SEVERITY_WORD: Record<Severity, string> = {
  error: 'Error',
  warning: 'Warning',
  information: 'Information',
  hint: 'Hint',
};

const implemented = new Map(ALL_RULES.map((r) => [r.id, r]));

interface IndexRow {
  id: string;
  link: string;
  severity: string;
  appliesTo: string;
  title: string;
  /** Letter of the `## X. …` heading the row is under. */
  section: string | undefined;
  line: number;
}

/** Table rows of docs/rules/README.md whose first cell names a rule (`| [MCS101](MCS101.md) | … |`). */
function indexRows(text: string): IndexRow[] {
  const rows: IndexRow[] = [];
  let section: string | undefined;
  text.split('\n').forEach((line, i) => {
    const heading = /^## ([A-Z])\. /.exec(line);
    if (heading) section = heading[1];
    else if (line.startsWith('#')) section = undefined;
    if (!line.startsWith('|')) return;
    const cells = line
      .replace(/^\|/, '')
      .replace(/\|\s*$/, '')
      .split(/(?<!\\)\|/)
      .map((c) => c.trim());
    const first = /^\[(MCS\d{3})\]\(([^)]*)\)$|^(MCS\d{3})$/.exec(cells[0]);
    if (!first) return;
    rows.push({
      id: first[1] ?? first[3],
      link: first[2] ?? '',
      severity: cells[1] ?? '',
      appliesTo: cells[2] ?? '',
      title: (cells[3] ?? '').replace(/\\\|/g, '|'),
      section,
      line: i + 1,
    });
  });
  return rows;
}

/** Ids of the catalogue's summary table, ranges (`MCS201–206`) expanded, plus the stated total if any. */
function catalogueIds(text: string): { ids: string[]; total: number | undefined } {
  const start = text.search(/^## Summary table/m);
  assert.ok(start >= 0, 'the catalogue has no "## Summary table" section');
  const summary = text.slice(start);
  const ids: string[] = [];
  for (const line of summary.split('\n')) {
    const m = /^\|\s*MCS(\d{3})(?:\s*[–-]\s*(?:MCS)?(\d{3}))?\s*\|/.exec(line);
    if (!m) continue;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    assert.ok(to >= from && Math.floor(to / 100) === Math.floor(from / 100), `bad range in: ${line}`);
    for (let n = from; n <= to; n++) ids.push(`MCS${String(n).padStart(3, '0')}`);
  }
  const total = /^Total: (\d+) rules/m.exec(summary);
  return { ids, total: total ? Number(total[1]) : undefined };
}

const indexText = existsSync(INDEX) ? readFileSync(INDEX, 'utf8') : '';

test('every rule id is well-formed and unique', () => {
  for (const r of ALL_RULES) assert.match(r.id, /^MCS\d{3}$/);
  assert.equal(implemented.size, ALL_RULES.length, 'duplicate rule ids in ALL_RULES');
});

for (const rule of ALL_RULES) {
  test(`docs/rules/${rule.id}.md exists and starts with "# ${rule.id} — …"`, () => {
    const page = join(RULE_DOCS, `${rule.id}.md`);
    assert.ok(existsSync(page), `missing ${page} (diagnostics of ${rule.id} link to it)`);
    const first = readFileSync(page, 'utf8').split('\n')[0];
    assert.match(first, new RegExp(`^# ${rule.id} — \\S`), `first line of docs/rules/${rule.id}.md`);
  });
}

/** A Markdown link to an https page that is not this project's own (the mcs-api, a KEP, an implementation's docs or code). */
const UPSTREAM_LINK = /\]\((https:\/\/(?!github\.com\/clusterset\/)[^)\s]+)\)/g;

for (const rule of ALL_RULES) {
  test(`docs/rules/${rule.id}.md cites upstream sources a user can open, not the internal fact sheet`, () => {
    const page = join(RULE_DOCS, `${rule.id}.md`);
    if (!existsSync(page)) return; // reported by the page-exists test above
    const text = readFileSync(page, 'utf8');
    const internal = text.split('\n').findIndex((line) => /\bfacts?\b[^\n]{0,3}§|§\s*\d/i.test(line));
    assert.equal(internal, -1, `line ${internal + 1} cites the internal fact sheet ("facts §N"); cite the upstream source instead`);
    const links = [...text.matchAll(UPSTREAM_LINK)].map((m) => m[1]);
    assert.ok(links.length > 0, `docs/rules/${rule.id}.md has no https link to an upstream source`);
    for (const link of links) {
      // GitHub links name a file, folder, issue or history, not a bare repository search.
      if (link.startsWith('https://github.com/'))
        assert.match(link, /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+(\/(blob|tree|commits)\/[\w.-]+\/\S+|\/issues\/\d+)?$/, link);
    }
  });
}

test('docs/rules/README.md has one row per rule, in its catalogue section, with its severity, kinds and title', () => {
  assert.ok(indexText, `missing ${INDEX}`);
  const rows = indexRows(indexText);
  const seen = new Set<string>();
  for (const row of rows) {
    const rule = implemented.get(row.id);
    assert.ok(rule, `README.md line ${row.line}: row for ${row.id}, which is not a rule in ALL_RULES`);
    assert.ok(!seen.has(row.id), `README.md line ${row.line}: second row for ${row.id}`);
    seen.add(row.id);
    assert.equal(row.link, `${row.id}.md`, `README.md line ${row.line}: ${row.id} must link to its page`);
    assert.equal(row.severity, SEVERITY_WORD[rule.severity], `README.md line ${row.line}: severity of ${row.id}`);
    assert.equal(row.appliesTo, rule.kinds.join(', '), `README.md line ${row.line}: kinds of ${row.id}`);
    assert.equal(row.title, rule.title, `README.md line ${row.line}: title of ${row.id}`);
    assert.equal(row.section, SECTION_LETTERS[Number(row.id[3])], `README.md line ${row.line}: section of ${row.id}`);
  }
  assert.deepEqual(
    ALL_RULES.map((r) => r.id).filter((id) => !seen.has(id)),
    [],
    'rules without a row in docs/rules/README.md',
  );
});

test('docs/rules/README.md documents the three ways to suppress a rule', () => {
  assert.match(indexText, /^## Suppressing a rule$/m);
  assert.match(indexText, /# clusterset-disable-next-line MCS\d{3}/);
  assert.match(indexText, /# clusterset-disable MCS\d{3}/);
  assert.match(indexText, /clusterset\.dev\/disable: "MCS\d{3}(,MCS\d{3})*"/);
});

if (existsSync(CATALOGUE)) {
  test('every rule of the catalogue summary table (sections A–J, MCS001–MCS907) is implemented', () => {
    const { ids, total } = catalogueIds(readFileSync(CATALOGUE, 'utf8'));
    assert.ok(ids.length > 0, 'no rule ids found in the catalogue summary table');
    if (total !== undefined) assert.equal(ids.length, total, 'ids in the summary table vs its "Total: N rules."');
    assert.deepEqual(
      ids.filter((id) => !implemented.has(id)),
      [],
      'catalogue rules missing from ALL_RULES',
    );
  });
} else {
  test('every rule id listed in docs/rules/README.md is implemented (catalogue ../shared/docs/mcs-rule-catalogue.md not found: fell back to the README ids)', () => {
    const ids = indexRows(indexText).map((r) => r.id);
    assert.ok(ids.length > 0, 'no rule ids found in docs/rules/README.md');
    assert.deepEqual(
      ids.filter((id) => !implemented.has(id)),
      [],
      'ids in docs/rules/README.md missing from ALL_RULES',
    );
  });
}
