// dist/lintWorker.js: loads the lint bundle (dist/cli-lint.js, the same code as the main thread's) through the
// V8 code cache, so the worker's start-up compiles next to nothing, and runs its validation worker.
import { join } from 'node:path';
import { requireWithCodeCache } from '../codeCache';

const lint = requireWithCodeCache(join(__dirname, 'cli-lint.js')) as { runLintWorker(): Promise<void> };
void lint.runLintWorker();
