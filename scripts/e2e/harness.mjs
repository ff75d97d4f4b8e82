// Shared plumbing for the offline end-to-end runs: a real VS Code server (code-server from the
// npm registry) on 127.0.0.1 and Debian's Chromium driven by playwright-core as its client.
//
// Why this shape: code-server starts VS Code's node extension host (the one Remote-SSH uses) as
// soon as a workbench connects, and the web workbench honours the `payload` URL parameter that
// VS Code's own browser integration tests use (extensionDevelopmentPath / extensionTestsPath).
// When the tests' run() settles, the workbench calls window.codeAutomationExit(code), which we
// expose through Playwright. Nothing here talks to any host other than 127.0.0.1.
//
// Environment knobs (all optional):
//   CODE_SERVER_DIR   dir with out/node/entry.js (default: the install-code-server.sh cache)
//   CODE_SERVER_NODE  node binary for code-server when it needs another Node than this one
//   CHROMIUM_PATH     browser binary (default /usr/bin/chromium)
//   E2E_TIMEOUT_MS    overall limit for one run (default 180000)
//   E2E_DEBUG=1       echo the browser console and code-server's log
//   E2E_KEEP=1        keep the per-run work dir (code-server.log, user-data/logs/...)
//   E2E_NETNS=0       do not move the run into a private network namespace (see below)
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as util from 'node:util';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_CS_VERSION = '4.100.3';
export const debug = process.env.E2E_DEBUG === '1';
export const keep = process.env.E2E_KEEP === '1';
export const timeoutMs = Number(process.env.E2E_TIMEOUT_MS || 180_000);

const started = Date.now();
/** Seconds since the script started, for the timing prefixes in the log. */
export const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
export const info = (msg) => process.stderr.write(`[${elapsed()}] ${msg}\n`);

/** Throws with a message that says what to do, instead of a stack trace from deep inside. */
export function fail(msg) {
  const err = new Error(msg);
  err.userFacing = true;
  throw err;
}

export function resolveCodeServerDir() {
  const cache = process.env.E2E_CACHE || path.join(os.homedir(), '.cache', 'vscode-e2e');
  const dir = process.env.CODE_SERVER_DIR
    || path.join(cache, `code-server-${DEFAULT_CS_VERSION}`, 'node_modules', 'code-server');
  if (!fs.existsSync(path.join(dir, 'out', 'node', 'entry.js'))) {
    fail(`code-server not found in ${dir}; run scripts/install-code-server.sh first `
      + 'or set CODE_SERVER_DIR');
  }
  return dir;
}

export function resolveChromium() {
  const exe = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(exe)) {
    fail(`${exe} not found; apt-get install chromium (or set CHROMIUM_PATH)`);
  }
  return exe;
}

/**
 * A fresh per-run dir under .vscode-test/runs (gitignored), so every run starts with an empty
 * user-data dir, extensions dir and browser profile, and a failed run leaves its logs in the repo.
 */
export function makeWorkDir(label) {
  const base = path.join(repoRoot, '.vscode-test', 'runs');
  fs.mkdirSync(base, { recursive: true });
  return fs.mkdtempSync(path.join(base, `${label}-`));
}

/** Asks the kernel for an unused loopback port (the actual port is re-read from the log). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// Settings that stop the workbench and the built-in extensions from reaching out (schemas, npm
// info, type acquisition, experiments) or putting UI in the way of the tests (walkthroughs,
// trust prompts, release notes, AI panels, restored windows).
const SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'update.showReleaseNotes': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'json.schemaDownload.enable': false,
  'npm.fetchOnlinePackageInfo': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'git.enabled': false,
  'git.autofetch': false,
  'github.gitAuthentication': false,
  'chat.disableAIFeatures': true,
  'window.restoreWindows': 'none',
  'files.hotExit': 'off',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

// The process groups we started; killed on any exit path (never anything found by name).
const liveGroups = new Set();
const cleanups = [];
let exiting = false;

function killGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false; // ESRCH: the whole group is gone already
  }
}

let netnsChild = null;

process.on('exit', () => {
  for (const pgid of liveGroups) killGroup(pgid, 'SIGKILL');
});
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, async () => {
    if (netnsChild) {
      netnsChild.kill(sig); // the copy inside the namespace cleans up; we exit with it
      return;
    }
    if (exiting) return;
    exiting = true;
    info(`${sig}: cleaning up`);
    await runCleanups();
    process.exit(128 + os.constants.signals[sig]);
  });
}

/**
 * A test run needs nothing but the loopback, so when we are root (CI) the runner re-executes
 * itself in a fresh network namespace whose only interface is `lo`: whatever VS Code, a
 * built-in extension or Chromium might try, no other host is reachable from inside (Chromium's
 * IPv6 reachability probe then fails locally instead of finding a route). Resolves to false
 * when this is not possible (not root, no unshare/ip, E2E_NETNS=0, or already inside);
 * otherwise it never resolves and the process exits with the inner run's exit code.
 */
