// The tree's reads start only when the view is first shown, rest once it has been hidden for a while,
// and pick up again when it is shown.
import assert from 'node:assert/strict';
import { mock, test } from 'node:test';
import { HiddenPause } from '../../../../client/src/views/hiddenPause';

function setup(delayMs = 60_000) {
  const calls: string[] = [];
  const p = new HiddenPause(
    { start: () => calls.push('start'), pause: () => calls.push('pause'), resume: () => calls.push('resume') },
    delayMs,
  );
  return { p, calls };
}

test('nothing happens before the view is shown; hiding a never-shown view starts nothing', () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    const { p, calls } = setup();
    p.setVisible(false);
    mock.timers.tick(120_000);
    assert.deepEqual(calls, []);
    p.setVisible(true);
    p.setVisible(true);
    assert.deepEqual(calls, ['start']);
  } finally {
    mock.timers.reset();
  }
});

test('paused only after being hidden for the whole delay; shown again resumes', () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    const { p, calls } = setup(60_000);
    p.setVisible(true);
    p.setVisible(false);
    mock.timers.tick(59_999);
    assert.deepEqual(calls, ['start']);
    // Shown again in time: the pending pause is cancelled.
    p.setVisible(true);
    mock.timers.tick(120_000);
    assert.deepEqual(calls, ['start']);
    p.setVisible(false);
    mock.timers.tick(60_000);
    assert.deepEqual(calls, ['start', 'pause']);
    p.setVisible(false);
    mock.timers.tick(60_000);
    assert.deepEqual(calls, ['start', 'pause'], 'a paused view is not paused twice');
    p.setVisible(true);
    assert.deepEqual(calls, ['start', 'pause', 'resume']);
  } finally {
    mock.timers.reset();
  }
});

test('a start from elsewhere (Refresh) counts: showing the view then resumes rather than starting twice', () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    const { p, calls } = setup(1000);
    p.markStarted();
    p.setVisible(true);
    assert.deepEqual(calls, []);
    p.setVisible(false);
    p.cancel();
    mock.timers.tick(5000);
    assert.deepEqual(calls, [], 'cancel drops the pending pause');
  } finally {
    mock.timers.reset();
  }
});
