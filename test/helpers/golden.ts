// Golden files: compare with the stored text; `UPDATE_GOLDEN=1` rewrites them (review the diff before committing).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function assertGolden(path: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  assert.ok(existsSync(path), `missing golden file ${path} (run with UPDATE_GOLDEN=1 and review it)`);
  assert.equal(actual, readFileSync(path, 'utf8'), `output differs from ${path}`);
}
