// Mocha entry point that VS Code's extension host loads (`extensionTestsPath`) and whose run() it
// awaits. The same file serves code-server (scripts/e2e/run-tests.mjs) and desktop VS Code
// (test/integration/runElectron.ts): both hosts require it and call run().
//
// Besides mocha's console output it writes a small JSON summary to $E2E_RESULT_FILE, so the
// runner can tell "all passed" from "the workbench ignored the test payload and exited 0".
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

interface TestRecord {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  error?: string;
}

function findTestFiles(root: string): string[] {
  // Node 20's recursive readdir; the suite/ folder itself holds no tests.
  return (fs.readdirSync(root, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.test.js') && !f.startsWith(`suite${path.sep}`))
    .sort()
    .map((f) => path.join(root, f));
}

function writeResult(summary: object): void {
  const file = process.env.E2E_RESULT_FILE;
  if (!file) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
}

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    // The console ends up in a log relay (code-server) or a terminal (electron); plain text
    // reads well in both and in CI logs.
    color: false,
    timeout: Number(process.env.E2E_TEST_TIMEOUT_MS || 30_000),
    ...(process.env.E2E_GREP ? { grep: process.env.E2E_GREP } : {}),
  });
  const testsRoot = path.resolve(__dirname, '..');
  const files = findTestFiles(testsRoot);
  for (const f of files) mocha.addFile(f);

  const records: TestRecord[] = [];
  return new Promise<void>((resolve, reject) => {
    if (files.length === 0) {
      writeResult({ passes: 0, failures: 1, pending: 0, error: `no *.test.js in ${testsRoot}` });
      reject(new Error(`no test files found in ${testsRoot}`));
      return;
    }
    try {
      const runner = mocha.run((failures) => {
        const passes = records.filter((r) => r.state === 'passed').length;
        const pending = records.filter((r) => r.state === 'pending').length;
        writeResult({ passes, failures, pending, tests: records });
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else if (passes === 0) reject(new Error('no integration test ran'));
        else resolve();
      });
      runner.on('pass', (t) => records.push({ title: t.fullTitle(), state: 'passed' }));
      runner.on('pending', (t) => records.push({ title: t.fullTitle(), state: 'pending' }));
      runner.on('fail', (t, err: Error) => records.push({
        title: t.fullTitle(),
        state: 'failed',
        error: String(err?.message ?? err),
      }));
    } catch (err) {
      writeResult({ passes: 0, failures: 1, pending: 0, error: String(err) });
      reject(err);
    }
  });
}
