import assert from 'node:assert/strict';
import { test } from 'node:test';
import { entriesOf, type ReadEntry } from '../../../cli/src/lint/readProtocol';

// A reader batch carries most texts joined in one string; entriesOf gives every file its own text back.
test('entriesOf slices each joined text back and keeps the texts sent alone', () => {
  const file = (path: string, text: string): ReadEntry => ({ kind: 'file', path, uri: `file:///${path}`, text });
  const entries: ReadEntry[] = [
    file('a.yaml', ''),
    { kind: 'unreadable', path: 'fifo', reason: 'not a regular file' },
    file('b.yaml', 'kind: Service\n'),
    file('c.yaml', 'note: “quoted” ✓\n'),
    { kind: 'duplicate', path: 'link.yaml' },
    file('d.yaml', 'kind: ConfigMap\n'),
  ];
  const sent = entries.map((e) => (e.kind === 'file' && !e.path.startsWith('c') ? { ...e, text: '' } : e));
  const got = entriesOf({ kind: 'entries', entries: sent, texts: 'kind: Service\nkind: ConfigMap\n', textEnds: [0, 14, -1, 30] });
  assert.deepEqual(got, entries);
});
