// The `clusterset` command: the language service and the cluster logic, headless.
// Each command is imported when it runs: the build (scripts/build.mjs) turns these imports into requires of
// per-command bundles, so `lint` never loads the cluster engine or @kubernetes/client-node, compiled from a V8
// code cache (codeCache.ts).
import { CLUSTERSET_VERSION } from '../../server/src/protocol';
import { writeCodeCaches } from './codeCache';
import { readAheadForArgs } from './lint/readAhead';
import { tuneV8ForOneShotLint } from './lint/v8Tuning';

const USAGE = `Usage: clusterset <command> [options]

Commands:
  lint [paths…] [--format text|json|sarif] [--implementation X] [--config F] [--quiet] [--max-warnings N]
                                                                   validate MCS YAML (exit 1 on errors)
  cidr [--kubeconfig F] [--context C …] [--format text|json|yaml] [--timeout S]
                                                                   read Pod/Service CIDRs from the clusters
  generate <serviceimport|wiring|traffic-policy|networkpolicy> [paths…] [--service NS/NAME] [--version V] [-o FILE]
                                                                   derived ServiceImport, join/install runbook, policies
  doctor --service NS/NAME [--context C …] [--clusterset F] [--probe] [--format text|markdown|json]
                                                                   debug one service across the clusterset
  status [--kubeconfig F] [--context C …] [--clusterset FILE] [--format text|json] [--timeout S]
                                                                   live exports, imports and their health
  help                                                             show this help

Run 'clusterset <command> --help' for the options of a command.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'lint': {
      // Before the lint bundle is compiled: the flags apply to every optimising compile of the run.
      tuneV8ForOneShotLint();
      // The walk starts on the reader thread now, while the lint bundle loads.
      const readAhead = readAheadForArgs(rest, process.cwd());
      return (await import('./lint')).runLint(rest, process.stdout, process.stderr, readAhead ? { readAhead } : {});
    }
    case 'cidr':
      return (await import('./cidr')).runCidr(rest, process.stdout, process.stderr);
    case 'generate':
      // The same flags as lint: both run the lint bundle, and V8 rejects a code cache written under other flags.
      tuneV8ForOneShotLint();
      return (await import('./generate')).runGenerate(rest, process.stdout, process.stderr);
    case 'doctor':
      return (await import('./doctor')).runDoctor(rest, process.stdout, process.stderr);
    case 'status':
      return (await import('./status')).runStatus(rest, process.stdout, process.stderr);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    case '--version':
      process.stdout.write(`clusterset ${CLUSTERSET_VERSION}\n`);
      return 0;
    default:
      process.stderr.write(`clusterset: unknown command '${command}'\n${USAGE}\n`);
      return 2;
  }
}

const argv = process.argv.slice(2);
main(argv).then(
  (code) => {
    process.exitCode = code;
    // After a real run, so the cache holds what the command compiled (a --help run compiles next to nothing).
    if (!argv.includes('--help') && !argv.includes('-h')) writeCodeCaches();
    // Nothing we started may keep the command alive once its answer is out (exec plugins are killed at their
    // deadline; this also covers a socket of an OIDC token refresh that outlived its request).
    process.stdout.write('', () => process.exit(code));
  },
  (err: unknown) => {
    process.stderr.write(`clusterset: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
