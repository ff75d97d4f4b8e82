// Locations tests need, resolved from the compiled file (out/test/...) back to the repo.

import * as fs from 'node:fs';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** The shared reference folder beside the clone (present in CI, absent in a user's clone). */
export const SHARED_REFERENCE = path.resolve(REPO_ROOT, '..', 'shared', 'reference');

export function referenceFile(...parts: string[]): string | undefined {
  const file = path.join(SHARED_REFERENCE, ...parts);
  return fs.existsSync(file) ? file : undefined;
}

export const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
