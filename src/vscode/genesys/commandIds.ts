// Command ids of the Genesys org feature, shared by the registrations and the status bar.

export const SIGN_IN_COMMAND = 'genesysEventBridge.signIn';
export const SIGN_OUT_COMMAND = 'genesysEventBridge.signOut';
export const REFRESH_CATALOG_COMMAND = 'genesysEventBridge.refreshCatalog';
/**
 * Not contributed, so it is absent from the Command Palette: a read-only snapshot of the
 * session (never the secret) for the integration tests and for other extensions.
 */
export const DESCRIBE_SESSION_COMMAND = 'genesysEventBridge.genesys.describeSession';
