// Starting code-server with a private profile and the packaged extension: shared by the e2e harness
// (test/e2e/harness.mjs) and `npm start` (scripts/start.mjs). No dependencies beyond Node.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** VS Code settings that keep the workbench quiet, offline and deterministic (no walkthrough, no gallery). */
export const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'editor.hover.delay': 100,
  'clusterset.trace.server': 'messages',
};

export const CODE_SERVER_FLAGS = [
  '--auth',
  'none',
  '--disable-telemetry',
  '--disable-update-check',
  '--disable-workspace-trust',
  '--disable-getting-started-override',
  '--disable-file-downloads',
];

const live = new Set(); // process groups to kill when this process exits, whatever the reason
process.on('exit', () => {
  for (const pid of live) killGroup(pid, 'SIGKILL');
});

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** A timer that does not keep the process alive. */
function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms).unref());
}

export function elapsed(t0) {
  return `${((Date.now() - t0) / 1000).toFixed(1)} s`;
}

/**
 * Profile + extensions dirs under root with the vsix installed and settings.json written (kept when it
 * exists and overwriteSettings is false). XDG_* keep code-server from writing ~/.config/code-server.
 */
export function prepareProfile(codeServer, vsix, root, { settings = {}, overwriteSettings = true } = {}) {
  const dirs = {
    userData: join(root, 'user-data'),
    extensions: join(root, 'extensions'),
    xdgConfig: join(root, 'xdg-config'),
    xdgData: join(root, 'xdg-data'),
  };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  const settingsFile = join(dirs.userData, 'User', 'settings.json');
  if (overwriteSettings || !existsSync(settingsFile)) {
    writeFileSync(settingsFile, JSON.stringify({ ...BASE_SETTINGS, ...settings }, null, 2) + '\n');
  }
  const env = { ...process.env, XDG_CONFIG_HOME: dirs.xdgConfig, XDG_DATA_HOME: dirs.xdgData };
  const r = spawnSync(
    codeServer,
    ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--install-extension', vsix, '--force'],
    { env, encoding: 'utf8', timeout: 120_000 },
  );
  if (r.status !== 0) {
    throw new Error(`code-server --install-extension ${vsix} failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
  }
  return { ...dirs, env };
}

/**
 * Starts code-server in its own process group and resolves with its URL once it listens.
 * Output goes to logFile. bind is host:port (port 0 picks a free one).
 */
export async function startCodeServer({
  codeServer,
  profile,
  folder,
  bind = '127.0.0.1:0',
  logFile,
  env = {},
  timeoutMs = 60_000,
}) {
  const args = [
    '--bind-addr',
    bind,
    ...CODE_SERVER_FLAGS,
    '--user-data-dir',
    profile.userData,
    '--extensions-dir',
    profile.extensions,
    folder,
  ];
  const child = spawn(codeServer, args, { env: { ...profile.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child.pid);
  const exited = new Promise((res) => child.once('exit', (code, signal) => res({ code, signal })));
  let buffered = '';
  const url = await new Promise((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`code-server did not listen within ${timeoutMs / 1000} s`)), timeoutMs);
    const onData = (chunk) => {
      const text = chunk.toString();
      if (logFile) appendFileSync(logFile, text);
      if (buffered.length < 64 * 1024) buffered += text;
      const m = buffered.match(/HTTP server listening on (http:\/\/[^\s/]+\/)/);
      if (m) {
        clearTimeout(timer);
        res(m[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      rej(new Error(`code-server exited early (${signal ?? code}):\n${buffered.slice(-4000)}`));
    });
  });
  return {
    child,
    url,
    /** Resolves with { code, signal } when code-server exits. */
    exited,
    async stop() {
      if (!live.has(child.pid)) return;
      killGroup(child.pid, 'SIGTERM');
      const done = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]);
      // The extension host and the language server are in the same group: make sure none outlives us.
      killGroup(child.pid, 'SIGKILL');
      if (!done) await Promise.race([exited, sleep(2000)]);
      live.delete(child.pid);
    },
  };
}
