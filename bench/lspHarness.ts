// Drives a language server over stdio exactly as an editor does, for the benchmarks: our dist/server.js and
// yaml-language-server get the same messages. Measures open→diagnostics and edit→diagnostics latencies and
// reads the server's resident memory from /proc.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { stopLanguageServer } from '../test/helpers/lspProcess';

export interface ServerUnderTest {
  name: string;
  command: string;
  args: string[];
  /** Answers to workspace/configuration by section (yaml-language-server pulls `yaml`, `http`, …). */
  configuration?: Record<string, unknown>;
  initializationOptions?: unknown;
}

export interface BenchSession {
  /** Sends didOpen and resolves with the milliseconds until the first diagnostics for `uri`. */
  open(uri: string, text: string): Promise<{ ms: number; count: number }>;
  /** Sends a full-text didChange and resolves with the milliseconds until the next diagnostics for `uri`. */
  change(uri: string, text: string): Promise<{ ms: number; count: number }>;
  /** VmRSS of the server process in MiB. */
  rssMiB(): number;
  close(): Promise<void>;
}

const DIAGNOSTICS_TIMEOUT_MS = 120000;

export async function startBenchServer(server: ServerUnderTest, rootUri: string): Promise<BenchSession> {
  const proc: ChildProcessWithoutNullStreams = spawn(server.command, server.args, { stdio: 'pipe' });
  let stderr = '';
  proc.stderr.on('data', (b: Buffer) => (stderr = (stderr + b.toString()).slice(-4000)));
  const conn: MessageConnection = createMessageConnection(
    new StreamMessageReader(proc.stdout),
    new StreamMessageWriter(proc.stdin),
  );
  let waiter: { uri: string; resolve: (count: number) => void } | undefined;
  conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: unknown[] }) => {
    if (waiter && waiter.uri === p.uri) {
      const w = waiter;
      waiter = undefined;
      w.resolve(p.diagnostics.length);
    }
  });
  conn.onRequest('workspace/configuration', (p: { items: Array<{ section?: string }> }) =>
    p.items.map((i) => (i.section ? (server.configuration?.[i.section] ?? null) : null)),
  );
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onNotification('window/logMessage', () => undefined);
  conn.onNotification('telemetry/event', () => undefined);
  conn.onUnhandledNotification(() => undefined);
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'bench' }],
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
      textDocument: { publishDiagnostics: { relatedInformation: true }, synchronization: { dynamicRegistration: true } },
    },
    initializationOptions: server.initializationOptions,
  });
  conn.sendNotification('initialized', {});
  // yaml-language-server reads its settings when told they changed (it pulls them with workspace/configuration).
  if (server.configuration) conn.sendNotification('workspace/didChangeConfiguration', { settings: server.configuration });

  let version = 1;
  function nextDiagnostics(uri: string, send: () => void): Promise<{ ms: number; count: number }> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(new Error(`${server.name}: no diagnostics for ${uri} within ${DIAGNOSTICS_TIMEOUT_MS} ms; stderr: ${stderr}`)),
        DIAGNOSTICS_TIMEOUT_MS,
      );
      const started = performance.now();
      waiter = {
        uri,
        resolve: (count) => {
          clearTimeout(timer);
          resolve({ ms: performance.now() - started, count });
        },
      };
      send();
    });
  }

  return {
    open: (uri, text) =>
      nextDiagnostics(uri, () =>
        conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: ++version, text } }),
      ),
    change: (uri, text) =>
      nextDiagnostics(uri, () =>
        conn.sendNotification('textDocument/didChange', {
          textDocument: { uri, version: ++version },
          contentChanges: [{ text }],
        }),
      ),
    rssMiB() {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${proc.pid}/status`, 'utf8'));
      return m ? Number(m[1]) / 1024 : NaN;
    },
    close: () => stopLanguageServer(conn, proc),
  };
}
