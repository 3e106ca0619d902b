// The live clusterset behind the tree and the status bar: resolves which contexts form the clusterset,
// keeps one inventory watch on them while the view is shown, pauses it when the view has been hidden for
// a while and resumes it when shown again. Nothing reads a kubeconfig or contacts a cluster before the
// view is shown (or the user runs Refresh).
import * as vscode from 'vscode';
import { clusters } from '../clusterModule';
import type { ClustersetSnapshot, McsImplementation, ServiceSummary } from '../../../clusters/src/inventory/snapshot';
import { findClusterSetFile } from '../clusterSetFile';
import { clusterAccessSettings, requireTrust } from '../settings';
import { HiddenPause } from './hiddenPause';
import type { TreeInput } from './rows/treeRows';

/** How long the view may stay hidden before its watches are paused. */
export const PAUSE_AFTER_HIDDEN_MS = 60_000;
export const PICKED_CONTEXTS_KEY = 'clusterset.pickedContexts';

const SOURCE_LABEL: Record<string, string> = {
  'clusterset-file': 'ClusterSet file',
  setting: 'setting clusterset.contexts',
  picked: 'picked contexts',
  all: 'all contexts',
};

interface Watch {
  refresh(): void;
  pause(): void;
  resume(): void;
  stop(): void;
}

export interface Scope {
  members: Array<{ name: string; context: string }>;
  source: string;
  /** The ClusterSet file the members came from, when they did. */
  file?: vscode.Uri;
  implementation: McsImplementation | undefined;
  kubeconfig: string | undefined;
  allowExecAuth: boolean;
}

export class LiveClusterset implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeInput>();
  readonly onDidChange = this.changed.event;
  private input: TreeInput = { kind: 'idle' };
  private watch: Watch | undefined;
  private scope: Scope | undefined;
  private generation = 0;
  private readonly visibility = new HiddenPause(
    { start: () => void this.start(), pause: () => this.watch?.pause(), resume: () => this.watch?.resume() },
    PAUSE_AFTER_HIDDEN_MS,
  );

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.OutputChannel,
  ) {}

  get current(): TreeInput {
    return this.input;
  }

  get currentScope(): Scope | undefined {
    return this.scope;
  }

  private set(input: TreeInput): void {
    this.input = input;
    this.changed.fire(input);
  }

  /** The view was shown or hidden. */
  setVisible(visible: boolean): void {
    this.visibility.setVisible(visible);
  }

  /** Refresh: a new read of every member (and a new scope when the file or settings changed). */
  async refresh(): Promise<void> {
    const before = this.scope;
    const next = await this.resolve();
    if (!this.watch || !next || !sameScope(before, next)) await this.start(next);
    else this.watch.refresh();
  }

  /** The scope may have changed (settings, ClusterSet file): restart only if it did, and only once started. */
  async rescope(): Promise<void> {
    if (!this.visibility.isStarted) return;
    const next = await this.resolve();
    if (!sameScope(this.scope, next)) await this.start(next);
  }

  private async resolve(): Promise<Scope | undefined> {
    if (!requireTrust('read the clusterset', true)) return undefined;
    const s = clusterAccessSettings();
    const c = clusters();
    const list = c.listContexts(s.kubeconfig);
    if (!list.ok) return undefined;
    const file = await findClusterSetFile(false);
    const model = file ? c.readClusterSetText(file.text) : undefined;
    const picked = this.context.workspaceState.get<string[]>(PICKED_CONTEXTS_KEY);
    const scope = c.resolveScope({
      clusterSet: model,
      settingContexts: s.contexts,
      picked,
      kubeconfigContexts: list.contexts.map((x) => x.name),
    });
    const fromFile = scope.source === 'clusterset-file' && file;
    return {
      members: scope.members,
      source: fromFile ? vscode.workspace.asRelativePath(file.uri) : (SOURCE_LABEL[scope.source] ?? scope.source),
      file: fromFile ? file.uri : undefined,
      implementation: implementationOf(
        // The setting's default (generic) must not override what each cluster was detected to run.
        model?.implementation?.value ?? (s.implementation !== 'generic' ? s.implementation : ''),
      ),
      kubeconfig: s.kubeconfig,
      allowExecAuth: s.allowExecAuth,
    };
  }

  private async start(resolved?: Scope): Promise<void> {
    this.visibility.markStarted();
    this.watch?.stop();
    this.watch = undefined;
    const gen = ++this.generation;
    if (!requireTrust('read the clusterset', true)) return this.set({ kind: 'untrusted' });
    const list = clusters().listContexts(clusterAccessSettings().kubeconfig);
    if (!list.ok) return this.set({ kind: 'error', message: list.error });
    const scope = resolved ?? (await this.resolve());
    if (gen !== this.generation) return;
    if (!scope) return this.set({ kind: 'error', message: 'the clusterset could not be resolved' });
    this.scope = scope;
    const base = { kind: 'live' as const, scopeSource: scope.source, members: scope.members };
    this.set(base);
    this.output.appendLine(
      `[${new Date().toISOString()}] clusterset: ${scope.members.map((m) => (m.name === m.context ? m.name : `${m.name} (${m.context})`)).join(', ')} — from ${scope.source}`,
    );
    if (scope.members.length === 0) return;
    const c = clusters();
    const loaded = c.loadKubeConfig(scope.kubeconfig);
    if (!loaded.ok) return this.set({ kind: 'error', message: loaded.error });
    this.watch = c.watchInventory(
      loaded.kc,
      scope.members,
      { allowExec: scope.allowExecAuth },
      (snapshot: ClustersetSnapshot) => {
        if (gen !== this.generation) return;
        let summaries: ServiceSummary[] = [];
        try {
          summaries = c.summarizeServices(snapshot, scope.implementation);
        } catch (err) {
          this.output.appendLine(`clusterset: health summary failed: ${(err as Error).message}`);
        }
        this.set({ ...base, snapshot, summaries });
      },
    );
  }

  dispose(): void {
    this.visibility.cancel();
    this.generation++;
    this.watch?.stop();
    this.watch = undefined;
    this.changed.dispose();
  }
}

const IMPLEMENTATIONS: readonly McsImplementation[] = ['generic', 'cilium', 'submariner', 'gke', 'istio', 'aws'];

/** A known implementation name, else undefined (health then judges each cluster by what was detected). */
function implementationOf(name: string): McsImplementation | undefined {
  return (IMPLEMENTATIONS as readonly string[]).includes(name) ? (name as McsImplementation) : undefined;
}

function sameScope(a: Scope | undefined, b: Scope | undefined): boolean {
  if (!a || !b) return a === b;
  const key = (s: Scope) =>
    JSON.stringify([
      s.members.map((m) => [m.name, m.context]),
      s.implementation ?? '',
      s.kubeconfig ?? '',
      s.source,
      s.allowExecAuth,
    ]);
  return key(a) === key(b);
}