export async function reexecInPrivateNetwork() {
  if (process.env.E2E_IN_NETNS === '1' || process.env.E2E_NETNS === '0') return false;
  if (process.getuid?.() !== 0) return false;
  const probe = spawnSync('unshare', ['--net', '--', 'ip', 'link', 'set', 'lo', 'up'],
    { stdio: 'ignore' });
  if (probe.status !== 0) {
    info('unshare/ip not usable: running in the shared network namespace');
    return false;
  }
  // `sh -c '...' node script args`: $0 is node, "$@" the script and its arguments.
  netnsChild = spawn('unshare', ['--net', '--', 'sh', '-c', 'ip link set lo up && exec "$0" "$@"',
    process.execPath, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, E2E_IN_NETNS: '1' },
  });
  const code = await new Promise((resolve) => {
    netnsChild.on('exit', (c, signal) => resolve(c ?? 128 + (os.constants.signals[signal] || 0)));
  });
  process.exit(code);
  return new Promise(() => {});
}

/** Registers a cleanup step; they run in reverse order (browser before server before files). */
export function onCleanup(fn) {
  cleanups.push(fn);
}

export async function runCleanups() {
  while (cleanups.length) {
    const fn = cleanups.pop();
    try {
      await fn();
    } catch (err) {
      info(`cleanup step failed: ${err?.message ?? err}`);
    }
  }
}

/**
 * Starts code-server in its own process group with everything it would write to $HOME or /tmp
 * redirected into workDir, and with every update, telemetry and gallery lookup disabled.
 * Resolves once it logs "HTTP server listening"; returns { port, origin, stop }.
 */
