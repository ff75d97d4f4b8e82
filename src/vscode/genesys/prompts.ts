// The three questions of an interactive sign-in: client id, region, secret. Each resolves to
// undefined when the user dismisses it.

import * as vscode from 'vscode';
import {
  GENESYS_REGION_HOSTS,
  GENESYS_REGIONS,
  type GenesysRegion,
} from '../../genesys/org/regions';

const TITLE = 'Sign in to Genesys Cloud';

export async function promptClientId(): Promise<string | undefined> {
  const value = await vscode.window.showInputBox({
    title: TITLE,
    prompt: 'Client id of an OAuth client that uses the Client Credentials grant',
    placeHolder: 'e.g. 0a1b2c3d-…',
    ignoreFocusOut: true,
    validateInput: (text) => (text.trim() === '' ? 'A client id is required.' : undefined),
  });
  return value?.trim() || undefined;
}

export async function pickRegion(): Promise<GenesysRegion | undefined> {
  const picked = await vscode.window.showQuickPick(
    GENESYS_REGIONS.map((region) => ({
      label: region,
      description: GENESYS_REGION_HOSTS[region],
    })),
    { title: TITLE, placeHolder: 'Region of your Genesys Cloud org', ignoreFocusOut: true },
  );
  return picked?.label as GenesysRegion | undefined;
}

/**
 * The secret, typed into a password box. An empty answer means "the stored one" when there is a
 * stored secret for this client id; `''` is returned for that case.
 */
export async function promptClientSecret(
  clientId: string,
  hasStoredSecret: boolean,
): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: TITLE,
    prompt: hasStoredSecret
      ? `Client secret of ${clientId} (leave empty to use the stored one)`
      : `Client secret of ${clientId} (kept in VS Code's secret storage only)`,
    password: true,
    ignoreFocusOut: true,
    validateInput: (text) =>
      text === '' && !hasStoredSecret ? 'A client secret is required.' : undefined,
  });
}
