// Runs one exec credential plugin process under our control, unlike @kubernetes/client-node's ExecAuth
// (which spawns with a piped stdin it never closes, has no timeout and never kills the child, so a plugin
// waiting for an interactive login keeps the CLI and the extension host's child alive forever):
// - stdin is ignored: a plugin can never read our input or wait on it;
// - on POSIX it runs in a process group and session of its own (no controlling terminal, so no prompt on
//   /dev/tty either), and the whole group is killed at the deadline, on cancellation, and when we are done
//   with it — nothing it started outlives the command;
// - stdout and stderr are captured up to a bound; their content is never put into a message unredacted.
import { spawn } from 'node:child_process';

export interface PluginRun {
  /** Exit code, or null when it ended by a signal or was stopped by us. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Why we stopped it, if we did. */
  stopped?: 'deadline' | 'cancelled' | 'output';
  /** The spawn error (ENOENT: not found; EACCES: not executable). */
  spawnError?: NodeJS.ErrnoException;
}

export interface RunOptions {
  env: NodeJS.ProcessEnv;
  /** Aborted at the deadline or by the user; `reason()` says which. */
  signal: AbortSignal;
  reason: () => 'deadline' | 'cancelled';
  maxStdoutBytes?: number;
  maxStderrBytes?: number;
}

const DEFAULT_MAX_STDOUT = 1 << 20;
const DEFAULT_MAX_STDERR = 64 << 10;

/** Kills the plugin and everything in its process group. Never throws (the group may be gone already). */
function killGroup(pid: number | undefined, kill: () => void): void {
  if (pid === undefined) return;
  try {
    if (process.platform === 'win32') kill();
    else process.kill(-pid, 'SIGKILL');
  } catch {
    try {
      kill();
    } catch {
      // Already gone.
    }
  }
}

export function runPlugin(command: string, args: readonly string[], options: RunOptions): Promise<PluginRun> {
  const maxOut = options.maxStdoutBytes ?? DEFAULT_MAX_STDOUT;
  const maxErr = options.maxStderrBytes ?? DEFAULT_MAX_STDERR;
  return new Promise((resolve) => {
    if (options.signal.aborted) {
      resolve({ code: null, signal: null, stdout: '', stderr: '', stopped: options.reason() });
      return;
    }
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(command, [...args], {
        env: options.env,
        stdio: ['ignore', 'pipe', 'pipe'],
        // A process group (and session) of its own on POSIX; on Windows `detached` would open a console.
        detached: process.platform !== 'win32',
        windowsHide: true,
        shell: false,
      });
    } catch (err) {
      resolve({ code: null, signal: null, stdout: '', stderr: '', spawnError: err as NodeJS.ErrnoException });
      return;
    }
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let errBytes = 0;
    let stopped: PluginRun['stopped'];
    let spawnError: NodeJS.ErrnoException | undefined;
    let settled = false;
    const stop = (why: NonNullable<PluginRun['stopped']>) => {
      stopped ??= why;
      killGroup(child.pid, () => child.kill('SIGKILL'));
    };
    const onAbort = () => stop(options.reason());
    options.signal.addEventListener('abort', onAbort, { once: true });
    const finish = (code: number | null, sig: NodeJS.Signals | null) => {
      if (settled) return;
      settled = true;
      options.signal.removeEventListener('abort', onAbort);
      // Whatever the plugin left running in its group (a helper it forked) goes with it.
      killGroup(child.pid, () => undefined);
      resolve({
        code: stopped ? null : code,
        signal: sig,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        ...(stopped ? { stopped } : {}),
        ...(spawnError ? { spawnError } : {}),
      });
    };
    child.stdout?.on('data', (c: Buffer) => {
      outBytes += c.length;
      if (outBytes > maxOut) stop('output');
      else out.push(c);
    });
    child.stderr?.on('data', (c: Buffer) => {
      if (errBytes < maxErr) err.push(c.subarray(0, maxErr - errBytes));
      errBytes += c.length;
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      spawnError = e;
      // A failed spawn emits no 'close' on some platforms.
      if (child.pid === undefined) finish(null, null);
    });
    // 'close' waits for stdout/stderr to end. When the plugin itself has exited but something it started
    // still holds them open, that leftover is killed shortly after, so 'close' follows.
    let grace: NodeJS.Timeout | undefined;
    child.on('exit', () => {
      grace = setTimeout(() => killGroup(child.pid, () => undefined), 250);
    });
    child.on('close', (code, sig) => {
      if (grace) clearTimeout(grace);
      finish(code, sig);
    });
  });
}
