// The V8 flags of a one-shot lint (cli/src/lint/v8Tuning.ts): set only on the V8 they were measured on, and
// known to it (V8 prints "unrecognized flag" for a name it does not know, and goes on with its default).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { ONE_SHOT_V8_FLAGS, tuneV8ForOneShotLint } from '../../../cli/src/lint/v8Tuning';

test('the flags are set on V8 11 only, each once', () => {
  const set: string[] = [];
  assert.equal(
    tuneV8ForOneShotLint('12.4.254.21-node.33', (f) => set.push(f)),
    false,
  );
  assert.equal(
    tuneV8ForOneShotLint('10.2.154.26-node.36', (f) => set.push(f)),
    false,
  );
  assert.equal(set.length, 0);
  assert.equal(
    tuneV8ForOneShotLint('11.3.244.8-node.38', (f) => set.push(f)),
    true,
  );
  assert.deepEqual(set, ONE_SHOT_V8_FLAGS);
});

test('this V8 knows every flag it is given (a misspelt one is reported on stderr)', () => {
  const stderrOf = (flag: string) =>
    spawnSync(process.execPath, ['-e', `require('node:v8').setFlagsFromString(${JSON.stringify(flag)})`], { encoding: 'utf8' })
      .stderr;
  assert.match(stderrOf('--max-inlined-bytecode-sise=60'), /unrecognized flag/, 'the check can see an unknown flag');
  if (!tuneV8ForOneShotLint(process.versions.v8, () => undefined)) return; // another V8: nothing is set on it
  for (const flag of ONE_SHOT_V8_FLAGS) assert.equal(stderrOf(flag), '', flag);
});
