// The workspace policy shared by the editor and `clusterset lint`: which folders are entered, which files
// are read, and what the ignore globs of a project mean.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  compileIgnore,
  globToRegExp,
  isYamlFileName,
  MAX_WORKSPACE_FILE_BYTES,
  shouldWalk,
  tooLargeReason,
} from '../../../../server/src/service/workspaceFilter';

test('YAML files by extension, any case; not a bare ".yaml"', () => {
  for (const name of ['a.yaml', 'b.yml', 'C.YAML', 'x.clusterset.yaml', '.clusterset.yaml'])
    assert.ok(isYamlFileName(name), name);
  for (const name of ['a.json', 'yaml', 'a.yaml.bak', 'a.yamlx', '.yaml']) assert.equal(isYamlFileName(name), false, name);
});

test('folders: dependencies, build output and dot-folders are skipped at any depth; files need a YAML name', () => {
  for (const dir of ['node_modules', 'a/node_modules', 'vendor', 'dist', 'out', '.git', 'x/.terraform', '.venv'])
    assert.equal(shouldWalk(dir, true), false, dir);
  for (const dir of ['clusters', 'clusters/east', 'overlays/prod', 'output', 'distribution', 'vendors'])
    assert.ok(shouldWalk(dir, true), dir);
  assert.ok(shouldWalk('clusters/east/web.yaml', false));
  assert.equal(shouldWalk('clusters/east/README.md', false), false);
  // Names that are skipped as folders are fine as file names.
  assert.ok(shouldWalk('dist.yaml', false));
});

const ignored = (globs: string[], path: string, isDir = false): boolean => compileIgnore(globs)(path, isDir);

test('ignore globs: a name without a slash matches at any depth; a folder hides what it holds', () => {
  assert.ok(ignored(['generated'], 'generated/a.yaml'));
  assert.ok(ignored(['generated'], 'x/generated/b/c.yaml'));
  assert.ok(ignored(['*.rendered.yaml'], 'a/b/web.rendered.yaml'));
  assert.equal(ignored(['*.rendered.yaml'], 'a/b/web.yaml'), false);
  assert.equal(ignored(['generated'], 'generated-not/a.yaml'), false);
});

test('ignore globs: a slash anchors to the root; ** spans folders; trailing / means folders only', () => {
  assert.ok(ignored(['charts/*/templates'], 'charts/web/templates/svc.yaml'));
  assert.equal(ignored(['charts/*/templates'], 'x/charts/web/templates/svc.yaml'), false);
  assert.ok(ignored(['/tmp'], 'tmp/a.yaml'));
  assert.equal(ignored(['/tmp'], 'a/tmp/a.yaml'), false);
  assert.ok(ignored(['**/samples/**'], 'samples/a.yaml'));
  assert.ok(ignored(['**/samples/**'], 'deep/er/samples/x/a.yaml'));
  assert.ok(ignored(['test/**/fixtures'], 'test/fixtures/a.yaml'));
  assert.ok(ignored(['test/**/fixtures'], 'test/a/b/fixtures/a.yaml'));
  assert.ok(ignored(['build/'], 'build/a.yaml'));
  assert.equal(ignored(['build/'], 'build', false), false, 'a file named build is not a folder');
  assert.ok(ignored(['build/'], 'build', true));
});

test('ignore globs: ?, [...], {a,b}; comments and blank lines do nothing; regex characters are literal', () => {
  assert.ok(ignored(['web-?.yaml'], 'web-1.yaml'));
  assert.equal(ignored(['web-?.yaml'], 'web-10.yaml'), false);
  assert.ok(ignored(['web-[0-9].yaml'], 'web-7.yaml'));
  assert.equal(ignored(['web-[!0-9].yaml'], 'web-7.yaml'), false);
  assert.ok(ignored(['{kind,k3d}-config.yaml'], 'dev/k3d-config.yaml'));
  assert.equal(ignored(['# generated', ''], 'generated/a.yaml'), false);
  assert.equal(ignored(['a+b.yaml'], 'aab.yaml'), false);
  assert.ok(ignored(['a+b.yaml'], 'a+b.yaml'));
  assert.equal(globToRegExp('(x|y).yaml').re.test('x.yaml'), false);
});

test('ignored paths are not walked', () => {
  const ig = compileIgnore(['examples']);
  assert.equal(shouldWalk('examples', true, ig), false);
  assert.equal(shouldWalk('docs/examples/a.yaml', false, ig), false);
  assert.ok(shouldWalk('docs/a.yaml', false, ig));
});

test('the too-large reason names the size and the limit', () => {
  assert.equal(
    tooLargeReason(MAX_WORKSPACE_FILE_BYTES + 3 * 1048576),
    'not read: 19.0 MiB is over the 16.0 MiB limit for workspace YAML files (list it under ignore to silence this)',
  );
});
