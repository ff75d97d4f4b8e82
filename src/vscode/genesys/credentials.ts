// The OAuth client's secret, kept in VS Code's SecretStorage (the OS keychain on desktop) and
// nowhere else: not in settings, state, caches or logs. The client id is stored beside it so a
// secret is never sent with another client's id.

import type * as vscode from 'vscode';
import type { GenesysCredentials } from '../../genesys/org/types';

const SECRET_KEY = 'genesysEventBridge.genesys.clientCredentials';

export class CredentialStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  async read(): Promise<GenesysCredentials | undefined> {
    const stored = await this.secrets.get(SECRET_KEY);
    if (stored === undefined) return undefined;
    try {
      const value = JSON.parse(stored) as Partial<GenesysCredentials>;
      if (typeof value.clientId === 'string' && typeof value.clientSecret === 'string') {
        return { clientId: value.clientId, clientSecret: value.clientSecret };
      }
    } catch {
      // Unreadable: treated as absent, and replaced at the next sign-in.
    }
    return undefined;
  }

  async store(credentials: GenesysCredentials): Promise<void> {
    await this.secrets.store(
      SECRET_KEY,
      JSON.stringify({ clientId: credentials.clientId, clientSecret: credentials.clientSecret }),
    );
  }

  async clear(): Promise<void> {
    await this.secrets.delete(SECRET_KEY);
  }
}
