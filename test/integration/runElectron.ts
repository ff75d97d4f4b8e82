// Laptop route: the same integration suite in desktop VS Code via @vscode/test-electron.
// It downloads VS Code on first use, so it needs internet and is not run in CI (CI uses
// scripts/e2e/run-tests.mjs with code-server, offline). On a headless Linux box wrap it in
// `xvfb-run -a`.
//
//   npx tsc -p . && node scripts/build.mjs && node out/test/integration/runElectron.js
//
// VSCODE_TEST_VERSION picks the VS Code build (default "stable"; must satisfy engines.vscode).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<number> {
  // out/test/integration/runElectron.js -> repo root
  const repoRoot = path.resolve(__dirname, '..', '..', '..');
  const extensionTestsPath = path.resolve(__dirname, 'suite', 'index');
  const fixture = path.join(repoRoot, 'test', 'integration', 'fixtures', 'workspace');
  // Same as the code-server runner: the tests get a throwaway copy of the fixture workspace.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'gebp-e2e-'));
  const workspace = path.join(scratch, 'workspace');
  fs.cpSync(fixture, workspace, { recursive: true });
  const resultFile = path.join(scratch, 'result.json');
  try {
    await runTests({
      version: process.env.VSCODE_TEST_VERSION || 'stable',
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath,
      launchArgs: [
        workspace,
        '--disable-extensions', // other installed extensions; the one under test still loads
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--user-data-dir', path.join(scratch, 'user-data'),
      ],
      extensionTestsEnv: {
        E2E_RESULT_FILE: resultFile,
        ...(process.env.E2E_BREAK ? { E2E_BREAK: process.env.E2E_BREAK } : {}),
        ...(process.env.E2E_GREP ? { E2E_GREP: process.env.E2E_GREP } : {}),
      },
    });
  } catch (err) {
    console.error(`integration tests failed: ${String(err)}`);
  }
  // Same verdict rules as the offline runner: the suite's own summary decides, and a missing
  // summary is a failure.
  let result: { passes?: number; failures?: number } | null = null;
  try {
    result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
  } catch {
    console.error(`no result file ${resultFile}: the suite did not run`);
  }
  const passes = result?.passes ?? 0;
  const failures = result ? (result.failures ?? 0) : 1;
  const ok = result !== null && failures === 0 && passes > 0;
  fs.rmSync(scratch, { recursive: true, force: true });
  console.log(`ext-host: ${passes} passed, ${ok ? 0 : Math.max(failures, 1)} failed`);
  return ok ? 0 : 1;
}

main().then((code) => process.exit(code));
