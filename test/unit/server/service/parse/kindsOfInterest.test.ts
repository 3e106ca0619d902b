// The parser keeps exactly what the rules need: the kinds rules declare and the kinds they read from the index.
// A rule that names (or looks up) a kind the parser skips would silently never fire: these tests fail first.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { kindsOfInterest, parseDocumentText } from '../../../../../server/src/service/parse/parsedDocument';
import { MISNAMED_KIND } from '../../../../../server/src/service/parse/kindSuggestion';
import { ALL_RULES } from '../../../../../server/src/service/rules/allRules';

const SERVICE = resolve(import.meta.dirname, '../../../../../server/src/service');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

test('every kind a rule declares is parsed (a minimal document of it is not skipped)', () => {
  for (const rule of ALL_RULES) {
    for (const kind of rule.kinds) {
      if (kind === MISNAMED_KIND) continue;
      const d = parseDocumentText(`apiVersion: v1\nkind: ${kind}\nmetadata: {name: x}\n`);
      assert.equal(d.skipped, false, `${rule.id} declares ${kind}, which the parser skips`);
    }
  }
});

test('every kind the service reads from the index by name (ofKind/find) is a kind of interest', () => {
  const read = new Map<string, string>();
  for (const file of sources(SERVICE)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\b(?:ofKind|find)\(\s*['"]([A-Z][A-Za-z0-9]*)['"]/g)) read.set(m[1], file);
  }
  assert.ok(read.size >= 5, `found only ${[...read.keys()].join(', ')}: the scan no longer matches the index API`);
  for (const [kind, file] of read)
    assert.ok(kindsOfInterest().has(kind), `${file} reads ${kind} from the index, but the parser skips it`);
});

test('the parser keeps nothing no rule needs (the set is derived, not a second list)', () => {
  const declared = new Set(ALL_RULES.flatMap((r) => r.kinds));
  for (const kind of kindsOfInterest()) {
    const readSomewhere = sources(SERVICE).some((f) =>
      new RegExp(`\\b(?:ofKind|find)\\(\\s*['"]${kind}['"]`).test(readFileSync(f, 'utf8')),
    );
    assert.ok(declared.has(kind) || readSomewhere, `${kind} is kept but no rule declares or reads it`);
  }
});
