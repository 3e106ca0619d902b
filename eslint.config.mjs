// ESLint flat config: typescript-eslint recommended, zero warnings, and the house boundaries between rooms
// (docs/architecture.md): service → itself; server wiring → service/public; clusters → service/public +
// protocol; client → clusters + protocol; cli → service/public + clusters + server/src/workspaceFiles (the one
// workspace walker, shared with the editor), never client. Only client/src imports `vscode`; the pure service
// does no I/O and imports no LSP connection code; the modules the CLI and the client share with the server
// (workspaceFiles.ts, protocol.ts) import no LSP connection code either.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const vscode = { name: 'vscode', message: 'Only client/src may import vscode.' };

/** Import patterns (relative, any depth) that reach into a room's internals. */
const into = (path) => [`**/${path}/**`, `**/${path}`];
const serviceInternals = {
  group: ['**/server/src/service/**', '!**/server/src/service/public'],
  message: 'Other rooms use the language service through server/src/service/public only.',
};
const serviceInternalsFromServer = {
  group: ['./service/**', '!./service/public'],
  message: 'The server wiring uses the language service through ./service/public only.',
};
const clientRoom = { group: into('client/src'), message: 'Only the client imports the client.' };
const serverWiring = {
  group: ['**/server/src/server', '**/server/src/parallelParse', '**/server/src/parseWorker', '**/server/src/warmUp'],
  message: 'The server wiring is not a library: use server/src/service/public or server/src/protocol.',
};
const cliRoom = { group: into('cli/src'), message: 'Nothing imports the CLI.' };
const clustersRoom = { group: into('clusters/src'), message: 'This room may not use the cluster engine.' };
const pureService = {
  group: [
    'vscode-languageserver',
    'vscode-languageserver/*',
    'vscode-languageclient',
    'vscode-languageclient/*',
    'node:fs',
    'node:fs/*',
    'fs',
    'node:child_process',
    'node:net',
    'node:http',
    'node:https',
    '@kubernetes/client-node',
  ],
  message:
    'server/src/service is pure: no LSP connection code, no I/O, no cluster (use vscode-languageserver-types for LSP types).',
};
/** Exact module names (not patterns, so vscode-jsonrpc/lib/common/messages stays allowed). */
const lspConnectionPaths = [
  'vscode-languageserver',
  'vscode-languageserver/node',
  'vscode-languageclient',
  'vscode-languageclient/node',
  'vscode-jsonrpc',
  'vscode-jsonrpc/node',
  'vscode-languageserver-protocol',
].map((name) => ({
  name,
  message:
    'The CLI and the client import this module: no LSP connection code (protocol.ts takes its message classes from vscode-jsonrpc/lib/common/messages).',
}));
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { paths: [vscode], patterns }] });

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'out/**', '.testbed/**', 'test-results/**', '.cache/**', 'testbed/go/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setImmediate: 'readonly',
        performance: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        fetch: 'readonly',
        structuredClone: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'writable',
        NodeJS: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Playwright evaluates these callbacks in the browser.
    files: ['test/e2e/**'],
    languageOptions: { globals: { document: 'readonly', window: 'readonly' } },
  },
  // Tests, benches, scripts and the testbed may reach anything but vscode.
  { files: ['test/**', 'bench/**', 'testbed/**', 'scripts/**'], rules: restrict() },
  { files: ['server/src/*.ts'], rules: restrict(serviceInternalsFromServer, clientRoom, cliRoom, clustersRoom) },
  {
    files: ['server/src/workspaceFiles.ts', 'server/src/protocol.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [vscode, ...lspConnectionPaths], patterns: [serviceInternalsFromServer, clientRoom, cliRoom, clustersRoom] },
      ],
    },
  },
  { files: ['server/src/service/**'], rules: restrict(pureService, clientRoom, cliRoom, clustersRoom, serverWiring) },
  { files: ['clusters/src/**'], rules: restrict(serviceInternals, clientRoom, cliRoom, serverWiring) },
  { files: ['cli/src/**'], rules: restrict(serviceInternals, clientRoom, serverWiring) },
  {
    files: ['client/src/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: into('server/src/service'),
              message: 'The client talks to the language service over LSP (server/src/protocol).',
            },
            serverWiring,
            cliRoom,
          ],
        },
      ],
    },
  },
);
