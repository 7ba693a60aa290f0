#!/usr/bin/env node
// `npm start`: try the extension in a real VS Code (code-server) in your browser.
// Builds and packages the VSIX, installs the tools if needed (scripts/setup-vscode.mjs), installs the VSIX into an
// isolated code-server under .vscode-e2e/start/, prepares .vscode-e2e/start/workspace (a copy of the tutorial
// dataset, made once), serves on 127.0.0.1 (port 8080 or the next free one; PORT=... to choose) and stays in the
// foreground until Ctrl+C, which stops the server by PID. The address it prints opens tutorial.nn.json, and on the
// first start the extension opens its walkthrough (VS Code's walkthroughs-on-install setting is on in this profile).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setup } from './setup-vscode.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const START = join(ROOT, '.vscode-e2e', 'start');
const WORKSPACE = join(START, 'workspace');
const VSIX = join(ROOT, 'dist-vsix', 'neural-network-lab.vsix');

function step(text) { console.log(`\n[start] ${text}`); }

/** User settings of the npm start profile, written once (later starts keep the learner's). */
export const START_SETTINGS = { 'workbench.welcomePage.walkthroughs.openOnInstall': true };

/**
 * The address to open: the workspace folder, and (through the workbench's `payload` query, which VS Code
 * for the web reads as the files to open) the tutorial dataset in an editor.
 */
export function startUrl(origin, workspace, file) {
  const host = new URL(origin).host;
  const payload = [['openFile', `vscode-remote://${host}${file.split(sep).map(encodeURIComponent).join('/')}`]];
  return `${origin}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

function npmRun(script) {
  const r = spawnSync('npm', ['run', script], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) {
    console.error(`[start] npm run ${script} failed (${r.status ?? r.signal})`);
    process.exit(1);
  }
}

async function main() {
  step('setting up code-server and the browser tools (a no-op when done)');
  try { setup(); } catch (e) { console.error(`[start] setup failed: ${e.message}`); process.exit(e.exitCode ?? 1); }

  step('building and packaging the VSIX');
  mkdirSync(join(ROOT, 'dist-vsix'), { recursive: true });
  npmRun('package');

  const { startCodeServer, installExtension } = require('../test/harness/code-server.js');
  const dirs = { userDataDir: join(START, 'user-data'), extensionsDir: join(START, 'extensions') };
  mkdirSync(dirs.extensionsDir, { recursive: true });
  step(`installing ${VSIX} into ${dirs.extensionsDir}`);
  process.stdout.write(installExtension(VSIX, { ...dirs, stateDir: START }));

  mkdirSync(WORKSPACE, { recursive: true });
  const tutorial = join(ROOT, 'media', 'datasets', 'tutorial.nn.json');
  const copy = join(WORKSPACE, 'tutorial.nn.json');
  if (!existsSync(copy) && existsSync(tutorial)) {
    copyFileSync(tutorial, copy);
    step(`workspace ${WORKSPACE} created with a copy of media/datasets/tutorial.nn.json`);
  }

  const port = Number(process.env.PORT) || 8080;
  const server = await startCodeServer({ ...dirs, stateDir: START, workspace: WORKSPACE, port, settings: START_SETTINGS, preserveSettings: true });
  const url = startUrl(server.origin, WORKSPACE, copy);
  console.log(`
  Neural Network Lab is running in VS Code (code-server ${server.port === port ? '' : `on port ${server.port}, ${port} was taken `}pid ${server.pid}).
  Open in a browser on this machine:

      ${url}

  (use 127.0.0.1 or localhost: webviews need a secure context; server log: ${server.logFile})
  Press Ctrl+C to stop.
`);
  let stopping = false;
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => { stopping = true; });
  const { code, signal } = await server.exited;
  if (stopping) return; // Ctrl+C: the harness stops the server by PID, then exits
  console.error(`[start] code-server exited by itself (${code ?? signal}); see ${server.logFile}`);
  process.exit(1);
}

// Run when started as a script, not when imported (the e2e test imports startUrl). Real paths on both sides: Node
// gives import.meta.url with symlinks resolved but argv[1] as typed, so a path through a symlink would do nothing.
const isMain = () => { try { return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url)); } catch { return false; } };
if (isMain()) {
  main().catch((e) => { console.error(`[start] ${e.stack || e}`); process.exit(1); });
}
