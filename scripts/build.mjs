// Bundles the extension and the CLI with esbuild. `--production` minifies; `--watch` rebuilds.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const builds = [
  // `vscode` is provided by the extension host at run time.
  {
    ...shared,
    entryPoints: ['src/vscode/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
  },
  // The Genesys SDK gets a bundle of its own that the extension requires only on sign-in
  // (src/genesys/org/loader.ts), so it costs nothing at start-up. No source map: it would be
  // ~10 MB of SDK sources for a file we never debug into.
  {
    ...shared,
    entryPoints: ['src/genesys/org/sdk.ts'],
    outfile: 'dist/genesys-sdk.js',
    sourcemap: false,
  },
  {
    ...shared,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  },
];

if (watch) {
  for (const options of builds) {
    const context = await esbuild.context(options);
    await context.watch();
  }
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
