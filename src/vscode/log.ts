// One log for the whole extension. Its level is VS Code's own ("Developer: Set Log Level…"), so
// there is no setting of ours for it.

import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

export function createLog(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('Genesys EventBridge', { log: true });
  return channel;
}

export function log(): vscode.LogOutputChannel {
  return createLog();
}
