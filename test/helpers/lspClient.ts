// Test helper: spawns dist/server.js exactly as an editor does (stdio) and speaks LSP to it.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import { stopLanguageServer } from './lspProcess';

interface PublishDiagnosticsParams {
  uri: string;
  diagnostics: Diagnostic[];
}

export interface LspSession {
  conn: MessageConnection;
  proc: ChildProcessWithoutNullStreams;
  /** Resolves with the next diagnostics published for `uri` that satisfy `accept`. */
  diagnostics(uri: string, accept?: (d: Diagnostic[]) => boolean, timeoutMs?: number): Promise<Diagnostic[]>;
  open(uri: string, text: string, version?: number): void;
  change(uri: string, text: string, version: number): void;
  close(): Promise<void>;
}

export const SERVER_JS = resolve(__dirname, '../../dist/server.js');

export async function startServer(
  rootUri: string | null = null,
  initializationOptions: unknown = undefined,
): Promise<LspSession> {
  const proc = spawn(process.execPath, [SERVER_JS, '--stdio'], { stdio: 'pipe' });
  let stderr = '';
  proc.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const latest = new Map<string, Diagnostic[]>();
  const waiters: Array<{ uri: string; accept: (d: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void }> = [];
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    latest.set(p.uri, p.diagnostics);
    for (const w of waiters.slice()) {
      if (w.uri === p.uri && w.accept(p.diagnostics)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p.diagnostics);
      }
    }
  });
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('workspace/configuration', () => []);
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: rootUri ? [{ uri: rootUri, name: 'ws' }] : null,
    capabilities: {
      workspace: { didChangeWatchedFiles: { dynamicRegistration: true } },
      textDocument: { publishDiagnostics: { relatedInformation: true } },
    },
    initializationOptions,
  });
  conn.sendNotification('initialized', {});
  return {
    conn,
    proc,
    diagnostics(uri, accept = () => true, timeoutMs = 10000) {
      return new Promise((res, rej) => {
        // The timer is cleared on success so a long timeout does not keep the test process alive.
        const timer = setTimeout(() => {
          const i = waiters.indexOf(w);
          if (i >= 0) {
            waiters.splice(i, 1);
            rej(
              new Error(
                `no matching diagnostics for ${uri} within ${timeoutMs} ms (last: ${JSON.stringify(latest.get(uri))}; server stderr: ${stderr})`,
              ),
            );
          }
        }, timeoutMs);
        const w = {
          uri,
          accept,
          resolve: (d: Diagnostic[]) => {
            clearTimeout(timer);
            res(d);
          },
        };
        waiters.push(w);
      });
    },
    open(uri, text, version = 1) {
      conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
    },
    change(uri, text, version) {
      conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    },
    close: () => stopLanguageServer(conn, proc),
  };
}
