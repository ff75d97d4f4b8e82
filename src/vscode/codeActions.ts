// Quick fixes for the findings that carry an unambiguous fix (`voice` → `VOICE`, a concrete id
// → `{id}`, `detail.mediaType` → `detail.eventBody.mediaType`, …). The fix is recomputed from
// the document text, so it can never apply to text that changed since the diagnostic was made.

import * as vscode from 'vscode';
import { Finding, lintPattern } from '../genesys/lint';
import { rangeOf } from './diagnostics';
import { lintOptionsFor } from './lintContext';

export class PatternQuickFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const ours = context.diagnostics.filter(
      (d) => d.source === 'Genesys' || d.source === 'EventBridge',
    );
    if (ours.length === 0) return [];
    const { findings } = lintPattern(document.getText(), lintOptionsFor(document));
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of ours) {
      const finding = findings.find((f) => sameFinding(document, f, diagnostic));
      if (!finding) continue;
      finding.fixes.forEach((fix, index) => {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.isPreferred = index === 0;
        action.edit = new vscode.WorkspaceEdit();
        for (const edit of fix.edits) {
          const range = rangeOf(document, edit.offset, edit.length);
          action.edit.replace(document.uri, range, edit.newText);
        }
        actions.push(action);
      });
    }
    return actions;
  }
}

function sameFinding(
  document: vscode.TextDocument,
  finding: Finding,
  diagnostic: vscode.Diagnostic,
): boolean {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return code === finding.code &&
    rangeOf(document, finding.offset, finding.length).isEqual(diagnostic.range);
}