export async function startCodeServer({ codeServerDir, workDir, env = {}, extraArgs = [],
  settings = {} }) {
  const userData = path.join(workDir, 'user-data');
  const extensionsDir = path.join(workDir, 'extensions');
  const xdg = path.join(workDir, 'xdg');
  for (const d of ['User', 'Machine']) {
    fs.mkdirSync(path.join(userData, d), { recursive: true });
    const file = path.join(userData, d, 'settings.json');
    fs.writeFileSync(file, JSON.stringify({ ...SETTINGS, ...settings }, null, 2));
  }
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.mkdirSync(xdg, { recursive: true });
  const configFile = path.join(workDir, 'config.yaml');
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');
  // VS Code puts unix sockets in $TMPDIR; their paths must stay under 107 characters, so this
  // one is short and lives in /tmp rather than in the (deep) work dir.
  const shortTmp = fs.mkdtempSync('/tmp/vsc-');
  onCleanup(() => fs.rmSync(shortTmp, { recursive: true, force: true }));

  const entry = path.join(codeServerDir, 'out', 'node', 'entry.js');
  const cli = fs.readFileSync(path.join(codeServerDir, 'out', 'node', 'cli.js'), 'utf8');
  const port = await freePort();
  const args = [
    entry,
    '--config', configFile,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--disable-proxy',
    '--disable-file-downloads',
    '--ignore-last-opened',
    '--user-data-dir', userData,
    '--extensions-dir', extensionsDir,
    '--locale', 'en',
  ];
  // Newer built workbenches ignore the test payload unless the smoke-test driver is on; the
  // releases that gate it (code-server >= 4.138) are also the ones that accept --vscode-option.
  if (cli.includes('"vscode-option"')) args.push('--vscode-option', 'enable-smoke-test-driver');
  args.push(...extraArgs);

  const logFile = path.join(workDir, 'code-server.log');
  let logFd = fs.openSync(logFile, 'a');
  const child = spawn(process.env.CODE_SERVER_NODE || process.execPath, args, {
    cwd: workDir,
    detached: true, // own process group: the server forks a wrapper, ext host, pty host, watcher
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      EXTENSIONS_GALLERY: '{}', // no marketplace / open-vsx lookups
      XDG_CONFIG_HOME: xdg,
      XDG_DATA_HOME: xdg,
      XDG_CACHE_HOME: xdg,
      TMPDIR: shortTmp,
      ...env,
    },
  });
  liveGroups.add(child.pid);
  let exited = null;
  const exitPromise = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      resolve(exited);
    });
  });

  const stop = async () => {
    if (!liveGroups.has(child.pid)) return;
    killGroup(child.pid, 'SIGTERM');
    // Give the group a second to flush its logs and go on its own (it often takes longer, and
    // nothing of it is worth waiting for), then make sure nothing of it survives.
    for (let i = 0; i < 10 && killGroup(child.pid, 0); i++) await sleep(100);
    killGroup(child.pid, 'SIGKILL');
    liveGroups.delete(child.pid);
    fs.closeSync(logFd);
    logFd = null; // late output of dying processes is dropped, not written to a closed fd
  };
  onCleanup(stop);

  const actualPort = await new Promise((resolve, reject) => {
    let buffer = '';
    let ready = false;
    const timer = setTimeout(() => reject(new Error(
      `code-server did not start within 60 s; see ${logFile}`)), 60_000);
    const onData = (chunk) => {
      if (logFd !== null) fs.writeSync(logFd, chunk);
      if (debug) process.stderr.write(`[code-server] ${chunk}`);
      if (ready) return;
      buffer += chunk.toString();
      const m = /HTTP server listening on https?:\/\/127\.0\.0\.1:(\d+)/.exec(buffer);
      if (m) {
        ready = true;
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    exitPromise.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited early (code ${code}, signal ${signal}); `
        + `last log lines:\n${buffer.split('\n').slice(-15).join('\n')}`));
    });
  });
  return {
    port: actualPort,
    origin: `http://127.0.0.1:${actualPort}`,
    authority: `127.0.0.1:${actualPort}`,
    logFile,
    extensionsDir,
    userData,
    exited: () => exited,
    exitPromise,
    stop,
  };
}

// Chromium keeps talking to Google services even with --disable-background-networking; the
// resolver rule makes every name except the loopback fail inside the browser, with no DNS query.
const CHROMIUM_ARGS = [
  '--no-sandbox', // we run as root in CI
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--metrics-recording-only',
  '--no-pings',
  '--disable-breakpad',
  '--password-store=basic',
  '--use-mock-keychain',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
];

/** Headless Debian Chromium with a throwaway profile; returns { context, page }. */
export async function launchBrowser({ workDir, viewport = { width: 1400, height: 900 } }) {
  const { chromium } = await import('playwright-core');
  // Chromium's crash database (~/.config/chromium/Crash Reports) follows XDG_CONFIG_HOME, not
  // the profile dir; point it into the work dir so a run leaves nothing in $HOME.
  const xdg = path.join(workDir, 'xdg');
  fs.mkdirSync(xdg, { recursive: true });
  // Its singleton socket goes to $TMPDIR/org.chromium.Chromium.*; a short dir of our own is
  // removed even when the browser was killed before it could tidy up.
  const shortTmp = fs.mkdtempSync('/tmp/vsb-');
  onCleanup(() => fs.rmSync(shortTmp, { recursive: true, force: true }));
  const context = await chromium.launchPersistentContext(path.join(workDir, 'chromium-profile'), {
    executablePath: resolveChromium(),
    headless: true,
    args: CHROMIUM_ARGS,
    env: { ...process.env, XDG_CONFIG_HOME: xdg, XDG_CACHE_HOME: xdg, TMPDIR: shortTmp },
    viewport,
  });
  onCleanup(() => context.close());
  const page = context.pages()[0] ?? await context.newPage();
  if (debug) {
    page.on('console', (m) => process.stderr.write(`[browser ${m.type()}] ${m.text()}\n`));
  }
  page.on('pageerror', (e) => debug && process.stderr.write(`[browser pageerror] ${e}\n`));
  return { context, page };
}

/**
 * Workbench URL for `folder`, with the development/test payload. Paths are server-side paths;
 * the payload wants them as vscode-remote URIs of this server.
 */
export function workbenchUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath }) {
  const remote = (p) => `vscode-remote://${server.authority}${p}`;
  const payload = [];
  if (extensionDevelopmentPath) {
    payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  }
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  payload.push(['skipWelcome', 'true'], ['skipReleaseNotes', 'true']);
  const params = new URLSearchParams({ folder, payload: JSON.stringify(payload) });
  return `${server.origin}/?${params}`;
}

