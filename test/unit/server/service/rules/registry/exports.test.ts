import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { diagnosticsOf, serviceWith } from '../../../../../helpers/lint';
import { CONFLICTS_RULES } from '../../../../../../server/src/service/rules/registry/conflicts';
import { EXPORTED_SERVICE_RULES } from '../../../../../../server/src/service/rules/registry/exportedService';
import { EXPORTS_RULES } from '../../../../../../server/src/service/rules/registry/exports';

const EXAMPLES = join(import.meta.dirname, '../../../../../../examples');

function exampleFiles(dir = EXAMPLES, out: Record<string, string> = {}): Record<string, string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) exampleFiles(p, out);
    else if (name.endsWith('.yaml')) out[relative(EXAMPLES, p)] = readFileSync(p, 'utf8');
  }
  return out;
}

test('sections B, C, D register MCS101–108, MCS201–206, MCS301–307 in order', () => {
  assert.deepEqual(
    EXPORTS_RULES.map((r) => r.id),
    ['MCS101', 'MCS102', 'MCS103', 'MCS104', 'MCS105', 'MCS106', 'MCS107', 'MCS108'],
  );
  assert.deepEqual(
    CONFLICTS_RULES.map((r) => r.id),
    ['MCS201', 'MCS202', 'MCS203', 'MCS204', 'MCS205', 'MCS206'],
  );
  assert.deepEqual(
    EXPORTED_SERVICE_RULES.map((r) => r.id),
    ['MCS301', 'MCS302', 'MCS303', 'MCS304', 'MCS305', 'MCS306', 'MCS307'],
  );
  for (const r of [...EXPORTS_RULES, ...CONFLICTS_RULES, ...EXPORTED_SERVICE_RULES]) {
    assert.equal(
      r.crossFile === true,
      !['MCS104', 'MCS105', 'MCS106', 'MCS107', 'MCS305', 'MCS306'].includes(r.id),
      `${r.id} crossFile`,
    );
  }
});

test('the demo workspace: exactly the deliberate export and port mistakes of sections B–D', () => {
  const files = exampleFiles();
  const s = serviceWith(files);
  const ours = (path: string) => diagnosticsOf(s, path).filter((d) => /^MCS[123]\d\d$/.test(d.code));
  const found = Object.keys(files)
    .sort()
    .flatMap((path) => ours(path).map((d) => `${path} ${d.code} ${d.line}:${d.character}`));
  // MCS307 is the hint that the exported web Services have no local-first policy (true: they set none).
  assert.deepEqual(found, [
    'clusters/east/web.yaml MCS202 11:10',
    'clusters/east/web.yaml MCS307 3:8',
    'clusters/west/payments.yaml MCS101 4:8',
    'clusters/west/web.yaml MCS202 12:10',
    'clusters/west/web.yaml MCS307 3:8',
  ]);
  assert.match(ours('clusters/west/payments.yaml')[0].message, /Did you mean payments-api\?/);
});
