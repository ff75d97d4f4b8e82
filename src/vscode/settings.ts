// Every setting key in one place, read fresh each time so changes apply without a reload.

import * as vscode from 'vscode';

export const SECTION = 'genesysEventBridge';

export const SettingKey = {
  patternFileGlobs: 'patternFiles.include',
  detectByContent: 'patternFiles.detectByContent',
  maxPatternSize: 'maxPatternSize',
  sampleCheck: 'sampleCheck.enabled',
} as const;

export const DEFAULT_PATTERN_FILE_GLOBS = ['**/*.eventpattern.json', '**/eventpatterns/**/*.json'];

export interface Settings {
  readonly patternFileGlobs: readonly string[];
  readonly detectByContent: boolean;
  readonly maxPatternSize: number;
  readonly sampleCheck: boolean;
}

export function readSettings(scope?: vscode.Uri): Settings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  return {
    patternFileGlobs: config.get<string[]>(SettingKey.patternFileGlobs, DEFAULT_PATTERN_FILE_GLOBS),
    detectByContent: config.get<boolean>(SettingKey.detectByContent, true),
    maxPatternSize: config.get<number>(SettingKey.maxPatternSize, 2048),
    sampleCheck: config.get<boolean>(SettingKey.sampleCheck, true),
  };
}

export function affectsSettings(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(SECTION);
}
