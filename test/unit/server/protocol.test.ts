// Custom LSP messages are typed once, in server/src/protocol.ts, and both sides use those types: no other
// source spells a `clusterset/…` method or passes a bare method string to sendNotification/onRequest…,
// and every message is used by the server and by the client.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { NotificationType, RequestType } from 'vscode-jsonrpc/lib/common/messages';
import * as protocol from '../../../server/src/protocol';

const REPO = resolve(import.meta.dirname, '../../..');
const PROTOCOL = 'server/src/protocol.ts';

function sources(dir: string): string[] {
  return readdirSync(join(REPO, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => relative(REPO, join(e.parentPath, e.name)));
}

const ALL = ['server/src', 'client/src', 'cli/src', 'clusters/src'].flatMap(sources);
type Message = NotificationType<unknown> | RequestType<unknown, unknown, unknown>;
const messages: Array<[string, Message]> = Object.entries(protocol as Record<string, unknown>).flatMap(([name, value]) =>
  value instanceof NotificationType || value instanceof RequestType ? [[name, value as Message]] : [],
);

test('protocol.ts declares every custom message as a typed NotificationType/RequestType with a unique clusterset/ method', () => {
  assert.ok(messages.length >= 2, 'the status and budget notifications at least');
  const methods = messages.map(([, m]) => m.method);
  for (const [name, m] of messages) {
    assert.match(m.method, /^clusterset\/[a-zA-Z]+$/, name);
    assert.match(name, m instanceof NotificationType ? /Notification$/ : /Request$/, `${name} says what it is`);
  }
  assert.equal(new Set(methods).size, methods.length, `duplicate methods: ${methods.join(', ')}`);
  // Nothing else exported from protocol.ts looks like a method name.
  for (const [name, value] of Object.entries(protocol as Record<string, unknown>))
    if (typeof value === 'string') assert.doesNotMatch(value, /^clusterset\//, `${name} is a bare method string`);
});

test('no source outside protocol.ts spells a clusterset/ method', () => {
  const offenders = ALL.filter((f) => f !== PROTOCOL).flatMap((f) =>
    readFileSync(join(REPO, f), 'utf8')
      .split('\n')
      .flatMap((line, i) => (/['"`]clusterset\/[a-zA-Z]/.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
  );
  assert.deepEqual(offenders, []);
});

test('no bare method string is sent or handled by the server or the client', () => {
  const call = /\.(sendNotification|onNotification|sendRequest|onRequest)\(\s*['"`]/;
  const offenders = ALL.flatMap((f) =>
    readFileSync(join(REPO, f), 'utf8')
      .split('\n')
      .flatMap((line, i) => (call.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
  );
  assert.deepEqual(offenders, []);
});

test('every custom message is used by the server and by the client', () => {
  const server = readFileSync(join(REPO, 'server/src/server.ts'), 'utf8');
  const client = sources('client/src')
    .map((f) => readFileSync(join(REPO, f), 'utf8'))
    .join('\n');
  for (const [name] of messages) {
    assert.match(server, new RegExp(`\\b${name}\\b`), `server.ts does not use ${name}`);
    assert.match(client, new RegExp(`\\b${name}\\b`), `client/src does not use ${name}`);
  }
});
