// LSP wiring only: the connection, the open documents, the workspace's YAML files, and handlers that call
// the pure language service. Validation is debounced per document and reports its time budget.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  createConnection,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  ServerStatusNotification,
  ValidationBudgetNotification,
  type ClustersetSettings,
  type ServerStatusParams,
  type ValidationBudgetParams,
} from './protocol';
import { createLanguageService, decodeManifestBytes } from './service/public';
import { ParallelParser } from './parallelParse';
import { warmUp } from './warmUp';
import { findYamlFiles } from './workspaceFiles';

const connection = createConnection(ProposedFeatures.all);
/**
 * Files of this size are parsed on two cores when first opened. Larger ones take the budgeted path (parsed
 * in steps between messages), which keeps the server responsive however big the file is.
 */
const PARALLEL_PARSE_MIN_CHARS = 256 * 1024;
const PARALLEL_PARSE_MAX_CHARS = 4 * 1024 * 1024;
const parallelParser = new ParallelParser();
const opening = new Map<string, Promise<void>>();
/** How long the JIT warm-up took at initialize (reported in the status, so its cost stays visible). */
let warmUpMs = 0;
const documents = new TextDocuments(TextDocument);
/** Parse time per step; documents past it are parsed in later steps, between LSP messages. */
const PARSE_BUDGET_MS = 1500;
const service = createLanguageService({ parseBudgetMs: PARSE_BUDGET_MS });
const pending = new Map<string, NodeJS.Immediate | NodeJS.Timeout>();
/**
 * No fixed debounce: the service re-parses only changed documents and reuses every finding whose inputs did
 * not change, so an edit costs a few milliseconds. `setImmediate` still coalesces a burst of queued changes.
 */
const REVALIDATE_OTHERS_MS = 100;
let workspaceFolders: string[] = [];
let canWatchFiles = false;

connection.onInitialize((params: InitializeParams): InitializeResult => {
  workspaceFolders = (params.workspaceFolders ?? []).map((f) => f.uri);
  const init = params.initializationOptions as { settings?: Partial<ClustersetSettings> } | undefined;
  if (init?.settings) service.updateSettings(init.settings);
  canWatchFiles = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  parallelParser.start();
  // Before answering: the client sends the first file right after, and it should meet compiled code.
  const warmStart = performance.now();
  warmUp(service);
  warmUpMs = performance.now() - warmStart;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      completionProvider: { triggerCharacters: [':', ' ', '.'] },
      codeActionProvider: { codeActionKinds: ['quickfix'] },
    },
    serverInfo: { name: 'clusterset-language-server', version: '0.1.0' },
  };
});

connection.onInitialized(async () => {
  if (canWatchFiles) {
    await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml}' }] });
  }
  await indexWorkspace();
});

/** Reads the workspace's YAML files once, so cross-file rules know objects in files that are not open. */
async function indexWorkspace(): Promise<void> {
  for (const folder of workspaceFolders) {
    if (!folder.startsWith('file:')) continue;
    for (const uri of await findYamlFiles(fileURLToPath(folder))) {
      if (documents.get(uri)) continue;
      await indexFromDisk(uri);
    }
  }
  revalidateOpen();
}

async function indexFromDisk(uri: string): Promise<boolean> {
  try {
    // Decoded as kubectl decodes files (UTF-16 with a BOM, UTF-8 BOM dropped), so the index holds what it applies.
    const { text } = decodeManifestBytes(await readFile(fileURLToPath(uri)));
    // Opened (or being opened) meanwhile: the editor's text wins.
    if (documents.get(uri) || opening.has(uri)) return false;
    if (worthParallelParse(uri, text)) {
      let release = (): void => undefined;
      opening.set(uri, new Promise<void>((r) => (release = r)));
      try {
        await parallelParser.prefetch(service, uri, text);
      } finally {
        opening.delete(uri);
        release();
      }
      const open = documents.get(uri);
      if (open) {
        // Opened while its documents were parsed: they are cached, so the open costs little now.
        applyText(open);
        return false;
      }
    }
    return service.setFile(uri, text);
  } catch {
    // Unreadable or vanished: the index just does not know it.
    return service.removeFile(uri);
  }
}

