// The generator commands: ask the language server (which holds the workspace model) to generate, then open the
// result beside the source as an untitled document the user can save. Errors are shown as they are, never as
// half a document.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExportedServicesRequest, GenerateRequest, type GeneratorId } from '../../../server/src/protocol';

interface GeneratorCommand {
  command: string;
  generator: GeneratorId;
  perService: boolean;
}

export const GENERATOR_COMMANDS: readonly GeneratorCommand[] = [
  { command: 'clusterset.previewDerivedImport', generator: 'serviceimport', perService: true },
  { command: 'clusterset.generateWiring', generator: 'wiring', perService: false },
  { command: 'clusterset.generateTrafficPolicy', generator: 'traffic-policy', perService: true },
  { command: 'clusterset.generateNetworkPolicy', generator: 'networkpolicy', perService: true },
];

async function pickService(client: LanguageClient, given: unknown): Promise<string | undefined> {
  if (typeof given === 'string' && given.includes('/')) return given;
  const services = await client.sendRequest(ExportedServicesRequest, {});
  if (!services.length) {
    void vscode.window.showWarningMessage('Clusterset: the workspace has no ServiceExport to generate for.');
    return undefined;
  }
  return vscode.window.showQuickPick(services, { placeHolder: 'Exported service (namespace/name)' });
}

async function run(client: LanguageClient, c: GeneratorCommand, arg: unknown): Promise<void> {
  const service = c.perService ? await pickService(client, arg) : undefined;
  if (c.perService && !service) return;
  const result = await client.sendRequest(GenerateRequest, { generator: c.generator, service });
  if (!result.ok) {
    void vscode.window.showErrorMessage(`Clusterset: ${result.error}`);
    return;
  }
  const doc = await vscode.workspace.openTextDocument({ language: result.language, content: result.text });
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  for (const w of result.warnings) void vscode.window.showWarningMessage(`Clusterset: ${w}`);
}

export function registerGenerateCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  const [preview, wiring, traffic, netpol] = GENERATOR_COMMANDS;
  context.subscriptions.push(
    vscode.commands.registerCommand('clusterset.previewDerivedImport', (arg: unknown) => run(client, preview, arg)),
    vscode.commands.registerCommand('clusterset.generateWiring', (arg: unknown) => run(client, wiring, arg)),
    vscode.commands.registerCommand('clusterset.generateTrafficPolicy', (arg: unknown) => run(client, traffic, arg)),
    vscode.commands.registerCommand('clusterset.generateNetworkPolicy', (arg: unknown) => run(client, netpol, arg)),
  );
}
