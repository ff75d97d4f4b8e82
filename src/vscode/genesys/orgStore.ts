// The signed-in org as other features see it: its envelope values (for generated events and
// pattern checks) and its queues and users (for ids in patterns). Read with currentOrg(); it
// changes on sign-in, refresh, sign-out and when a cached catalog is restored at start-up.

import * as vscode from 'vscode';
import type { GenesysOrg } from '../../genesys/envelope';
import type { EventBridgeIntegrationInfo, NamedEntity } from '../../genesys/org/types';

export interface CurrentOrg {
  /** Envelope values; suffix, account and region are the defaults without an integration. */
  readonly org: GenesysOrg;
  readonly name: string;
  /** The integration the envelope values came from; undefined when none could be read. */
  readonly integration: EventBridgeIntegrationInfo | undefined;
  /** Empty until signed in during this session (they are not cached). */
  readonly queues: readonly NamedEntity[];
  readonly users: readonly NamedEntity[];
  /** False when restored from the cache at start-up rather than fetched in this session. */
  readonly live: boolean;
  readonly fetchedAt: number;
}

let current: CurrentOrg | undefined;
const changes = new vscode.EventEmitter<CurrentOrg | undefined>();

export function currentOrg(): CurrentOrg | undefined {
  return current;
}

export const onDidChangeCurrentOrg: vscode.Event<CurrentOrg | undefined> = changes.event;

/** For the Genesys session only; other features read. */
export function setCurrentOrg(next: CurrentOrg | undefined): void {
  current = next;
  changes.fire(next);
}
