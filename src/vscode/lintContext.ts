// The options every lint of an open document uses: settings plus, once signed in, the org.

import * as vscode from 'vscode';
import type { GenesysOrg } from '../genesys/envelope';
import type { LintOptions } from '../genesys/lint';
import { readSettings } from './settings';

let orgProvider: () => GenesysOrg | undefined = () => undefined;

/** The live-org feature registers where the signed-in org can be read. */
export function setOrgProvider(provider: () => GenesysOrg | undefined): void {
  orgProvider = provider;
}

export function lintOptionsFor(document: vscode.TextDocument): LintOptions {
  const settings = readSettings(document.uri);
  const org = orgProvider();
  return {
    maxPatternSize: settings.maxPatternSize,
    sampleCheck: settings.sampleCheck,
    ...(org ? { org } : {}),
  };
}
