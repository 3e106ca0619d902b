// npm run testbed -- up [--clusters east,west,central] [--no-crds central] [--storage v1beta1] [--dir PATH]
// npm run testbed -- status | down | build | kubeconfig
import { defaultStateDir } from './src/paths.js';
import { ensureBinaries, readState, startClusterset, status, stopDir } from './src/index.js';

const USAGE = `usage: npm run testbed -- <command> [options]
  up       start the clusterset (stops a previous one in the same folder first)
             --clusters a,b,c     cluster names (default east,west,central)
             --no-crds a,b        clusters without the MCS/about CRDs
             --storage v1alpha1|v1beta1   storage version of the MCS CRDs (default v1alpha1)
  status   show what runs (exit 1 if something is down, 3 if nothing was started)
  down     stop everything and remove the state folder
  build    build (or find) kube-apiserver, etcd and kubectl; --force rebuilds
  kubeconfig  print the kubeconfig path
  common:  --dir PATH   state folder (default .testbed in the repo root)`;

function parse(argv: string[]): { cmd: string; flags: Map<string, string> } {
  const [cmd = 'help', ...rest] = argv;
  const flags = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] ?? '';
    if (!a.startsWith('--')) throw new Error(`unexpected argument "${a}"\n${USAGE}`);
    const eq = a.indexOf('=');
    if (eq > 0) flags.set(a.slice(2, eq), a.slice(eq + 1));
    else if (a === '--force') flags.set('force', 'true');
    else flags.set(a.slice(2), rest[++i] ?? '');
  }
  return { cmd, flags };
}

const list = (v: string | undefined) =>
  v
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;

async function main(): Promise<number> {
  const { cmd, flags } = parse(process.argv.slice(2));
  const dir = flags.get('dir') ?? defaultStateDir;
  switch (cmd) {
    case 'up': {
      const storage = flags.get('storage');
      if (storage && storage !== 'v1alpha1' && storage !== 'v1beta1') throw new Error('--storage must be v1alpha1 or v1beta1');
      const tb = await startClusterset({
        dir,
        detached: true,
        clusters: list(flags.get('clusters')),
        noCrds: list(flags.get('no-crds')),
        mcsStorageVersion: storage as 'v1alpha1' | 'v1beta1' | undefined,
      });
      for (const c of tb.clusters) {
        console.log(
          `${c.name.padEnd(10)} ${c.server}  contexts: ${c.context}, ${c.viewerContext}, ${c.readerContext}${c.crds ? '' : '  (no MCS CRDs)'}`,
        );
      }
      console.log(`\nexport KUBECONFIG=${tb.kubeconfigPath}`);
      console.log(`kubectl: ${tb.binaries.kubectl}`);
      return 0;
    }
    case 'status': {
      const st = await status(dir);
      if (!st) {
        console.log(`no testbed in ${dir}`);
        return 3;
      }
      console.log(`etcd       pid ${st.etcd.pid} ${st.etcd.running ? 'running' : 'NOT RUNNING'}`);
      for (const c of st.clusters) {
        const s = c.ready ? 'ready' : c.running ? 'running, NOT READY' : 'NOT RUNNING';
        console.log(`${c.name.padEnd(10)} pid ${c.pid} ${c.server} ${s}${c.crds ? '' : ' (no MCS CRDs)'}`);
      }
      console.log(`kubeconfig ${st.kubeconfigPath}`);
      return st.etcd.running && st.clusters.every((c) => c.ready) ? 0 : 1;
    }
    case 'down': {
      const had = readState(dir);
      await stopDir(dir);
      console.log(had ? `stopped the testbed in ${dir}` : `no testbed in ${dir}`);
      return 0;
    }
    case 'build': {
      const b = await ensureBinaries({ force: flags.has('force') });
      console.log(`${b.source}: ${b.dir}`);
      return 0;
    }
    case 'kubeconfig': {
      const s = readState(dir);
      if (!s) throw new Error(`no testbed in ${dir}`);
      console.log(s.kubeconfigPath);
      return 0;
    }
    default:
      console.log(USAGE);
      return cmd === 'help' || cmd === '--help' ? 0 : 2;
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`testbed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
