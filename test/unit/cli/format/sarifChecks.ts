// The constraints of the SARIF 2.1.0 schema (and of GitHub code scanning's upload) that a linter's output can
// break, written as assertions: no network, no schema download.
import assert from 'node:assert/strict';

type Json = Record<string, unknown>;
const LEVELS = ['none', 'note', 'warning', 'error'];

function obj(v: unknown, where: string): Json {
  assert.ok(v !== null && typeof v === 'object' && !Array.isArray(v), `${where} must be an object`);
  return v as Json;
}
function arr(v: unknown, where: string): unknown[] {
  assert.ok(Array.isArray(v), `${where} must be an array`);
  return v;
}
function str(v: unknown, where: string): string {
  assert.ok(typeof v === 'string' && v.length > 0, `${where} must be a non-empty string`);
  return v;
}
function int(v: unknown, min: number, where: string): number {
  assert.ok(Number.isInteger(v) && (v as number) >= min, `${where} must be an integer ≥ ${min}, got ${String(v)}`);
  return v as number;
}
function absoluteUri(v: unknown, where: string): string {
  const s = str(v, where);
  assert.doesNotThrow(() => new URL(s), `${where} must be an absolute URI: ${s}`);
  return s;
}

function checkRule(rule: unknown, where: string): string {
  const r = obj(rule, where);
  const id = str(r.id, `${where}.id`);
  str(r.name, `${where}.name`);
  assert.match(r.name as string, /^[A-Za-z][A-Za-z0-9]*$/, `${where}.name should be identifier-like`);
  str(obj(r.shortDescription, `${where}.shortDescription`).text, `${where}.shortDescription.text`);
  str(obj(r.fullDescription, `${where}.fullDescription`).text, `${where}.fullDescription.text`);
  if (r.helpUri !== undefined) absoluteUri(r.helpUri, `${where}.helpUri`);
  const level = obj(r.defaultConfiguration, `${where}.defaultConfiguration`).level;
  assert.ok(LEVELS.includes(level as string), `${where}.defaultConfiguration.level: ${String(level)}`);
  return id;
}

function checkLocation(location: unknown, baseIds: Json, where: string): void {
  const physical = obj(obj(location, where).physicalLocation, `${where}.physicalLocation`);
  const artifact = obj(physical.artifactLocation, `${where}.artifactLocation`);
  const uri = str(artifact.uri, `${where}.artifactLocation.uri`);
  assert.ok(!uri.includes('\\'), `${where}: URIs use forward slashes: ${uri}`);
  if (artifact.uriBaseId !== undefined) {
    assert.ok(
      Object.hasOwn(baseIds, artifact.uriBaseId as string),
      `${where}: uriBaseId ${String(artifact.uriBaseId)} not in originalUriBaseIds`,
    );
    assert.ok(!uri.startsWith('/') && !/^[a-z]+:/i.test(uri), `${where}: a uri with a uriBaseId must be relative: ${uri}`);
  } else {
    absoluteUri(uri, `${where}.artifactLocation.uri`);
  }
  if (physical.region === undefined) return;
  const region = obj(physical.region, `${where}.region`);
  const startLine = int(region.startLine, 1, `${where}.region.startLine`);
  const startColumn = int(region.startColumn, 1, `${where}.region.startColumn`);
  const endLine = int(region.endLine, startLine, `${where}.region.endLine`);
  int(region.endColumn, endLine === startLine ? startColumn : 1, `${where}.region.endColumn`);
}

/** Throws an AssertionError naming the first violated constraint. Returns the run for further checks. */
export function assertSarif210(log: unknown): Json {
  const root = obj(log, 'log');
  assert.equal(root.version, '2.1.0');
  if (root.$schema !== undefined) absoluteUri(root.$schema, '$schema');
  const runs = arr(root.runs, 'runs');
  assert.equal(runs.length, 1, 'one run per tool invocation');
  const run = obj(runs[0], 'runs[0]');
  const driver = obj(obj(run.tool, 'tool').driver, 'tool.driver');
  str(driver.name, 'driver.name');
  str(driver.version, 'driver.version');
  absoluteUri(driver.informationUri, 'driver.informationUri');
  const ids = arr(driver.rules, 'driver.rules').map((r, i) => checkRule(r, `rules[${i}]`));
  assert.equal(new Set(ids).size, ids.length, 'rule ids are unique');

  const baseIds = obj(run.originalUriBaseIds ?? {}, 'originalUriBaseIds');
  for (const [k, v] of Object.entries(baseIds)) {
    const uri = absoluteUri(obj(v, `originalUriBaseIds.${k}`).uri, `originalUriBaseIds.${k}.uri`);
    assert.ok(uri.endsWith('/'), `originalUriBaseIds.${k}.uri must end with a slash`);
  }
  arr(run.results, 'results').forEach((res, i) => {
    const r = obj(res, `results[${i}]`);
    const ruleId = str(r.ruleId, `results[${i}].ruleId`);
    const ruleIndex = int(r.ruleIndex, 0, `results[${i}].ruleIndex`);
    assert.equal(ids[ruleIndex], ruleId, `results[${i}].ruleIndex points at ${ids[ruleIndex]}, not ${ruleId}`);
    assert.ok(LEVELS.includes(r.level as string), `results[${i}].level: ${String(r.level)}`);
    str(obj(r.message, `results[${i}].message`).text, `results[${i}].message.text`);
    const locations = arr(r.locations, `results[${i}].locations`);
    assert.ok(locations.length >= 1, `results[${i}] needs a location for code scanning`);
    locations.forEach((l, j) => checkLocation(l, baseIds, `results[${i}].locations[${j}]`));
  });
  return run;
}
