// The first half of `clusterset lint`: the project config, the language service and the walked, read and parsed
// workspace. The main thread and the validation worker (validateWorker.ts) both run exactly this, so each holds
// the whole workspace and its complete cross-file index; a digest of what was read tells them apart if the
// files changed between their two walks.
import { createHash } from 'node:crypto';
import { access, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Implementation } from '../../../server/src/protocol';
import {
  createLanguageService,
  PROJECT_CONFIG_FILE,
  type LanguageService,
  type LanguageServiceOptions,
  type RuleCrash,
} from '../../../server/src/service/public';
import { reasonOf } from '../../../server/src/workspaceFiles';
import type { LintReport } from '../format/report';
import { loadWorkspace, readWorkspace, type LoadedWorkspace } from '../workspace';

export interface LoadOptions {
  cwd: string;
  implementation?: Implementation;
  config?: string;
  crdVersion?: string;
  kubernetesVersion?: string;
  ignore?: readonly string[];
}

export interface LoadedLint extends LoadedWorkspace {
  service: LanguageService;
  /** Rule crashes, in the order validation met them. */
  crashes: RuleCrash[];
  configProblems: LintReport['unreadable'];
  /** sha1 of every uri and text set, in walk order (the project config first). */
  digest: string;
}

/**
 * The project config to use: `--config FILE` (an error when unreadable), else `.clusterset.yaml` in `cwd`
 * when it exists. Returns the path as shown and its text.
 */
async function loadConfig(
  configPath: string | undefined,
  cwd: string,
  unreadable: LintReport['unreadable'],
): Promise<{ file: string; text: string } | undefined> {
  const file = configPath ?? PROJECT_CONFIG_FILE;
  if (configPath === undefined) {
    try {
      await access(resolve(cwd, file));
    } catch {
      return undefined;
    }
  }
  try {
    return { file, text: await readFile(resolve(cwd, file), 'utf8') };
  } catch (err) {
    unreadable.push({ file, reason: reasonOf(err) });
    return undefined;
  }
}

/**
 * Loads `paths` into a new language service. `plain`: the plain path (the async walk, `yaml` for every
 * document). `onRead` sees the characters read so far after each file (the main thread starts its worker once
 * the input is large enough).
 */
export async function loadLint(
  paths: readonly string[],
  options: LoadOptions,
  plain: boolean,
  onRead?: (charsSoFar: number) => void,
): Promise<LoadedLint> {
  const { cwd } = options;
  const parseOptions: Partial<LanguageServiceOptions> = plain ? { fastParse: false } : {};
  const crashes: RuleCrash[] = [];
  const configProblems: LintReport['unreadable'] = [];
  const config = await loadConfig(options.config, cwd, configProblems);
  const configUri = config ? pathToFileURL(resolve(cwd, config.file)).href : undefined;
  const settings = {
    ...(options.implementation
      ? { implementation: options.implementation, implementationSource: 'the --implementation flag' }
      : {}),
    // A flag outranks the project config, which outranks the (absent) editor setting: the source says so.
    ...(options.crdVersion ? { crdVersion: options.crdVersion, crdVersionSource: 'the --crd-version flag' } : {}),
    ...(options.kubernetesVersion
      ? { kubernetesVersion: options.kubernetesVersion, kubernetesVersionSource: 'the --kubernetes-version flag' }
      : {}),
  };
  const service = createLanguageService({
    ...parseOptions,
    settings,
    projectConfigUri: configUri,
    roots: [pathToFileURL(cwd).href],
    // Every document's syntax errors: in CI no other YAML checker runs beside this one.
    syntaxErrors: 'all',
    onRuleCrash: (c) => crashes.push(c),
  });
  const hash = createHash('sha1');
  const set = (uri: string, text: string): void => {
    service.setFile(uri, text);
    hash.update(uri).update('\0').update(text).update('\0');
  };
  if (config && configUri) {
    // First, so its ignore globs and cluster mapping apply to every file; its own problems are reported too.
    set(configUri, config.text);
  }
  const loaded = new Map(config && configUri ? [[configUri, config.file]] : []);
  const walk = { cwd, ignore: options.ignore, loaded };
  let workspace: LoadedWorkspace;
  if (plain) workspace = await loadWorkspace(service, paths, walk);
  else {
    let chars = 0;
    workspace = readWorkspace(service, paths, walk, (f) => {
      set(f.uri, f.text);
      chars += f.text.length;
      onRead?.(chars);
    });
  }
  return { ...workspace, service, crashes, configProblems, digest: hash.digest('hex') };
}
