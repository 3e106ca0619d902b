// The cause pages stay in step with the code: a page per cause id (titled like CAUSES), with symptom,
// evidence, fix and commands; an index row per cause and none for an id that does not exist; the three
// causes users meet most start with an "In a hurry" section; and every cause id is named by some check.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { CAUSE_IDS, CAUSES } from '../../../clusters/src/runbook/causes';

const REPO = resolve(import.meta.dirname, '../../..');
const DOCS = join(REPO, 'docs/causes');
const CHECKS = join(REPO, 'clusters/src/runbook/checks');
const TOP_THREE = ['cidr-overlap', 'controller-missing', 'dns-not-configured'];

for (const id of CAUSE_IDS) {
  test(`docs/causes/${id}.md has the title, symptom, evidence, fix and commands`, () => {
    const file = join(DOCS, `${id}.md`);
    assert.ok(existsSync(file), `missing ${file} (reports link to it)`);
    const text = readFileSync(file, 'utf8');
    assert.equal(text.split('\n')[0], `# ${id} — ${CAUSES[id].title}`);
    for (const h of ['## Symptom', '## Evidence the runbook reads', '## Fix', '## Check by hand']) assert.match(text, new RegExp(`^${h}$`, 'm'), `${id}: ${h}`);
    assert.match(text, /```sh\n(.+\n)+```/, `${id}: commands block`);
    assert.match(text, /\*\*Any implementation\*\*/, `${id}: a fix for any implementation`);
    if (TOP_THREE.includes(id)) {
      const hurry = /## In a hurry\n\n((\d+\. .+\n)+)/.exec(text);
      assert.ok(hurry, `${id}: "In a hurry" steps`);
      assert.ok((hurry[1] ?? '').split('\n').filter(Boolean).length >= 4, `${id}: at least four steps`);
      assert.ok(text.indexOf('## In a hurry') < text.indexOf('## Symptom'), `${id}: the hurried steps come first`);
    }
  });
}

test('docs/causes/README.md lists every cause once, with its title, and nothing else', () => {
  const rows = readFileSync(join(DOCS, 'README.md'), 'utf8')
    .split('\n')
    .map((l) => /^\| \[([a-z-]+)\]\(([a-z-]+)\.md\) \| (.+?) \|/.exec(l))
    .filter((m): m is RegExpExecArray => !!m);
  assert.deepEqual(rows.map((r) => r[1]), [...CAUSE_IDS]);
  for (const r of rows) {
    assert.equal(r[2], r[1]);
    assert.equal(r[3], CAUSES[r[1] as keyof typeof CAUSES].title);
  }
  const pages = readdirSync(DOCS).filter((f) => f !== 'README.md').map((f) => f.replace(/\.md$/, ''));
  assert.deepEqual(pages.sort(), [...CAUSE_IDS].sort(), 'pages without a cause id (or the reverse)');
});

test('every cause id is named by at least one check (no cause only on paper)', () => {
  const sources = readdirSync(CHECKS).map((f) => readFileSync(join(CHECKS, f), 'utf8')).join('\n');
  const unnamed = CAUSE_IDS.filter((id) => !sources.includes(`'${id}'`));
  assert.deepEqual(unnamed, []);
});
