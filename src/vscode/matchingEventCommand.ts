// "Generate matching event": a schema-valid Genesys event that the pattern in the editor matches
// (a witness), or the reason no event can match. Offered as a CodeLens on pattern files.

import * as vscode from 'vscode';
import { compilePattern } from '../engine';
import { lintPattern } from '../genesys/lint';
import { lintOptionsFor } from './lintContext';
import { log } from './log';
import type { PatternDiagnostics } from './diagnostics';

export const GENERATE_MATCHING_EVENT_COMMAND = 'genesysEventBridge.generateMatchingEvent';

export async function generateMatchingEvent(
  target?: unknown,
): Promise<vscode.TextDocument | undefined> {
  const document =
    target instanceof vscode.Uri
      ? await vscode.workspace.openTextDocument(target)
      : vscode.window.activeTextEditor?.document;
  if (!document) {
    void vscode.window.showInformationMessage('Open an event pattern file first.');
    return undefined;
  }
  const result = lintPattern(document.getText(), lintOptionsFor(document));
  if (!result.pattern) {
    void vscode.window.showWarningMessage('The pattern is not valid yet: see the Problems view.');
    return undefined;
  }
  const satisfiability = result.satisfiability;
  if (!satisfiability) {
    void vscode.window.showInformationMessage(
      'This pattern does not select any Genesys topic (check source and detail-type).',
    );
    return undefined;
  }
  if (!satisfiability.witness) {
    const reason = satisfiability.impossible[0]?.explanation;
    void vscode.window.showWarningMessage(
      reason
        ? `No event Genesys sends can match this pattern: ${reason}`
        : 'Could not build a matching event for this pattern.',
    );
    return undefined;
  }
  const { topic, event } = satisfiability.witness;
  log().info(`built a matching ${topic.template} event for ${document.uri.fsPath}`);
  const witness = await vscode.workspace.openTextDocument({
    language: 'json',
    content: JSON.stringify(event, null, 2) + '\n',
  });
  await vscode.window.showTextDocument(witness, { viewColumn: vscode.ViewColumn.Beside });
  return witness;
}

export class MatchingEventLens implements vscode.CodeLensProvider {
  readonly onDidChangeCodeLenses: vscode.Event<void>;

  constructor(private readonly diagnostics: PatternDiagnostics) {
    this.onDidChangeCodeLenses = diagnostics.onDidChangePatterns;
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!this.diagnostics.isPattern(document)) return [];
    // Only a pattern AWS accepts can have a matching event.
    if (!compilePattern(document.getText(), { maxPatternSize: 4096 }).pattern) return [];
    return [
      new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), {
        title: 'Generate matching event',
        command: GENERATE_MATCHING_EVENT_COMMAND,
        arguments: [document.uri],
      }),
    ];
  }
}
