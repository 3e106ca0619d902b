// ESLint flat config: typescript-eslint recommended, zero warnings, and the house boundaries:
// only the client's wiring imports `vscode`; the pure language service imports no LSP connection code.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noVscode = {
  paths: [{ name: 'vscode', message: 'Only client/src (outside client/src/clusters) may import vscode.' }],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'out/**', '.testbed/**', 'test-results/**', '.cache/**', 'testbed/go/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', performance: 'readonly', URL: 'readonly', Buffer: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly', fetch: 'readonly', structuredClone: 'readonly', __dirname: 'readonly', require: 'readonly', module: 'writable', NodeJS: 'readonly' },
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
  {
    files: ['server/**', 'cli/**', 'client/src/clusters/**', 'test/**', 'bench/**', 'testbed/**', 'scripts/**'],
    rules: { 'no-restricted-imports': ['error', noVscode] },
  },
  {
    files: ['server/src/service/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...noVscode,
          patterns: [{ group: ['vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageclient', 'vscode-languageclient/*', 'node:fs', 'node:fs/*', 'fs', 'node:child_process', 'node:net', 'node:http', 'node:https'], message: 'server/src/service is pure: no LSP connection code and no I/O (use vscode-languageserver-types for LSP types).' }],
        },
      ],
    },
  },
);
