// Browser-level check of what a user sees, against the same offline code-server workbench as
// the extension-host tests: squiggle + Problems count on a broken pattern, the hover message,
// and "Generate Genesys event" from the command palette. Takes PNG screenshots.
//
//   node scripts/e2e/ui-check.mjs [SCREENSHOT_DIR] [--update-readme-shot] [--extension DIR]
//
//   SCREENSHOT_DIR        default .vscode-test/screenshots (gitignored)
//   --update-readme-shot  also copy the diagnostic screenshot to media/screenshot.png
//   E2E_UI_MODE=installed copy the extension into the extensions dir like a user install,
//                         instead of loading it as a development extension (the default,
//                         except with --update-readme-shot)
//   E2E_BREAK=1           expect an impossible Problems count: proves a failure exits 1
// Prints `ui: N passed, N failed[, N skipped]`; on failure exits 1 and writes failure.png.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import {
  copyDir, fail, info, launchBrowser, makeWorkDir, reexecInPrivateNetwork, repoRoot,
  resolveCodeServerDir, runCleanups, scheduleWorkDirRemoval, startCodeServer, workbenchUrl,
} from './harness.mjs';

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'update-readme-shot': { type: 'boolean', default: false },
    extension: { type: 'string', default: process.env.E2E_EXTENSION_PATH || repoRoot },
  },
});
const shotDir = path.resolve(positionals[0] || path.join(repoRoot, '.vscode-test', 'screenshots'));
// The README shot is taken from an installed extension: a development host says so in the
// title bar.
const mode = (process.env.E2E_UI_MODE || (opts['update-readme-shot'] ? 'installed' : ''))
  === 'installed' ? 'installed' : 'development';
const stepMs = Number(process.env.E2E_UI_STEP_MS || 20_000);
const brokenFile = 'broken.json';
const problemsExpected = process.env.E2E_BREAK === '1' ? /Errors: 99\b/ : /Errors: [1-9]/;
const COMMAND_TITLE = 'Genesys EventBridge: Generate Genesys event';

// Without a .vscodeignore: the dirs a user install would not contain.
const NOT_SHIPPED = ['node_modules', '.git', '.ci', '.vscode-test', 'out', 'src', 'test',
  'bench', 'bench-data', 'scripts'];
// Never walked: huge, and the bundle carries the runtime dependencies.
const NEVER_WALKED = new Set(['node_modules', '.git', '.vscode-test']);

