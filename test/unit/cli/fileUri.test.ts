import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { fileUri } from '../../../cli/src/lint/readEntries';

// The reader thread's file URIs skip the URL parse for plain paths: they must be exactly pathToFileURL's.
test('fileUri gives pathToFileURL’s href for plain and odd paths alike', () => {
  const names = ['a.yaml', 'a-b_c.d.yml', '..x', 'x..', 'x y.yaml', '%41.yaml', '#a', 'é.yaml', 'a?b', '~a', 'a+b', 'a@b'];
  names.push('[a]', 'a:b', 'a\\b', '`a', '{a}', '|a', '^a', '"a', '<a>', 'a,b;c=d', "a!$&'()*", 'A-Z_0-9', '.hidden');
  for (const dir of ['/tmp/gitops/apps/x/base', '/', '/a b', '/~', '/a/./b/../c', '//a']) {
    for (const name of names) {
      const absolute = resolve(dir, name);
      assert.equal(fileUri(absolute), pathToFileURL(absolute).href, absolute);
    }
  }
});
