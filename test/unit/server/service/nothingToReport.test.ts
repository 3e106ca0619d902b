// Files with nothing to report share one frozen empty result (no objects per file in a 10,000-file lint); a
// file that changes from nothing to something, and back, must still get its own findings each time.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLanguageService } from '../../../../server/src/service/public';
import { NOTHING_TO_REPORT } from '../../../../server/src/service/validate';

const PLAIN = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  retries: "4"\n';
const BROKEN = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n  name: again\n';
const EXPORT = 'apiVersion: multicluster.x-k8s.io/v1alpha1\nkind: ServiceExport\nmetadata:\n  name: missing\n  namespace: shop\n';

for (const trackDependencies of [true, false]) {
  test(`files with nothing to report share the frozen empty result (trackDependencies ${trackDependencies})`, () => {
    const service = createLanguageService({ syntaxErrors: 'all', trackDependencies });
    service.setFile('file:///w/a.yaml', PLAIN);
    service.setFile('file:///w/b.yaml', PLAIN.replace('app', 'other'));
    const a = service.validate('file:///w/a.yaml');
    assert.equal(a, NOTHING_TO_REPORT);
    assert.equal(service.validate('file:///w/b.yaml'), a);
    assert.equal(service.validate('file:///w/unknown.yaml'), a);
    assert.deepEqual({ ...a }, { diagnostics: [], findings: [], elapsedMs: 0, timedOut: false });
    // A caller adding to it would change every file's result: it throws instead.
    assert.throws(() => a.diagnostics.push({ range: zero(), message: 'x' }));
    assert.throws(() => a.findings.push(a.findings[0]));
    assert.throws(() => Object.assign(a, { timedOut: true }));
  });

  test(`a file that gains a finding and loses it again is validated afresh each time (trackDependencies ${trackDependencies})`, () => {
    const service = createLanguageService({ syntaxErrors: 'all', trackDependencies });
    const uri = 'file:///w/a.yaml';
    service.setFile(uri, PLAIN);
    assert.equal(service.validate(uri), NOTHING_TO_REPORT);
    service.setFile(uri, BROKEN);
    const broken = service.validate(uri);
    assert.notEqual(broken, NOTHING_TO_REPORT);
    assert.ok(
      broken.diagnostics.some((d) => d.code === 'YAML'),
      JSON.stringify(broken.diagnostics),
    );
    service.setFile(uri, EXPORT);
    assert.ok(service.validate(uri).diagnostics.length > 0, 'an export of a Service nobody defines');
    service.setFile(uri, PLAIN);
    assert.equal(service.validate(uri), NOTHING_TO_REPORT);
    assert.equal(NOTHING_TO_REPORT.diagnostics.length, 0);
  });
}

function zero() {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}
