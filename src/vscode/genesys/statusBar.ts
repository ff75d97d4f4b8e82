// The org name in the status bar while an org is known (signed in, or restored from the cache);
// hidden otherwise, so people who never sign in see nothing of this feature.

import * as vscode from 'vscode';
import { REFRESH_CATALOG_COMMAND } from './commandIds';

export interface StatusBarState {
  readonly visible: boolean;
  readonly text: string;
  readonly tooltip: string;
}

export class GenesysStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'genesysEventBridge.genesysOrg',
    vscode.StatusBarAlignment.Right,
    100,
  );
  private visible = false;

  constructor() {
    this.item.name = 'Genesys Cloud org';
    this.item.command = REFRESH_CATALOG_COMMAND;
  }

  showLive(orgName: string, details: string): void {
    this.show(`$(cloud) ${orgName}`, `Genesys Cloud org ${orgName}\n${details}\nClick to refresh.`);
  }

  showCached(orgName: string, details: string): void {
    this.show(
      `$(cloud) ${orgName} (cached)`,
      `Genesys Cloud org ${orgName}, not signed in this session\n${details}\n` +
        'Click to sign in again and refresh.',
    );
  }

  hide(): void {
    this.visible = false;
    this.item.hide();
  }

  state(): StatusBarState {
    return {
      visible: this.visible,
      text: this.item.text,
      tooltip: typeof this.item.tooltip === 'string' ? this.item.tooltip : '',
    };
  }

  dispose(): void {
    this.item.dispose();
  }

  private show(text: string, tooltip: string): void {
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.visible = true;
    this.item.show();
  }
}
