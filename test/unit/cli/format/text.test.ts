import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatText, summaryLine } from '../../../../cli/src/format/text';
import type { LintReport } from '../../../../cli/src/format/report';

const report: LintReport = {
  diagnostics: [
    {
      file: 'a.yaml',
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } },
      severity: 'error',
      code: 'MCS001',
      message: 'first line\n  second line',
    },
    {
      file: 'b.yaml',
      range: { start: { line: 9, character: 3 }, end: { line: 9, character: 5 } },
      severity: 'warning',
      code: 'MCS101',
      message: 'w',
    },
  ],
  unreadable: [],
};

test('text: one compiler-style line per diagnostic, 1-based, newlines in messages flattened', () => {
  assert.equal(formatText(report), 'a.yaml:1:1: error MCS001: first line second line\nb.yaml:10:4: warning MCS101: w\n');
});

test('summary: plural forms and warnings hidden by --quiet', () => {
  assert.equal(summaryLine(report, 2, 0), '1 error, 1 warning in 2 files');
  assert.equal(summaryLine({ diagnostics: [], unreadable: [] }, 1, 3), '0 errors, 3 warnings (3 hidden by --quiet) in 1 file');
});
