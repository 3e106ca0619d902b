// The peers, installed at bench time into a cache folder outside the repository: yaml-language-server from npm
// and kubeconform from the Go module proxy.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const YAML_LS_VERSION = '1.25.0';
export const KUBECONFORM_VERSION = 'v0.8.0';
export const CACHE = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'clusterset-bench');

export function yamlLanguageServer(): string {
  const bin = join(CACHE, 'node_modules/yaml-language-server/bin/yaml-language-server');
  const pkg = join(CACHE, 'node_modules/yaml-language-server/package.json');
  if (
    !existsSync(bin) ||
    !existsSync(pkg) ||
    !execFileSync(process.execPath, ['-p', `require(${JSON.stringify(pkg)}).version`], { encoding: 'utf8' }).includes(
      YAML_LS_VERSION,
    )
  ) {
    mkdirSync(CACHE, { recursive: true });
    console.error(`installing yaml-language-server@${YAML_LS_VERSION} into ${CACHE} …`);
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefix', CACHE, `yaml-language-server@${YAML_LS_VERSION}`], {
      stdio: 'inherit',
    });
  }
  return bin;
}

/**
 * A preload that sets yaml-language-server's validation delay to 0. It has no setting for it: the delay is
 * `this.validationDelayMs = 200` in SettingsState's constructor (out/server/src/yamlSettings.js), so a
 * prototype accessor turns that assignment into 0.
 */
export function noDebouncePreload(): string {
  const path = join(CACHE, 'yaml-ls-no-debounce.cjs');
  const settings = join(CACHE, 'node_modules/yaml-language-server/out/server/src/yamlSettings.js');
  writeFileSync(
    path,
    `const { SettingsState } = require(${JSON.stringify(settings)});
Object.defineProperty(SettingsState.prototype, 'validationDelayMs', { get: () => 0, set: () => undefined, configurable: true });
`,
  );
  return path;
}

export function kubeconform(): string {
  const bin = join(CACHE, 'bin/kubeconform');
  if (!existsSync(bin)) {
    console.error(`building kubeconform ${KUBECONFORM_VERSION} into ${join(CACHE, 'bin')} …`);
    execFileSync('go', ['install', `github.com/yannh/kubeconform/cmd/kubeconform@${KUBECONFORM_VERSION}`], {
      stdio: 'inherit',
      env: { ...process.env, GOBIN: join(CACHE, 'bin') },
    });
  }
  return bin;
}
