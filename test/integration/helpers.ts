// Shared by the integration suites: opening fixture files the way a user does, waiting for the
// extension's asynchronous results, and describing diagnostics in failure messages.
import * as assert from 'assert';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'genesys-eventbridge-tools.genesys-eventbridge-patterns';

export function workspaceFile(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test run must open the fixture workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

/** Polls `probe` until it returns a value other than undefined, or fails after `ms`. */
export async function waitFor<T>(what: string, probe: () => T | undefined, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

export function describeDiagnostics(uri: vscode.Uri): string {
  const list = vscode.languages.getDiagnostics(uri).map((d) => ({
    source: d.source,
    code: codeOf(d),
    severity: vscode.DiagnosticSeverity[d.severity],
    message: d.message,
    range: `${d.range.start.line}:${d.range.start.character}-`
      + `${d.range.end.line}:${d.range.end.character}`,
  }));
  return JSON.stringify(list, null, 2);
}

/**
 * Opens a workspace file in an editor the way the Explorer does. Deliberately not
 * workspace.openTextDocument: a document an extension opened that way is kept alive by the
 * workbench for minutes after its editor closes, so "closing clears diagnostics" could not be
 * observed.
 */
export async function open(relative: string): Promise<vscode.TextEditor> {
  const uri = workspaceFile(relative);
  await vscode.commands.executeCommand('vscode.open', uri, { preview: false });
  return waitFor(`an editor for ${relative}`, () => vscode.window.visibleTextEditors
    .find((e) => e.document.uri.toString() === uri.toString()));
}

/** Closes every editor without saving anything (dirty documents are reverted first). */
export async function closeAllWithoutSaving(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (!doc.isDirty) continue;
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
