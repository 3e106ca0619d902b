// Kubeconfig loading (KUBECONFIG lists or a configured file) and context listing. Never writes the file and
// never returns credentials: only names and server URLs leave this module.
import { KubeConfig } from '@kubernetes/client-node';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

export interface ContextSummary {
  name: string;
  cluster: string;
  server: string;
  user: string;
  namespace?: string;
}

export type ContextList =
  { ok: true; source: string; current?: string; contexts: ContextSummary[] } | { ok: false; error: string };

/** The files a kubeconfig is read from: the explicit path, else $KUBECONFIG's list, else ~/.kube/config. */
export function kubeconfigSources(explicitPath?: string, env: NodeJS.ProcessEnv = process.env): string[] {
  if (explicitPath) return [explicitPath];
  const fromEnv = (env.KUBECONFIG ?? '').split(delimiter).filter(Boolean);
  return fromEnv.length ? fromEnv : [join(homedir(), '.kube', 'config')];
}

export function loadKubeConfig(
  explicitPath?: string,
  env: NodeJS.ProcessEnv = process.env,
): { ok: true; kc: KubeConfig; source: string } | { ok: false; error: string } {
  const sources = kubeconfigSources(explicitPath, env).filter((p) => existsSync(p));
  if (sources.length === 0)
    return { ok: false, error: `no kubeconfig found (looked at ${kubeconfigSources(explicitPath, env).join(', ')})` };
  const kc = new KubeConfig();
  try {
    if (sources.length === 1) kc.loadFromFile(sources[0]);
    else {
      // Same merge order as kubectl: the first file that defines a name wins.
      const merged = new KubeConfig();
      for (const s of sources.slice().reverse()) {
        const one = new KubeConfig();
        one.loadFromFile(s);
        merged.mergeConfig(one, true);
      }
      kc.loadFromString(merged.exportConfig());
    }
  } catch (err) {
    // Messages from the YAML parser can quote file content; keep only the first line.
    return {
      ok: false,
      error: `kubeconfig ${sources.join(delimiter)} could not be read: ${String((err as Error).message ?? err).split('\n')[0]}`,
    };
  }
  return { ok: true, kc, source: sources.join(delimiter) };
}

export function listContexts(explicitPath?: string, env: NodeJS.ProcessEnv = process.env): ContextList {
  const loaded = loadKubeConfig(explicitPath, env);
  if (!loaded.ok) return loaded;
  const { kc } = loaded;
  const contexts = kc.getContexts().map((c) => ({
    name: c.name,
    cluster: c.cluster,
    user: c.user,
    namespace: c.namespace,
    server: kc.getCluster(c.cluster)?.server ?? '(cluster not defined)',
  }));
  return { ok: true, source: loaded.source, current: kc.getCurrentContext() || undefined, contexts };
}

/** Human-readable lines about the kubeconfig, safe to print (no secrets). */
export function describeKubeconfig(explicitPath?: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const r = listContexts(explicitPath, env);
  if (!r.ok) return [`kubeconfig: ${r.error}`];
  const lines = [`kubeconfig: ${r.source}`, `contexts: ${r.contexts.length}${r.current ? ` (current: ${r.current})` : ''}`];
  for (const c of r.contexts) lines.push(`  ${c.name}  →  ${c.server}`);
  return lines;
}