/** Formats what the extension host console sends (mocha uses %s/%d format strings). */
function formatAutomationLog(args) {
  if (Array.isArray(args)) return util.format(...args);
  return typeof args === 'string' ? args : util.format(args);
}

// The workbench's own startup chatter arrives through the same channel as the extension host's
// console (all as "info"); it goes to the log file only, unless E2E_DEBUG=1.
const WORKBENCH_CHATTER = new RegExp('^(Resolving connection token|Resolved connection token'
  + '|Creating a socket|Ignoring fetching additional builtin extensions|\\[Service Worker\\]'
  + '|ChatSessionStore:|Updating additional builtin extensions cache|\\[AccountPolicyGate\\])');

/** Default log sink: everything to WORK/automation.log, the test output to stdout. */
export function printAutomationLog(server) {
  const file = path.join(path.dirname(server.logFile), 'automation.log');
  return (line, type) => {
    fs.appendFileSync(file, `${type}: ${line}\n`);
    if (debug || !WORKBENCH_CHATTER.test(line)) process.stdout.write(`${line}\n`);
  };
}

/**
 * Loads the workbench with the test payload and waits for codeAutomationExit.
 * Resolves to { code } (VS Code's exit code) or rejects on timeout / server crash.
 */
export async function runExtensionTests({ server, page, folder, extensionDevelopmentPath,
  extensionTestsPath, onLog = printAutomationLog(server) }) {
  let resolveExit;
  const exit = new Promise((resolve) => { resolveExit = resolve; });
  await page.exposeFunction('codeAutomationLog', (type, args) => onLog(formatAutomationLog(args),
    type));
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
  const url = workbenchUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath });
  if (debug) info(`opening ${url}`);
  await page.goto(url);
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no result from the extension host after `
      + `${timeoutMs} ms (E2E_TIMEOUT_MS); see ${server.logFile}`)), timeoutMs);
  });
  const crashed = server.exitPromise.then(({ code, signal }) => {
    throw new Error(`code-server exited during the run (code ${code}, signal ${signal})`);
  });
  try {
    return { code: await Promise.race([exit, timeout, crashed]) };
  } finally {
    clearTimeout(timer);
  }
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Copies a directory tree (used for the fixture workspace, so tests never touch the repo). */
export function copyDir(from, to, { exclude = [] } = {}) {
  // Entry by entry: cpSync refuses a destination inside the source (our work dirs live in
  // .vscode-test/ of the repo), even when a filter would skip it.
  fs.mkdirSync(to, { recursive: true });
  for (const name of fs.readdirSync(from)) {
    if (exclude.includes(name)) continue;
    fs.cpSync(path.join(from, name), path.join(to, name), { recursive: true });
  }
}

/** Removes the work dir unless E2E_KEEP=1 (or the caller wants to keep it after a failure). */
export function scheduleWorkDirRemoval(workDir, { keepAnyway = () => false } = {}) {
  onCleanup(() => {
    if (keep || keepAnyway()) {
      info(`kept work dir ${workDir}`);
      return;
    }
    fs.rmSync(workDir, { recursive: true, force: true });
  });
}
