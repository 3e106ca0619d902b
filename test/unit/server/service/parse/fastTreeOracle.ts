// The oracle the fast path is tested against: today's plain parse (`yaml` + buildTree), and the one check every
// fast-path test makes: either the fast path declines, or its tree is the plain one and the plain parse found
// no problem at all.
import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { fastAccepts, fastChecks, fastScans, fastTree } from '../../../../../server/src/service/parse/fastTree';
import { YAML_OPTIONS, yamlProblems } from '../../../../../server/src/service/parse/parsedDocument';
import { buildTree, type YNode } from '../../../../../server/src/service/parse/yamlTree';

export function plainTree(text: string): { root: YNode | null; problems: number } {
  const doc = parseDocument(text, YAML_OPTIONS);
  const tree = buildTree(doc.contents, doc);
  return { root: tree.root, problems: yamlProblems(doc).length + tree.problems.length };
}

/** True when the fast path took the document (and then it agreed with the plain parse). */
export function checkAgainstPlain(text: string): boolean {
  const fast = fastTree(text);
  // The syntax-only check takes exactly the documents the tree builder takes.
  assert.equal(fastAccepts(text), fast !== undefined, `fastAccepts and fastTree disagree on ${JSON.stringify(text)}`);
  // The scan (no nodes) decides as the check that builds them, or leaves the document to it.
  assert.equal(fastChecks(text), fast !== undefined, `fastChecks and fastTree disagree on ${JSON.stringify(text)}`);
  const scanned = fastScans(text);
  if (scanned !== undefined)
    assert.equal(scanned, fast !== undefined, `fastScans and fastTree disagree on ${JSON.stringify(text)}`);
  if (fast === undefined) return false;
  const plain = plainTree(text);
  assert.equal(plain.problems, 0, `fast path accepted a document the plain parse reports problems for: ${JSON.stringify(text)}`);
  assert.deepStrictEqual(fast, plain.root, `trees differ for ${JSON.stringify(text)}`);
  return true;
}
