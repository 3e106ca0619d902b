// The runbook's public surface (re-exported by clusters/src/index.ts for the client bundle).
export { diagnoseService, parseServiceRef, prepare, type DiagnoseOptions } from './diagnose';
export { runRunbook, type RunbookReport, type RunbookProgress, type CauseReport } from './run';
export { CAUSES, CAUSE_IDS, CAUSE_DOCS_BASE, fixFor, type CauseId } from './causes';
export { formatMarkdownReport } from './report/markdown';
export { formatTextReport } from './report/text';
export { formatJsonReport } from './report/json';
export { summaryLine, isHealthy } from './report/summary';
export { readRunbookClusterSet } from './clusterSetFile';