/** A .vscodeignore line as a RegExp over the /-separated path relative to the extension. */
function globToRegExp(glob) {
  // Like vsce (minimatch with dot: true): "dir/" means "dir/**", a bare name only at the root.
  const g = glob.replace(/^\//, '').replace(/\/$/, '/**');
  let re = '';
  for (let i = 0; i < g.length; i++) {
    const c = g[i];
    if (c === '*' && g[i + 1] === '*') {
      re += g[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += g[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Files a VSIX built with this .vscodeignore would hold: not ignored, or re-included by a
 * "!" line (vsce's rule), and always package.json. */
function shippedFiles(extension, ignoreFile) {
  const rules = fs.readFileSync(ignoreFile, 'utf8').split('\n').map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => (l.startsWith('!')
      ? { keep: true, re: globToRegExp(l.slice(1)) } : { keep: false, re: globToRegExp(l) }));
  const files = [];
  const walk = (rel) => {
    for (const entry of fs.readdirSync(path.join(extension, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!NEVER_WALKED.has(entry.name)) walk(child);
        continue;
      }
      const ignored = rules.some((r) => !r.keep && r.re.test(child));
      const included = rules.some((r) => r.keep && r.re.test(child));
      if (!ignored || included || child === 'package.json') files.push(child);
    }
  };
  walk('');
  return files;
}

function installLikeAUser(extension, extensionsDir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(extension, 'package.json'), 'utf8'));
  const id = `${manifest.publisher}.${manifest.name}`;
  const dest = path.join(extensionsDir, `${id}-${manifest.version}`);
  const ignoreFile = path.join(extension, '.vscodeignore');
  if (fs.existsSync(ignoreFile)) {
    // What `vsce package` would ship, so a file missing from the VSIX breaks this check too.
    const files = shippedFiles(extension, ignoreFile);
    for (const f of files) {
      fs.mkdirSync(path.dirname(path.join(dest, f)), { recursive: true });
      fs.copyFileSync(path.join(extension, f), path.join(dest, f));
    }
    info(`copied ${files.length} files selected by .vscodeignore`);
  } else {
    copyDir(extension, dest, { exclude: NOT_SHIPPED });
  }
  return id;
}

const results = [];
let page;

/** Runs one named check; the first failure stops the rest (they depend on each other). */
async function step(name, fn) {
  if (results.some((r) => r.state === 'failed')) {
    results.push({ name, state: 'skipped' });
    return;
  }
  const t0 = Date.now();
  try {
    await fn();
    results.push({ name, state: 'passed' });
    process.stdout.write(`  ✔ ${name} (${Date.now() - t0}ms)\n`);
  } catch (err) {
    results.push({ name, state: 'failed' });
    process.stdout.write(`  ✘ ${name}\n    ${String(err?.message ?? err).split('\n')[0]}\n`);
    const shot = path.join(shotDir, 'failure.png');
    await page?.screenshot({ path: shot }).catch(() => {});
    process.stdout.write(`    screenshot: ${path.relative(repoRoot, shot)}\n`);
    // An error dialog or toast usually says why (e.g. the command threw); put it in the log.
    const shown = await page?.locator('.monaco-dialog-box, .notification-toast')
      .allInnerTexts().catch(() => []) ?? [];
    for (const text of shown) {
      process.stdout.write(`    on screen: ${text.replace(/\s+/g, ' ').trim()}\n`);
    }
  }
}

async function shoot(name) {
  const file = path.join(shotDir, name);
  await page.screenshot({ path: file });
  info(`screenshot ${path.relative(repoRoot, file)}`);
  return file;
}

/** The quick input (command palette / quick pick) text box. */
const quickInput = () => page.locator('.quick-input-widget .quick-input-box input');

async function main() {
  await reexecInPrivateNetwork();
  const extension = path.resolve(opts.extension);
  const manifest = JSON.parse(fs.readFileSync(path.join(extension, 'package.json'), 'utf8'));
  const main = path.resolve(extension, manifest.main || 'extension.js');
  if (!fs.existsSync(main)) fail(`${main} is missing: build it first (node scripts/build.mjs)`);
  const codeServerDir = resolveCodeServerDir();
  fs.mkdirSync(shotDir, { recursive: true });
  fs.rmSync(path.join(shotDir, 'failure.png'), { force: true });

  let failed = true;
  const workDir = makeWorkDir('ui');
  scheduleWorkDirRemoval(workDir, { keepAnyway: () => failed });
  const folder = path.join(workDir, 'workspace');
  copyDir(path.join(repoRoot, 'test', 'integration', 'fixtures', 'workspace'), folder);

  const server = await startCodeServer({
    codeServerDir,
    workDir,
    // No fade-in animations half-way through a screenshot; hovers below the line, where a
    // short file has room for them.
    settings: { 'workbench.reduceMotion': 'on', 'editor.hover.above': false },
  });
  let extensionDevelopmentPath;
  if (mode === 'installed') {
    info(`installed ${installLikeAUser(extension, server.extensionsDir)} into the extensions dir`);
  } else {
    extensionDevelopmentPath = extension;
  }
  ({ page } = await launchBrowser({ workDir, viewport: { width: 1280, height: 800 } }));
  info(`code-server on ${server.origin}, extension in ${mode} mode`);
  page.setDefaultTimeout(stepMs);

  await step('workbench loads with the fixture workspace', async () => {
    await page.goto(workbenchUrl(server, { folder, extensionDevelopmentPath }));
    await page.locator('.monaco-workbench').waitFor();
    await page.locator('.explorer-folders-view').getByText('eventpatterns').first().waitFor();
  });

  await step(`opening ${brokenFile} shows an error squiggle`, async () => {
    await page.locator('.explorer-folders-view').getByText('eventpatterns').first().click();
    await page.keyboard.press('Control+P');
    await quickInput().fill(brokenFile);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: brokenFile })
      .first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: brokenFile }).waitFor();
    await page.keyboard.press('Control+Home'); // start of the file, for the screenshot
    await page.locator('.editor-instance .monaco-editor .squiggly-error').first().waitFor();
  });

  await step('the status bar counts the error; the Problems panel lists it', async () => {
    const problems = page.locator('[id="status.problems"] a, [id="status.problems"]').first();
    await problems.waitFor();
    const deadline = Date.now() + stepMs;
    let label = '';
    while (Date.now() < deadline) {
      label = (await problems.getAttribute('aria-label')) || (await problems.innerText());
      if (problemsExpected.test(label)) break;
      await page.waitForTimeout(200);
    }
    if (!problemsExpected.test(label)) {
      throw new Error(`Problems status says "${label}", expected ${problemsExpected}`);
    }
    // Clicking the count opens the Problems panel, which lists the message and its source.
    await problems.click();
    await page.locator('.markers-panel', { hasText: 'must be an object or an array' })
      .first().waitFor();
  });

  await step('hovering the squiggle shows the EventBridge message', async () => {
    // The squiggle is painted in a layer under the text, so Playwright's "is it clickable"
    // check would never pass; the editor decides on hovers by mouse position anyway.
    await page.locator('.editor-instance .monaco-editor .squiggly-error').first()
      .hover({ force: true });
    await page.locator('.monaco-hover', { hasText: 'must be an object or an array' })
      .first().waitFor();
    await page.waitForTimeout(500); // the hover fades in regardless of reduceMotion
    await shoot('1-diagnostic.png');
    await page.keyboard.press('Escape');
  });

  await step(`"${COMMAND_TITLE}" from the command palette opens a sample event`, async () => {
    await page.keyboard.press('Control+Shift+P');
    await quickInput().fill(`>${COMMAND_TITLE}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Generate Genesys event' })
      .first().waitFor();
    await page.keyboard.press('Enter');
    // The palette closes and the extension's topic quick pick opens with an empty filter.
    await page.waitForFunction(() => {
      const input = document.querySelector('.quick-input-widget .quick-input-box input');
      const widget = document.querySelector('.quick-input-widget');
      return widget && widget.style.display !== 'none' && input && input.value === '';
    });
    await quickInput().fill('customer.end');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'customer.end' })
      .first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: /Untitled/ }).waitFor();
    await page.locator('.editor-instance .monaco-editor .view-lines',
      { hasText: 'aws.partner/genesys.com/cloud/' }).first().waitFor();
    await shoot('2-generated-event.png');
  });

  const passed = results.filter((r) => r.state === 'passed').length;
  const failures = results.filter((r) => r.state === 'failed').length;
  const skipped = results.filter((r) => r.state === 'skipped').length;
  failed = failures > 0;
  if (!failed && opts['update-readme-shot']) {
    const target = path.join(repoRoot, 'media', 'screenshot.png');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(shotDir, '1-diagnostic.png'), target);
    info(`updated ${path.relative(repoRoot, target)}`);
  }
  await runCleanups();
  process.stdout.write(`ui: ${passed} passed, ${failures} failed`
    + `${skipped ? `, ${skipped} skipped` : ''}\n`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  async (err) => {
    info(err?.userFacing ? `ERROR: ${err.message}` : `ERROR: ${err?.stack ?? err}`);
    await runCleanups();
    process.stdout.write('ui: 0 passed, 1 failed\n');
    process.exit(1);
  },
);
