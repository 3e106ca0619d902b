// The runner: runbook order, prerequisites skip with why (per cluster and everywhere), a check that hangs
// or throws becomes a skip that says so while the others go on, cancellation, causes aggregated across
// clusters with their fix, and a run that cannot start still answers with a report.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defineCheck, type Check } from '../../../../clusters/src/runbook/check';
import { ALL_CHECKS } from '../../../../clusters/src/runbook/checks/index';
import { CAUSES } from '../../../../clusters/src/runbook/causes';
import { runRunbook } from '../../../../clusters/src/runbook/run';
import { healthySnapshot, MEMBERS } from './fixtures';

const input = { service: { namespace: 'shop', name: 'web' }, members: MEMBERS, snapshot: healthySnapshot() };

const reach = ALL_CHECKS[0] as Check;
const failing = defineCheck({
  id: 'crds',
  title: 'first',
  scope: 'each',
  needs: [],
  run: () => [
    { cluster: 'east', status: 'fail', detail: 'broken in east', causes: ['crds-missing'] },
    { cluster: 'west', status: 'pass', detail: 'fine in west' },
  ],
});
const dependent = defineCheck({
  id: 'controller',
  title: 'second',
  scope: 'each',
  needs: ['crds'],
  run: () => [
    { cluster: 'east', status: 'fail', detail: 'would blame east', causes: ['controller-missing'] },
    { cluster: 'west', status: 'pass', detail: 'west ok' },
  ],
});

test('the registry runs in runbook order with unique ids, reach first and the probe last', () => {
  const ids = ALL_CHECKS.map((c) => c.id);
  assert.equal(new Set(ids).size, ids.length);
  assert.deepEqual(ids, [
    'reach',
    'cidrs',
    'crds',
    'controller',
    'cluster-ids',
    'service',
    'export-status',
    'namespace',
    'import',
    'endpoints',
    'dns',
    'path',
    'probe',
  ]);
  for (const c of ALL_CHECKS)
    for (const n of c.needs) assert.ok(ids.indexOf(n) < ids.indexOf(c.id), `${c.id} needs the later ${n}`);
});

test('a failed prerequisite skips that cluster with why; the other cluster still runs', async () => {
  const r = await runRunbook(input, { checks: [reach, failing, dependent] });
  const second = r.checks.filter((c) => c.id === 'controller');
  assert.equal(second.find((c) => c.cluster === 'east')?.status, 'skip');
  assert.match(second.find((c) => c.cluster === 'east')?.detail ?? '', /skipped: "first" did not pass in east/);
  assert.equal(second.find((c) => c.cluster === 'west')?.status, 'pass');
  assert.deepEqual(
    r.causes.map((c) => [c.id, c.clusters]),
    [['crds-missing', ['east']]],
  );
  assert.match(r.causes[0]?.fix ?? '', /mcs-api/);
  assert.equal(r.healthy, false);
});

test('an unreachable cluster skips every later check for it, and is the only cause named for it', async () => {
  const snap = healthySnapshot();
  snap.clusters[1] = { ...snap.clusters[1]!, reachable: false, fault: { kind: 'timeout', message: 'no answer within 15 s' } };
  const r = await runRunbook({ ...input, snapshot: snap }, { checks: [reach, failing, dependent] });
  assert.deepEqual(
    r.checks.filter((c) => c.cluster === 'west' && c.id !== 'reach').map((c) => c.status),
    ['skip', 'skip'],
  );
  assert.deepEqual(r.causes.find((c) => c.id === 'cluster-unreachable')?.clusters, ['west']);
});

test('a check that hangs is cut at its bound, a check that throws is reported, and the rest continue', async () => {
  const hangs = defineCheck({ id: 'cidrs', title: 'hangs', scope: 'each', needs: [], run: () => new Promise(() => undefined) });
  const throws = defineCheck({
    id: 'crds',
    title: 'throws',
    scope: 'each',
    needs: [],
    run: () => {
      throw new Error('bug in a check');
    },
  });
  const after = defineCheck({
    id: 'dns',
    title: 'after',
    scope: 'each',
    needs: [],
    run: () => [{ cluster: 'east', status: 'pass', detail: 'ran' }],
  });
  const r = await runRunbook(input, { checks: [reach, hangs, throws, after], checkTimeoutMs: 200 });
  assert.match(r.checks.find((c) => c.id === 'cidrs')?.detail ?? '', /did not finish within 0\.2 s/);
  assert.match(r.checks.find((c) => c.id === 'crds')?.detail ?? '', /failed: bug in a check/);
  assert.equal(r.checks.find((c) => c.id === 'dns')?.status, 'pass');
});

test('cancellation skips what is left and the report says it was cancelled', async () => {
  const abort = new AbortController();
  const cancels = defineCheck({
    id: 'cidrs',
    title: 'cancels',
    scope: 'each',
    needs: [],
    run: () => {
      abort.abort();
      return [{ cluster: 'east', status: 'pass', detail: 'x' }];
    },
  });
  const r = await runRunbook(input, { checks: [reach, cancels, failing], signal: abort.signal });
  assert.equal(r.cancelled, true);
  assert.equal(r.healthy, false);
  assert.match(r.checks.find((c) => c.id === 'crds')?.detail ?? '', /cancelled/);
});

test('a snapshot that rejects still gives a report, never a throw', async () => {
  const r = await runRunbook({ ...input, snapshot: Promise.reject(new Error('inventory exploded')) });
  assert.equal(r.healthy, false);
  assert.match(r.checks[0]?.detail ?? '', /inventory exploded/);
});

test('progress reports each check once, in order, with its worst status', async () => {
  const seen: string[] = [];
  await runRunbook(input, {
    checks: [reach, failing, dependent],
    onProgress: (p) => seen.push(`${p.index}:${p.check}:${p.status}`),
  });
  assert.deepEqual(seen, ['0:reach:pass', '1:crds:fail', '2:controller:skip']);
});

test('the whole registry on a healthy snapshot without reads names no cause', async () => {
  const r = await runRunbook(input);
  assert.deepEqual(r.causes, []);
  assert.equal(r.healthy, true);
});

test("a cause found with the same words in several clusters is summarised once, naming them in the runbook's order", async () => {
  const everywhere = defineCheck({
    id: 'crds',
    title: 'first',
    scope: 'each',
    needs: [],
    run: (ctx) =>
      ctx.members.map((m) => ({
        cluster: m.name,
        status: 'fail' as const,
        detail: `no CRDs in ${m.name}`,
        causes: ['crds-missing' as const],
      })),
  });
  const r = await runRunbook(input, { checks: [reach, everywhere] });
  assert.deepEqual(
    r.causes.map((c) => [c.clusters, c.summary]),
    [[['east', 'west'], `${CAUSES['crds-missing'].title}: no CRDs in east and west`]],
  );
});
