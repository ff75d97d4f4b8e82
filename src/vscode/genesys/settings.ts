// The Genesys settings, read fresh each time. The client secret is deliberately not among
// them: it lives in VS Code's secret storage only (credentials.ts).

import * as vscode from 'vscode';
import { isGenesysRegion, type GenesysRegion } from '../../genesys/org/regions';
import type { GenesysGateway } from '../../genesys/org/types';
import { SECTION } from '../settings';

export const GenesysSettingKey = {
  clientId: 'genesys.clientId',
  region: 'genesys.region',
  apiGateway: 'genesys.apiGateway',
} as const;

/** Prefix for ConfigurationChangeEvent.affectsConfiguration. */
export const GENESYS_SETTINGS_SECTION = `${SECTION}.genesys`;

export interface GenesysSettings {
  readonly clientId: string | undefined;
  readonly region: GenesysRegion | undefined;
  readonly gateway: GenesysGateway | undefined;
  /** Settings that are present but unusable, each a sentence. */
  readonly problems: readonly string[];
}

function readGateway(value: unknown, problems: string[]): GenesysGateway | undefined {
  if (value === undefined || value === null) return undefined;
  const key = `${SECTION}.${GenesysSettingKey.apiGateway}`;
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push(`${key} must be an object {host, protocol, port}.`);
    return undefined;
  }
  const { host, protocol, port } = value as Record<string, unknown>;
  if (typeof host !== 'string' || host.trim() === '') {
    problems.push(`${key}.host must be a host name or address.`);
    return undefined;
  }
  if (protocol !== undefined && protocol !== 'http' && protocol !== 'https') {
    problems.push(`${key}.protocol must be "http" or "https".`);
    return undefined;
  }
  if (port !== undefined && (!Number.isInteger(port) || (port as number) < 1 ||
    (port as number) > 65_535)) {
    problems.push(`${key}.port must be a port number (1-65535).`);
    return undefined;
  }
  return {
    host: host.trim(),
    ...(protocol === undefined ? {} : { protocol }),
    ...(port === undefined ? {} : { port: port as number }),
  };
}

export function readGenesysSettings(): GenesysSettings {
  const config = vscode.workspace.getConfiguration(SECTION);
  const problems: string[] = [];
  const clientId = config.get<string>(GenesysSettingKey.clientId, '').trim();
  const region = config.get<string>(GenesysSettingKey.region, '');
  if (region !== '' && !isGenesysRegion(region)) {
    const key = `${SECTION}.${GenesysSettingKey.region}`;
    problems.push(`${key} "${region}" is not a Genesys Cloud region.`);
  }
  return {
    clientId: clientId === '' ? undefined : clientId,
    region: isGenesysRegion(region) ? region : undefined,
    gateway: readGateway(config.get<unknown>(GenesysSettingKey.apiGateway), problems),
    problems,
  };
}

/** Remembers what the user typed or picked, in their user settings (never a workspace). */
export async function rememberSetting(key: string, value: string): Promise<void> {
  await vscode.workspace
    .getConfiguration(SECTION)
    .update(key, value, vscode.ConfigurationTarget.Global);
}
