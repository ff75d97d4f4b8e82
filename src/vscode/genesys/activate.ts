// The live-org feature: sign in to a Genesys Cloud org, use its topics as the catalog, show it
// in the status bar, sign out. Registered from extension.ts with a single call.

import * as vscode from 'vscode';
import { CatalogFiles } from './catalogFiles';
import {
  DESCRIBE_SESSION_COMMAND,
  REFRESH_CATALOG_COMMAND,
  SIGN_IN_COMMAND,
  SIGN_OUT_COMMAND,
} from './commandIds';
import { CredentialStore } from './credentials';
import { GenesysSession } from './session';
import { GenesysStatusBar } from './statusBar';

export { currentOrg, onDidChangeCurrentOrg, type CurrentOrg } from './orgStore';

export function activateGenesys(context: vscode.ExtensionContext): void {
  const statusBar = new GenesysStatusBar();
  const session = new GenesysSession(
    context,
    statusBar,
    new CredentialStore(context.secrets),
    new CatalogFiles(context.globalStorageUri),
  );
  context.subscriptions.push(
    statusBar,
    session,
    vscode.commands.registerCommand(SIGN_IN_COMMAND, (argument?: unknown) =>
      session.signIn(argument),
    ),
    vscode.commands.registerCommand(SIGN_OUT_COMMAND, () => session.signOut()),
    vscode.commands.registerCommand(REFRESH_CATALOG_COMMAND, () => session.refreshCatalog()),
    vscode.commands.registerCommand(DESCRIBE_SESSION_COMMAND, () => session.describe()),
  );
  // The org's topics from the last session, without signing in and without the SDK.
  void session.restoreFromCache();
}
