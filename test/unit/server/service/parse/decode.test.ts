// Manifest bytes decoded as kubectl decodes them (cli-runtime FileVisitor: BOMOverride over a UTF-8 decoder).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeManifestBytes } from '../../../../../server/src/service/parse/decode';

const TEXT = 'apiVersion: v1\nkind: Service\nmetadata: {name: café}\n';

function utf16(text: string, bigEndian: boolean, bom = true): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  if (bigEndian) for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  const mark = bigEndian ? [0xfe, 0xff] : [0xff, 0xfe];
  return new Uint8Array(Buffer.concat([Buffer.from(bom ? mark : []), le]));
}

test('UTF-16 LE with a BOM (PowerShell 5 `>`) decodes to the text, BOM dropped', () => {
  assert.deepEqual(decodeManifestBytes(utf16(TEXT, false)), { text: TEXT, encoding: 'utf-16le' });
});

test('UTF-16 BE with a BOM decodes to the text', () => {
  assert.deepEqual(decodeManifestBytes(utf16(TEXT, true)), { text: TEXT, encoding: 'utf-16be' });
});

test('UTF-8 with and without a BOM; the BOM is not content', () => {
  assert.deepEqual(decodeManifestBytes(new Uint8Array(Buffer.from(TEXT))), { text: TEXT, encoding: 'utf-8' });
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]);
  assert.deepEqual(decodeManifestBytes(new Uint8Array(bom)), { text: TEXT, encoding: 'utf-8-bom' });
});

test('UTF-16 without a BOM is read as UTF-8 (as kubectl does) and named as the likely cause', () => {
  const d = decodeManifestBytes(utf16(TEXT, false, false));
  assert.equal(d.encoding, 'utf-8');
  assert.match(d.problem ?? '', /UTF-16 without a byte-order mark/);
});

test('invalid UTF-8 bytes become U+FFFD, with a problem; a U+FFFD written in the file is no problem', () => {
  const latin1 = Buffer.from('metadata: {name: caf\xe9}\n', 'latin1');
  const d = decodeManifestBytes(new Uint8Array(latin1));
  assert.equal(d.text, 'metadata: {name: caf\ufffd}\n');
  assert.match(d.problem ?? '', /not valid UTF-8/);
  assert.equal(decodeManifestBytes(new Uint8Array(Buffer.from('a: \ufffd\n'))).problem, undefined);
});

test('an odd byte count after a UTF-16 BOM is reported, and decoding does not throw', () => {
  const odd = new Uint8Array([...utf16('a: b\n', false), 0x41]);
  const d = decodeManifestBytes(odd);
  assert.ok(d.text.startsWith('a: b\n'));
  assert.match(d.problem ?? '', /odd number of bytes/);
});

test('empty and one-byte inputs', () => {
  assert.deepEqual(decodeManifestBytes(new Uint8Array()), { text: '', encoding: 'utf-8' });
  assert.deepEqual(decodeManifestBytes(new Uint8Array([0xff])).encoding, 'utf-8');
});

test('files decoded one after another decode as each alone (the shared decoder keeps nothing between them)', () => {
  const files = [
    Buffer.from([0x61, 0x3a, 0x20, 0xe2, 0x82]), // ends inside a UTF-8 sequence
    Buffer.from('kind: Service\n'),
    Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('a: é\n')]),
    Buffer.from([0xc3]),
    Buffer.from('b: ü\n'),
  ];
  const alone = files.map((f) =>
    new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(f[0] === 0xef ? f.subarray(3) : f),
  );
  assert.deepEqual(
    files.map((f) => decodeManifestBytes(f).text),
    alone,
  );
  assert.equal(decodeManifestBytes(Buffer.from('kind: Service\n')).text, 'kind: Service\n');
});
