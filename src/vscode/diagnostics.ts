// Squiggles on pattern files: AWS's rejections as errors at the offending token, and Genesys
// warnings. Refreshed on open, on edit (debounced) and on settings change; cleared on close.

import * as vscode from 'vscode';
import { Finding, lintPattern } from '../genesys/lint';
import { log } from './log';
import { isPatternDocument } from './patternDocuments';
import { lintOptionsFor } from './lintContext';
import { affectsSettings } from './settings';

const EDIT_DEBOUNCE_MS = 250;

const SEVERITY: Record<Finding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export class PatternDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('eventbridge-patterns');
  private readonly pending = new Map<string, NodeJS.Timeout>();
  /** Documents seen as patterns stay patterns while open, even while their JSON is broken. */
  private readonly known = new Set<string>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly patternsChanged = new vscode.EventEmitter<void>();
  /** Fires when a document starts or stops being treated as a pattern. */
  readonly onDidChangePatterns = this.patternsChanged.event;

  constructor() {
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((document) => this.refresh(document)),
      vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsSettings(event)) this.refreshAll();
      }),
    );
    this.refreshAll();
  }

  refreshAll(): void {
    for (const document of vscode.workspace.textDocuments) this.refresh(document);
  }

  private schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        this.refresh(document);
      }, EDIT_DEBOUNCE_MS),
    );
  }

  /** Whether the document is being checked as a pattern. */
  isPattern(document: vscode.TextDocument): boolean {
    return this.known.has(document.uri.toString());
  }

  refresh(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    if (document.isClosed) return;
    if (!this.known.has(key) && !isPatternDocument(document)) {
      this.collection.delete(document.uri);
      return;
    }
    if (!this.known.has(key)) {
      this.known.add(key);
      this.patternsChanged.fire();
    }
    const started = Date.now();
    try {
      const { findings } = lintPattern(document.getText(), lintOptionsFor(document));
      this.collection.set(document.uri, findings.map((finding) => toDiagnostic(document, finding)));
      log().debug(`checked ${document.uri.fsPath}: ${findings.length} finding(s) in ` +
        `${Date.now() - started} ms`);
    } catch (e) {
      // A bug of ours must not take the editor down; say so once in the log.
      log().error(`checking ${document.uri.fsPath} failed`, e);
      this.collection.delete(document.uri);
    }
  }

  private forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.delete(key);
    if (this.known.delete(key)) this.patternsChanged.fire();
    this.collection.delete(document.uri);
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    this.subscriptions.forEach((subscription) => subscription.dispose());
    this.patternsChanged.dispose();
    this.collection.dispose();
  }
}

export function rangeOf(
  document: vscode.TextDocument,
  offset: number,
  length: number,
): vscode.Range {
  const start = document.positionAt(offset);
  return new vscode.Range(start, document.positionAt(offset + Math.max(length, 0)));
}

function toDiagnostic(document: vscode.TextDocument, finding: Finding): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(
    rangeOf(document, finding.offset, finding.length),
    finding.message,
    SEVERITY[finding.severity],
  );
  diagnostic.source = finding.source;
  diagnostic.code = finding.code;
  if (finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map(
      (related) =>
        new vscode.DiagnosticRelatedInformation(
          new vscode.Location(document.uri, rangeOf(document, related.offset, related.length)),
          related.message,
        ),
    );
  }
  return diagnostic;
}
