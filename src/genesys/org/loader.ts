// Loads the SDK-backed client (dist/genesys-sdk.js) on first use. The require is computed at
// run time, so esbuild leaves the file out of the extension bundle and VS Code starts without
// paying for the SDK (~2 MB of JavaScript, ~100 ms to load) until someone signs in.

import type * as SdkEntry from './sdk';

export type GenesysSdkEntry = typeof SdkEntry;

let loaded: GenesysSdkEntry | undefined;
let loadMs: number | undefined;

/** True once the SDK bundle has been required in this process. */
export function isSdkLoaded(): boolean {
  return loaded !== undefined;
}

/** How long the first require took, for the log; undefined while not loaded. */
export function sdkLoadMilliseconds(): number | undefined {
  return loadMs;
}

/** Requires the SDK bundle at `bundlePath` once and returns its exports. */
export function loadGenesysSdk(bundlePath: string): GenesysSdkEntry {
  if (loaded === undefined) {
    const started = performance.now();
    // A variable, not a literal: bundlers must not follow this require.
    const modulePath = bundlePath;
    loaded = require(modulePath) as GenesysSdkEntry;
    loadMs = Math.round(performance.now() - started);
  }
  return loaded;
}
