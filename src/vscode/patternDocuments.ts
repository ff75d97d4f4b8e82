// Which open documents are event patterns: the configured globs, or (optionally) JSON whose top
// level reads as a pattern.

import * as vscode from 'vscode';
import { looksLikePattern, parseJson } from '../engine';
import { readSettings } from './settings';

const JSON_LANGUAGES = new Set(['json', 'jsonc']);

export function isPatternDocument(document: vscode.TextDocument): boolean {
  if (document.uri.scheme === 'output' || document.uri.scheme === 'vscode-settings') return false;
  const settings = readSettings(document.uri);
  const byName = settings.patternFileGlobs.some(
    (pattern) => vscode.languages.match({ pattern }, document) > 0,
  );
  if (byName) return true;
  if (!settings.detectByContent || !JSON_LANGUAGES.has(document.languageId)) return false;
  // Large JSON files are data, not patterns (AWS caps patterns at 4096 characters).
  if (document.getText().length > 64 * 1024) return false;
  const parsed = parseJson(document.getText());
  return parsed.ok && looksLikePattern(parsed.root);
}
