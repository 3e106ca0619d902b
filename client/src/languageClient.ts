// The language client: starts dist/server.js over IPC for YAML documents and passes the settings.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { readSettings } from './settings';

export function startLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
    ],
    initializationOptions: { settings: readSettings() },
    synchronize: { configurationSection: 'clusterset' },
    outputChannelName: 'Clusterset Language Server',
  };
  const client = new LanguageClient('clusterset', 'Clusterset Language Server', serverOptions, clientOptions);
  context.subscriptions.push(client);
  return client;
}