function publish(uri: string): void {
  const result = service.validate(uri);
  void connection.sendDiagnostics({ uri, diagnostics: result.diagnostics });
  if (result.timedOut) {
    const params: ValidationBudgetParams = {
      uri,
      elapsedMs: Math.round(result.elapsedMs),
      budgetMs: service.settings().validationTimeBudgetMs,
    };
    void connection.sendNotification(ValidationBudgetNotification, params);
  }
  if (service.deferredCount(uri) > 0) {
    // A huge file: parse the next slice after whatever messages are waiting, then publish again.
    setImmediate(() => {
      if (!documents.get(uri)) return;
      if (service.continueParsing(uri)) revalidateOpen(uri);
      schedule(uri);
    });
  }
  const status: ServerStatusParams = {
    indexedFiles: service.index.fileCount,
    mcsObjects: service.index.objectCount,
    lastValidationMs: result.elapsedMs,
    parallelParse: parallelParser.available,
    warmUpMs,
  };
  void connection.sendNotification(ServerStatusNotification, status);
}

function schedule(uri: string, delay = 0): void {
  const t = pending.get(uri);
  if (t) {
    clearTimeout(t as NodeJS.Timeout);
    clearImmediate(t as NodeJS.Immediate);
  }
  const run = (): void => {
    pending.delete(uri);
    if (documents.get(uri)) publish(uri);
  };
  pending.set(uri, delay > 0 ? setTimeout(run, delay) : setImmediate(run));
}

/** Other open files whose cross-file findings may have changed: later, so the edited file is answered first. */
function revalidateOpen(except?: string): void {
  for (const d of documents.all()) if (d.uri !== except) schedule(d.uri, REVALIDATE_OTHERS_MS);
}

function applyText(doc: TextDocument): void {
  const indexChanged = service.setFile(doc.uri, doc.getText(), doc.version);
  schedule(doc.uri);
  // Another open file's cross-file findings may depend on what this file declares.
  if (indexChanged) revalidateOpen(doc.uri);
}

function worthParallelParse(uri: string, text: string): boolean {
  return !service.hasFile(uri) && text.length >= PARALLEL_PARSE_MIN_CHARS && text.length <= PARALLEL_PARSE_MAX_CHARS;
}

function onText(doc: TextDocument): void {
  const uri = doc.uri;
  // While a large file's first parse runs on both cores, later changes wait: it applies the latest text.
  if (opening.has(uri)) return;
  if (worthParallelParse(uri, doc.getText())) {
    const done = parallelParser
      .prefetch(service, uri, doc.getText())
      .catch(() => undefined)
      .finally(() => {
        opening.delete(uri);
        const latest = documents.get(uri);
        if (latest) applyText(latest);
      });
    opening.set(uri, done);
    return;
  }
  applyText(doc);
}

documents.onDidOpen((e) => onText(e.document));
documents.onDidChangeContent((e) => onText(e.document));
documents.onDidClose(async (e) => {
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  // The file stays in the index with its content on disk.
  if (await indexFromDisk(e.document.uri)) revalidateOpen();
});

connection.onDidChangeWatchedFiles(async (params) => {
  let changed = false;
  for (const c of params.changes) {
    if (documents.get(c.uri)) continue; // the editor's text wins over the disk
    changed = (c.type === FileChangeType.Deleted ? service.removeFile(c.uri) : await indexFromDisk(c.uri)) || changed;
  }
  if (changed) revalidateOpen();
});

connection.onDidChangeConfiguration((params) => {
  const s = (params.settings as { clusterset?: Partial<ClustersetSettings> } | undefined)?.clusterset;
  if (s) {
    service.updateSettings(s);
    revalidateOpen();
  }
});

connection.onHover((p) => service.hover(p.textDocument.uri, p.position));
connection.onCompletion((p) => service.completion(p.textDocument.uri, p.position));
connection.onCodeAction((p) => service.codeActions(p.textDocument.uri, p.range, p.context.diagnostics));

connection.onShutdown(() => parallelParser.stop());

documents.listen(connection);
connection.listen();
