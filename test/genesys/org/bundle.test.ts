// The SDK stays out of the extension bundle: dist/extension.js must not contain it, and the
// separate dist/genesys-sdk.js must load on its own (no node_modules at run time) and work.
// Needs the bundles: `node scripts/build.mjs` first (as `npm test` does).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { isSdkLoaded, loadGenesysSdk, sdkLoadMilliseconds } from '../../../src/genesys/org/loader';
import { startFakeGenesysApi, type FakeGenesysApi } from '../../fakes/genesysApi';
import { REPO_ROOT } from '../../support/paths';

const EXTENSION_BUNDLE = path.join(REPO_ROOT, 'dist', 'extension.js');
const SDK_BUNDLE = path.join(REPO_ROOT, 'dist', 'genesys-sdk.js');

/** Strings that only the SDK or its dependencies put into a bundle. */
const SDK_MARKERS = ['PureCloud OAuth', 'getRoutingQueuesDivisionviews', 'winston', 'axios/'];

function readBundle(file: string): string {
  const name = path.relative(REPO_ROOT, file);
  assert.ok(fs.existsSync(file), `${name} is missing: run node scripts/build.mjs`);
  return fs.readFileSync(file, 'utf8');
}

describe('bundles', () => {
  let fake: FakeGenesysApi;
  before(async () => {
    fake = await startFakeGenesysApi();
  });
  after(() => fake.close());

  test('dist/extension.js holds none of the SDK', (t) => {
    const text = readBundle(EXTENSION_BUNDLE);
    for (const marker of SDK_MARKERS) {
      assert.ok(!text.includes(marker), `dist/extension.js contains "${marker}"`);
    }
    assert.ok(text.includes('genesys-sdk.js'), 'it names the SDK bundle it loads on demand');
    const size = fs.statSync(EXTENSION_BUNDLE).size;
    assert.ok(size < 1_000_000, `dist/extension.js is ${size} bytes`);
    t.diagnostic(`dist/extension.js: ${size} bytes`);
  });

  test('dist/genesys-sdk.js holds the SDK and its dependencies', (t) => {
    const text = readBundle(SDK_BUNDLE);
    for (const marker of SDK_MARKERS) {
      assert.ok(text.includes(marker), `dist/genesys-sdk.js lacks "${marker}"`);
    }
    t.diagnostic(`dist/genesys-sdk.js: ${fs.statSync(SDK_BUNDLE).size} bytes`);
  });

  test('loads lazily, once, without node_modules, and works against the fake', async (t) => {
    assert.equal(isSdkLoaded(), false);
    assert.equal(sdkLoadMilliseconds(), undefined);
    const sdk = loadGenesysSdk(SDK_BUNDLE);
    assert.equal(isSdkLoaded(), true);
    assert.equal(loadGenesysSdk(SDK_BUNDLE), sdk, 'a second load returns the same module');
    const manifest = path.join(REPO_ROOT, 'node_modules', 'purecloud-platform-client-v2',
      'package.json');
    const installed = JSON.parse(fs.readFileSync(manifest, 'utf8'));
    assert.equal(sdk.SDK_VERSION, installed.version);
    const fromNodeModules = Object.keys(require.cache)
      .filter((file) => file.includes(`${path.sep}node_modules${path.sep}`));
    assert.deepEqual(fromNodeModules, [], 'the bundle brings everything it needs');
    t.diagnostic(`in-process load: ${sdkLoadMilliseconds()} ms`);

    const client = sdk.createSdkOrgClient({
      credentials: { clientId: fake.clientId, clientSecret: fake.clientSecret },
      gateway: fake.gateway,
      pageSize: 2,
    });
    assert.deepEqual(await client.organization(), fake.organization);
    assert.equal((await client.queues()).length, 7);
    client.dispose();
  });

  test('load time in a fresh process', (t) => {
    const times: number[] = [];
    for (let run = 0; run < 3; run++) {
      const result = spawnSync(process.execPath, ['-e',
        'const t = performance.now(); require(process.argv[1]); ' +
        'process.stdout.write(String(performance.now() - t));', SDK_BUNDLE], { encoding: 'utf8' });
      assert.equal(result.status, 0, result.stderr);
      times.push(Math.round(Number(result.stdout)));
    }
    t.diagnostic(`require('dist/genesys-sdk.js') in fresh processes: ${times.join(', ')} ms`);
    assert.ok(Math.min(...times) < 5_000);
  });
});
