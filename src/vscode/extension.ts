// Wires the features together and does nothing else.

import * as vscode from 'vscode';
import { PatternDiagnostics } from './diagnostics';
import { generateEvent, GENERATE_EVENT_COMMAND } from './generateEventCommand';
import { createLog } from './log';

export function activate(context: vscode.ExtensionContext): void {
  const log = createLog();
  context.subscriptions.push(
    log,
    new PatternDiagnostics(),
    vscode.commands.registerCommand(GENERATE_EVENT_COMMAND, generateEvent),
  );
  log.info(`activated (VS Code ${vscode.version})`);
}

export function deactivate(): void {}
