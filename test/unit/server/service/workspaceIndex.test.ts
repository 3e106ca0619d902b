import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DocumentCache, parseFile } from '../../../../server/src/service/parse/parsedFile';
import { clusterOfUri, WorkspaceIndex } from '../../../../server/src/service/workspaceIndex';
import { diagnosticsOf, serviceWith, uriOf } from '../../../helpers/lint';

const svc = (name: string, port = 80): string =>
  `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: shop}\nspec: {ports: [{port: ${port}}]}\n`;
const exp = (name: string): string =>
  `apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata: {name: ${name}, namespace: shop}\n`;

function indexed(texts: Record<string, string>): { index: WorkspaceIndex; update: (uri: string, text: string) => boolean } {
  const index = new WorkspaceIndex();
  const caches = new Map<string, DocumentCache>();
  const update = (uri: string, text: string): boolean => {
    const cache = caches.get(uri) ?? new DocumentCache();
    caches.set(uri, cache);
    return index.updateFile(parseFile(uri, text, 1, cache));
  };
  for (const [uri, text] of Object.entries(texts)) update(uri, text);
  return { index, update };
}

test('clusterOfUri reads the cluster folder', () => {
  assert.equal(clusterOfUri('file:///w/clusters/east/a.yaml'), 'east');
  assert.equal(clusterOfUri('file:///w/overlays/west/x/a.yaml'), 'west');
  assert.equal(clusterOfUri('file:///w/base/a.yaml'), undefined);
});

test('updateFile reports no change for the same documents and counts objects', () => {
  const { index, update } = indexed({ a: `${svc('web')}---\n${exp('web')}` });
  assert.equal(index.objectCount, 2);
  assert.equal(update('a', `${svc('web')}---\n${exp('web')}`), false);
  assert.equal(update('a', `${svc('web', 81)}---\n${exp('web')}`), true);
  assert.equal(index.objectCount, 2);
  assert.equal(index.find('Service', 'shop', 'web').length, 1);
  assert.equal(index.objectAt('a', 1)?.kind, 'ServiceExport');
  assert.equal(index.removeFile('a'), true);
  assert.equal(index.objectCount, 0);
  assert.equal(index.find('Service', 'shop', 'web').length, 0);
});

test('a tracked computation is stale only when something it read changed', () => {
  const { index, update } = indexed({ a: `${svc('web')}---\n${svc('db')}`, b: exp('web') });
  const { deps } = index.track(() => index.find('Service', 'shop', 'web').length);
  update('a', `${svc('web')}---\n${svc('db', 5432)}`); // another key in the same file
  assert.equal(index.unchangedSince(deps), true);
  update('a', `${svc('web', 8080)}---\n${svc('db', 5432)}`); // the key it read
  assert.equal(index.unchangedSince(deps), false);

  const missing = index.track(() => index.find('Service', 'shop', 'api').length);
  assert.equal(missing.value, 0);
  update('c', svc('api')); // a key that did not exist when it was read
  assert.equal(index.unchangedSince(missing.deps), false);

  const byKind = index.track(() => [...index.ofKind('ServiceExport')].length);
  update('a', `${svc('web', 9090)}---\n${svc('db', 5432)}`);
  assert.equal(index.unchangedSince(byKind.deps), true);
  index.removeFile('b');
  assert.equal(index.unchangedSince(byKind.deps), false);
});

test('nested tracking adds what the inner computation read to the outer one', () => {
  const { index, update } = indexed({ a: svc('web') });
  const outer = index.track(() => index.track(() => index.find('Service', 'shop', 'web')).value.length);
  update('a', svc('web', 81));
  assert.equal(index.unchangedSince(outer.deps), false);
});

test('a memo is computed once per revision, and a hit still records what the computation read', () => {
  const { index, update } = indexed({ a: svc('web'), b: exp('web') });
  let computed = 0;
  const services = () =>
    index.memo('services', 'ServiceExport', 'shop', 'web', () => {
      computed++;
      return index.find('Service', 'shop', 'web').length;
    });
  const first = index.track(services);
  const second = index.track(services); // a hit: not computed again, same dependencies
  assert.equal(computed, 1);
  assert.deepEqual([first.value, second.value], [1, 1]);
  assert.deepEqual([...second.deps.keys], [...first.deps.keys]);
  assert.equal(
    index.memo('services', 'ServiceExport', undefined, 'web', () => -1),
    -1,
    'another key is its own entry',
  );
  update('c', svc('db')); // a new revision, nothing the memo read
  assert.equal(index.unchangedSince(second.deps), true);
  update('a', `${svc('web')}---\n${svc('web', 81)}`);
  assert.equal(index.unchangedSince(second.deps), false, 'an edit of what the hit read makes the caller stale');
  assert.equal(index.track(services).value, 2);
  assert.equal(computed, 2);
});

test('cross-file findings follow edits of the files they read, and only those', () => {
  const s = serviceWith({ 'clusters/east/export.yaml': exp('web'), 'clusters/east/other.yaml': svc('db') });
  assert.equal(diagnosticsOf(s, 'clusters/east/export.yaml', 'MCS101').length, 1);
  s.setFile(uriOf('clusters/east/other.yaml'), `${svc('db')}---\n${svc('web')}`, 2);
  assert.deepEqual(diagnosticsOf(s, 'clusters/east/export.yaml', 'MCS101'), []);
  s.setFile(uriOf('clusters/east/other.yaml'), `${svc('db')}---\n${svc('webx')}`, 3);
  assert.match(diagnosticsOf(s, 'clusters/east/export.yaml', 'MCS101')[0]?.message ?? '', /Did you mean webx/);
  s.removeFile(uriOf('clusters/east/other.yaml'));
  const d = diagnosticsOf(s, 'clusters/east/export.yaml', 'MCS101');
  assert.equal(d.length, 1);
  assert.doesNotMatch(d[0].message, /Did you mean/);
});

test('a document that moves to another index gets its findings recomputed with its new position', () => {
  const s = serviceWith({ 'clusters/east/a.yaml': exp('web') });
  const before = diagnosticsOf(s, 'clusters/east/a.yaml', 'MCS101');
  s.setFile(uriOf('clusters/east/a.yaml'), `${svc('db')}---\n${exp('web')}`, 2);
  const after = diagnosticsOf(s, 'clusters/east/a.yaml', 'MCS101');
  assert.equal(after.length, 1);
  assert.equal(after[0].line, before[0].line + 5);
});
