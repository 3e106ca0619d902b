// SARIF 2.1.0 output of `clusterset lint --format sarif`: schema constraints, rule metadata from ALL_RULES,
// 1-based regions relative to %SRCROOT%, and unreadable files as tool notifications.
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { formatSarif } from '../../../../cli/src/format/sarif';
import { runLint } from '../../../../cli/src/lint';
import { ALL_RULES } from '../../../../server/src/service/rules/allRules';
import { clustersetWorkspace, KEP_GROUP_LINE, sink, TAGGED_EXPORT } from '../fixtures';
import { assertSarif210 } from './sarifChecks';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

test('lint --format sarif is valid SARIF 2.1.0 with every registered rule and exact 1-based regions', async () => {
  const ws = clustersetWorkspace();
  try {
    ws.write('clusters/east/tagged.yaml', TAGGED_EXPORT);
    ws.brokenLink('clusters/east/gone.yaml');
    const out = sink();
    const code = await runLint(['clusters', '--format', 'sarif'], out, sink(), { cwd: ws.root });
    assert.equal(code, 2);
    const run = assertSarif210(JSON.parse(out.text)) as Json;

    const rules = run.tool.driver.rules as Json[];
    for (const r of ALL_RULES) {
      const d = rules.find((x) => x.id === r.id);
      assert.ok(d, `${r.id} missing from tool.driver.rules`);
      assert.equal(d.shortDescription.text, r.title);
      assert.equal(d.helpUri, `https://github.com/clusterset/clusterset/blob/main/docs/rules/${r.id}.md`);
      assert.equal(
        d.defaultConfiguration.level,
        r.severity === 'error' ? 'error' : r.severity === 'warning' ? 'warning' : 'note',
      );
    }
    assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, `${pathToFileURL(ws.root).href}/`);

    const results = run.results as Json[];
    const mcs001 = results.filter((r) => r.ruleId === 'MCS001');
    assert.equal(mcs001.length, 1);
    assert.equal(mcs001[0].level, 'error');
    assert.match(mcs001[0].message.text, /unknown API group\/version/);
    assert.deepEqual(mcs001[0].locations[0].physicalLocation, {
      artifactLocation: { uri: 'clusters/west/payments.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: KEP_GROUP_LINE + 1, startColumn: 13, endLine: KEP_GROUP_LINE + 1, endColumn: 41 },
    });
    const tag = results.find((r) => r.ruleId === 'YAML');
    assert.equal(tag?.level, 'warning');
    assert.deepEqual(tag?.locations[0].physicalLocation.region, { startLine: 6, startColumn: 15, endLine: 6, endColumn: 22 });

    const invocation = run.invocations[0] as Json;
    assert.equal(invocation.executionSuccessful, false);
    assert.match(invocation.toolExecutionNotifications[0].message.text, /Cannot read clusters\/east\/gone\.yaml: no such file/);
  } finally {
    ws.dispose();
  }
});

test('SARIF: paths with spaces are percent-encoded, files outside the root get absolute file URIs, unknown codes get a descriptor', () => {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } };
  const log = JSON.parse(
    formatSarif(
      {
        diagnostics: [
          { file: 'my clusters/a b.yaml', range, severity: 'hint', code: 'MCS001', message: 'm' },
          { file: '../elsewhere/x.yaml', range, severity: 'information', code: 'XYZ999', message: 'm' },
        ],
        unreadable: [],
      },
      '/srv/repo',
    ),
  ) as Json;
  const run = assertSarif210(log) as Json;
  const [inside, outside] = run.results as Json[];
  assert.deepEqual(inside.locations[0].physicalLocation.artifactLocation, {
    uri: 'my%20clusters/a%20b.yaml',
    uriBaseId: '%SRCROOT%',
  });
  assert.equal(inside.level, 'note');
  assert.deepEqual(outside.locations[0].physicalLocation.artifactLocation, { uri: 'file:///srv/elsewhere/x.yaml' });
  assert.equal(run.tool.driver.rules[outside.ruleIndex].id, 'XYZ999');
  assert.equal(run.invocations[0].executionSuccessful, true);
});

test('the SARIF checks reject what code scanning rejects', () => {
  const valid = (): Json =>
    JSON.parse(
      formatSarif(
        {
          diagnostics: [
            {
              file: 'a.yaml',
              range: { start: { line: 1, character: 2 }, end: { line: 1, character: 5 } },
              severity: 'error',
              code: 'MCS001',
              message: 'm',
            },
          ],
          unreadable: [],
        },
        '/srv/repo',
      ),
    );
  assert.doesNotThrow(() => assertSarif210(valid()));
  const broken: Array<[string, (l: Json) => void]> = [
    ['version', (l) => (l.version = '2.0.0')],
    ['ruleIndex', (l) => (l.runs[0].results[0].ruleIndex = 1)],
    ['0-based line', (l) => (l.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0)],
    ['backslash', (l) => (l.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri = 'a\\b.yaml')],
    ['unknown base id', (l) => (l.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uriBaseId = 'NOPE')],
    ['level', (l) => (l.runs[0].results[0].level = 'fatal')],
    ['duplicate rule', (l) => l.runs[0].tool.driver.rules.push(l.runs[0].tool.driver.rules[0])],
  ];
  for (const [what, breakIt] of broken) {
    const l = valid();
    breakIt(l);
    assert.throws(() => assertSarif210(l), assert.AssertionError, what);
  }
});
