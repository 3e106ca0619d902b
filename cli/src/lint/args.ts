// The options of `clusterset lint` as node:util parseArgs reads them: one table for lint.ts, which checks them,
// and for the dispatcher (main.ts), which only needs the paths to start the reader thread early.
export const LINT_ARG_OPTIONS = {
  format: { type: 'string', default: 'text' },
  implementation: { type: 'string' },
  config: { type: 'string' },
  'crd-version': { type: 'string' },
  'kubernetes-version': { type: 'string' },
  quiet: { type: 'boolean', default: false },
  'max-warnings': { type: 'string' },
  'max-per-file': { type: 'string' },
  jobs: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;
