// The upstream MCS CRDs, as envtest users get them: from the sigs.k8s.io/mcs-api Go module (its
// config/crd/*.yaml, which the module also embeds for Go callers), downloaded through the module proxy
// into the Go module cache. Never a hand-written copy. A throw-away module in a temp folder does the
// download, so testbed/go/ (whose hash keys the binary cache) is never touched.
//
// about-api (ClusterProperty) is not served by the module proxy here (`go mod download
// sigs.k8s.io/about-api@latest` answers 403 "not available"), so ClusterProperty stays on testbed/crds.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const MCS_API_MODULE = 'sigs.k8s.io/mcs-api';
/** The mcs-api release the differential test pins. */
export const MCS_API_VERSION = 'v0.5.0';

interface ModDownload {
  Dir?: string;
  Error?: string;
}

function run(
  cmd: string,
  args: string[],
  cwd: string,
  timeoutMs: number,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((res) => {
    execFile(cmd, args, { cwd, timeout: timeoutMs, env: { ...process.env, GOFLAGS: '-mod=mod' } }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 1) : 0;
      res({ code, stdout, stderr });
    });
  });
}

/**
 * The folder holding `multicluster.x-k8s.io_*.yaml` of mcs-api `version` in the Go module cache,
 * downloading the module first when it is not there. Throws with go's own message when it cannot.
 */
export async function mcsApiCrdDir(version = MCS_API_VERSION, timeoutMs = 180_000): Promise<string> {
  const tmp = mkdtempSync(join(tmpdir(), 'clusterset-mcs-api-'));
  try {
    writeFileSync(join(tmp, 'go.mod'), 'module clusterset.dev/upstreamcrds\n\ngo 1.22\n');
    const r = await run('go', ['mod', 'download', '-json', `${MCS_API_MODULE}@${version}`], tmp, timeoutMs);
    let info: ModDownload = {};
    try {
      info = JSON.parse(r.stdout) as ModDownload;
    } catch {
      // go printed no JSON (e.g. it is not installed); the error below carries stderr.
    }
    if (r.code !== 0 || !info.Dir)
      throw new Error(
        `go mod download ${MCS_API_MODULE}@${version} failed: ${info.Error ?? r.stderr.trim() ?? `exit ${r.code}`}`,
      );
    const dir = join(info.Dir, 'config', 'crd');
    if (!existsSync(join(dir, 'multicluster.x-k8s.io_serviceimports.yaml')))
      throw new Error(`${MCS_API_MODULE}@${version} has no config/crd/multicluster.x-k8s.io_serviceimports.yaml (${dir})`);
    return dir;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
