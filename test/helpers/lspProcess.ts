// Stopping a language server process the way an editor does: shutdown, exit, then SIGKILL if it lingers.
// Shared by the LSP tests and the benchmarks' harness.
import type { ChildProcess } from 'node:child_process';
import type { MessageConnection } from 'vscode-jsonrpc/node';

const GRACE_MS = 3000;

export async function stopLanguageServer(conn: MessageConnection, proc: ChildProcess): Promise<void> {
  try {
    // A server stuck in work must not hang the caller: give shutdown a bounded time.
    await Promise.race([conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, GRACE_MS))]);
    conn.sendNotification('exit');
  } catch {
    // already gone
  }
  await new Promise<void>((r) => {
    if (proc.exitCode !== null) return r();
    const t = setTimeout(() => {
      proc.kill('SIGKILL');
      r();
    }, GRACE_MS);
    proc.on('exit', () => {
      clearTimeout(t);
      r();
    });
  });
  conn.dispose();
}
