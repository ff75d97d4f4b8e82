// Wires the features together and does nothing else.

import * as vscode from 'vscode';
import { PatternQuickFixes } from './codeActions';
import { PatternDiagnostics } from './diagnostics';
import { generateEvent, GENERATE_EVENT_COMMAND } from './generateEventCommand';
import { activateGenesys, currentOrg, onDidChangeCurrentOrg } from './genesys/activate';
import { setOrgProvider } from './lintContext';
import { createLog } from './log';
import {
  generateMatchingEvent,
  GENERATE_MATCHING_EVENT_COMMAND,
  MatchingEventLens,
} from './matchingEventCommand';

const JSON_DOCUMENTS: vscode.DocumentSelector = [{ language: 'json' }, { language: 'jsonc' }];

export function activate(context: vscode.ExtensionContext): void {
  const log = createLog();
  const diagnostics = new PatternDiagnostics();
  context.subscriptions.push(
    log,
    diagnostics,
    vscode.commands.registerCommand(GENERATE_EVENT_COMMAND, generateEvent),
    vscode.commands.registerCommand(GENERATE_MATCHING_EVENT_COMMAND, generateMatchingEvent),
    vscode.languages.registerCodeActionsProvider(JSON_DOCUMENTS, new PatternQuickFixes(), {
      providedCodeActionKinds: PatternQuickFixes.kinds,
    }),
    vscode.languages.registerCodeLensProvider(JSON_DOCUMENTS, new MatchingEventLens(diagnostics)),
  );
  activateGenesys(context);
  // Signing in changes the catalog and the org's source: re-check what is open.
  setOrgProvider(() => currentOrg()?.org);
  context.subscriptions.push(onDidChangeCurrentOrg(() => diagnostics.refreshAll()));
  log.info(`activated (VS Code ${vscode.version})`);
}

export function deactivate(): void {}
