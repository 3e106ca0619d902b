// Child processes of the testbed. Each runs in its own process group (detached), so stopping it
// also stops anything it forked. Processes of an attached testbed (tests) are killed when this
// Node process exits or gets SIGINT/SIGTERM/SIGHUP; those of a detached one (`testbed up`) outlive it.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export interface Started {
  pid: number;
  /** Resolves with the exit code (or signal) when the process ends. */
  exited: Promise<string>;
  hasExited: () => boolean;
}

export function startProcess(bin: string, args: string[], logFile: string): Started {
  const fd = openSync(logFile, 'a', 0o600);
  const child = spawn(bin, args, { detached: true, stdio: ['ignore', fd, fd], env: { ...process.env } });
  closeSync(fd);
  // unref: an attached testbed is stopped by stop() or the exit handler, not by keeping Node alive.
  child.unref();
  let done = false;
  const exited = new Promise<string>((res) => {
    child.on('error', (e) => {
      done = true;
      res(`spawn error: ${e.message}`);
    });
    child.on('exit', (code, signal) => {
      done = true;
      res(signal ? `signal ${signal}` : `exit code ${code}`);
    });
  });
  if (child.pid === undefined) throw new Error(`could not start ${bin}`);
  return { pid: child.pid, exited, hasExited: () => done };
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A killed process whose parent (here: a Node process that has exited, so PID 1) has not reaped
  // it yet still answers kill(0); it is dead all the same.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\S+ \(.*\) [ZX]/s.test(stat);
  } catch {
    return true;
  }
}

/**
 * True if `pid` is still a process that the testbed in `dir` started: a pid from an old
 * state.json may have been reused by an unrelated process, which must not be killed.
 */
export function isOurs(pid: number, dir: string): boolean {
  if (!isAlive(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dir);
  } catch {
    return false; // no /proc (not Linux): refuse rather than risk killing a stranger
  }
}

function signalGroup(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(-pid, sig);
  } catch {
    try {
      process.kill(pid, sig);
    } catch {
      // already gone
    }
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** SIGTERM the groups, wait up to `graceMs`, then SIGKILL what is left. */
export async function killGroups(pids: number[], graceMs = 5000): Promise<void> {
  for (const p of pids) signalGroup(p, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && pids.some(isAlive)) await sleep(100);
  for (const p of pids) if (isAlive(p)) signalGroup(p, 'SIGKILL');
  const hard = Date.now() + 3000;
  while (Date.now() < hard && pids.some(isAlive)) await sleep(50);
}

// --- attached testbeds: kill on exit -------------------------------------------------------
const attached = new Set<number>();
let handlersInstalled = false;

function killAttachedSync(): void {
  for (const p of attached) signalGroup(p, 'SIGKILL');
  attached.clear();
}

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', killAttachedSync);
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const nums: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };
  for (const sig of signals) {
    const onSignal = () => {
      killAttachedSync();
      // Our listener replaced Node's default (exit); keep that behaviour unless someone else listens.
      if (process.listenerCount(sig) === 1) process.exit(128 + (nums[sig] ?? 1));
    };
    process.on(sig, onSignal);
  }
}

export function attach(pid: number): void {
  installHandlers();
  attached.add(pid);
}

export function detach(pid: number): void {
  attached.delete(pid);
}

/** A free TCP port on 127.0.0.1 (the OS picks it; another process could take it before we bind). */
/** Ports we hand out: below Linux's default ephemeral range (32768–60999), see freePort. */
const PORT_LOW = 20_000;
const PORT_HIGH = 32_000;
const handedOut = new Set<number>();

/** Resolves whether 127.0.0.1:port can be bound right now. */
function canBind(port: number): Promise<boolean> {
  return new Promise((res) => {
    const s = createServer();
    s.unref();
    s.once('error', () => res(false));
    s.listen(port, '127.0.0.1', () => s.close(() => res(true)));
  });
}

/**
 * A port for a server we start a moment later. Not one the kernel picks (`listen(0)` hands out ephemeral
 * ports, which every outgoing connection also draws from: an API server's etcd clients or another test's
 * HTTP client could take it between this check and the server's bind, "address already in use"). So: a
 * random free port below the ephemeral range, never the same one twice in this process.
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = PORT_LOW + Math.floor(Math.random() * (PORT_HIGH - PORT_LOW));
    if (handedOut.has(port)) continue;
    if (await canBind(port)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error(`no free TCP port on 127.0.0.1 between ${PORT_LOW} and ${PORT_HIGH}`);
}
