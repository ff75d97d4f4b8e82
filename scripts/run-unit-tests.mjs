// Runs every compiled unit test (out/test/**/*.test.js outside integration/) with node's test
// runner. Listing the files ourselves keeps the extension-host suite out of it.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = 'out/test';
const files = [];
const visit = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const entry = join(dir, name);
    if (statSync(entry).isDirectory()) {
      if (name !== 'integration') visit(entry);
    } else if (name.endsWith('.test.js')) {
      files.push(entry);
    }
  }
};
visit(root);
if (files.length === 0) {
  console.error('no unit tests found under out/test: run tsc first');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--test', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
