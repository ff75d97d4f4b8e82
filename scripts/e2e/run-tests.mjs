// Runs the mocha integration suite (test/integration) inside VS Code's real node extension host,
// offline: code-server on 127.0.0.1 + headless Chromium as the workbench (see harness.mjs).
//
//   node scripts/e2e/run-tests.mjs [--extension DIR] [--tests FILE] [--workspace DIR]
//
// Defaults: the repo itself as the extension (dist/ must be built), the compiled suite
// out/test/integration/suite/index.js, and a fresh copy of test/integration/fixtures/workspace.
// Prints mocha's output, then a last line `ext-host: N passed, N failed`. Exit code: VS Code's,
// and 1 whenever the suite's result file is missing (a payload that VS Code ignored would
// otherwise look like an empty success).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import {
  copyDir, fail, info, launchBrowser, makeWorkDir, reexecInPrivateNetwork, repoRoot,
  resolveChromium, resolveCodeServerDir, runCleanups, runExtensionTests,
  scheduleWorkDirRemoval, startCodeServer,
} from './harness.mjs';

const { values: opts } = parseArgs({
  options: {
    extension: { type: 'string', default: process.env.E2E_EXTENSION_PATH || repoRoot },
    tests: {
      type: 'string',
      default: path.join(repoRoot, 'out', 'test', 'integration', 'suite', 'index.js'),
    },
    workspace: {
      type: 'string',
      default: path.join(repoRoot, 'test', 'integration', 'fixtures', 'workspace'),
    },
  },
});

function preflight() {
  const extension = path.resolve(opts.extension);
  const manifestFile = path.join(extension, 'package.json');
  if (!fs.existsSync(manifestFile)) fail(`no package.json in ${extension}`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  const main = manifest.main && path.resolve(extension, manifest.main);
  if (main && !fs.existsSync(main) && !fs.existsSync(`${main}.js`)) {
    fail(`${path.relative(repoRoot, main) || main} is missing: build it (node scripts/build.mjs)`);
  }
  const tests = path.resolve(opts.tests);
  if (!fs.existsSync(tests)) fail(`${tests} is missing: compile the tests (npx tsc -p .)`);
  const workspace = path.resolve(opts.workspace);
  if (!fs.existsSync(workspace)) fail(`fixture workspace ${workspace} is missing`);
  return {
    extension,
    // VS Code requires the module itself; pass it without ".js" like the desktop runner does.
    tests: tests.replace(/\.js$/, ''),
    workspace,
    id: `${manifest.publisher}.${manifest.name}`,
  };
}

function readResult(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

async function main() {
  await reexecInPrivateNetwork();
  const target = preflight();
  const codeServerDir = resolveCodeServerDir();
  resolveChromium();

  let failed = true;
  const workDir = makeWorkDir('ext-host');
  // A failed run keeps its dir (code-server.log, user-data/logs/*/exthost*/) for inspection.
  scheduleWorkDirRemoval(workDir, { keepAnyway: () => failed });
  const folder = path.join(workDir, 'workspace');
  copyDir(target.workspace, folder); // the tests may edit; the repo's fixtures stay untouched
  const resultFile = path.join(workDir, 'result.json');

  info(`extension ${target.id} from ${target.extension}`);
  const server = await startCodeServer({
    codeServerDir,
    workDir,
    // The extension host inherits code-server's environment; that is how the suite learns
    // where to write its summary (and E2E_BREAK / E2E_GREP reach it).
    env: { E2E_RESULT_FILE: resultFile },
  });
  info(`code-server listening on ${server.origin}`);
  const { page } = await launchBrowser({ workDir });
  info('workbench loading; running the suite in the extension host');
  const { code } = await runExtensionTests({
    server,
    page,
    folder,
    extensionDevelopmentPath: target.extension,
    extensionTestsPath: target.tests,
  });

  const result = readResult(resultFile);
  const passed = result?.passes ?? 0;
  let failures = result?.failures ?? 0;
  // VS Code's own exit code, unless the summary disagrees (then 1).
  let exitCode = code === 0 ? 0 : (Number.isInteger(code) && code > 0 ? code : 1);
  if (!result) {
    info(`no result file from the suite (${resultFile}): the tests did not run in the host`);
    failures = Math.max(failures, 1);
    exitCode = 1;
  } else if (failures > 0 || passed === 0) {
    exitCode = 1;
  }
  if (exitCode !== 0 && failures === 0) failures = 1; // never print "0 failed" for a red run
  info(`extension host exited with code ${code}`);
  failed = exitCode !== 0;
  await runCleanups();
  process.stdout.write(`ext-host: ${passed} passed, ${failures} failed\n`);
  return exitCode;
}

main().then(
  (code) => process.exit(code),
  async (err) => {
    info(err?.userFacing ? `ERROR: ${err.message}` : `ERROR: ${err?.stack ?? err}`);
    await runCleanups();
    process.stdout.write('ext-host: 0 passed, 1 failed\n');
    process.exit(1);
  },
);
