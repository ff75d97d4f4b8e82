// Writes schemas/genesys/*.schema.json from the TypeScript topic catalog (src/genesys), so the
// committed JSON never drifts from the definitions the tools use.
// `--check` writes nothing and exits 1 when a file is missing, stale or no longer produced.
import * as esbuild from 'esbuild';
import { readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const outputDir = join(repoRoot, 'schemas', 'genesys');
const checkOnly = process.argv.includes('--check');

// Bundling in memory lets this run straight from the sources, without a prior tsc build.
const bundle = await esbuild.build({
  entryPoints: [join(repoRoot, 'src', 'genesys', 'schemaFiles.ts')],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'neutral',
  logLevel: 'warning',
});
const bundledCode = Buffer.from(bundle.outputFiles[0].text).toString('base64');
const moduleUrl = `data:text/javascript;base64,${bundledCode}`;
const { renderSchemaFiles } = await import(moduleUrl);

const wanted = new Map(renderSchemaFiles().map((file) => [file.fileName, file.text]));
await mkdir(outputDir, { recursive: true });
const present = (await readdir(outputDir)).filter((name) => name.endsWith('.schema.json'));

const problems = [];
for (const name of present) {
  if (!wanted.has(name)) {
    problems.push(`obsolete ${name}`);
    if (!checkOnly) await rm(join(outputDir, name));
  }
}
for (const [name, text] of wanted) {
  const current = present.includes(name) ? await readFile(join(outputDir, name), 'utf8') : null;
  if (current === text) continue;
  problems.push(`${current === null ? 'missing' : 'stale'} ${name}`);
  if (!checkOnly) await writeFile(join(outputDir, name), text);
}

if (checkOnly && problems.length > 0) {
  console.error(`schemas/genesys is out of date (run node scripts/build-schemas.mjs):`);
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}
console.log(`schemas/genesys: ${wanted.size} files, ${problems.length} changed`);
