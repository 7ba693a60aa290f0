#!/usr/bin/env node
'use strict';
// Stands in for the VS Code executable that @vscode/test-electron's runTests() launches (`vscodeExecutablePath`).
// It takes the arguments runTests passes:
//   --extensionDevelopmentPath=<abs> (repeatable)  --extensionTestsPath=<abs>  --user-data-dir=<dir>
//   --extensions-dir=<dir>  [folder]   (Electron flags such as --no-sandbox are ignored)
// starts code-server WITH the smoke-test driver (without it the workbench ignores the URL payload), opens the
// workbench in Debian chromium via playwright-core with the test payload, forwards the extension host's console
// (window.codeAutomationLog) and exits with the code the tests report (window.codeAutomationExit).
// Env: NNL_INTEGRATION_TIMEOUT_MS (default 600000), NNL_HARNESS_DEBUG=1 (server + browser console output),
//      NNL_WORKSPACE_TRUST=1 (workspace trust on: the folder opens in Restricted Mode).

const path = require('node:path');
const util = require('node:util');
const { startCodeServer, launchBrowser, workbenchUrl } = require('./code-server.js');

// Workbench log lines that come through codeAutomationLog on every run, offline (shown with NNL_HARNESS_DEBUG=1).
const NOISE = [
  /^Resolv(ing|ed) connection token/, /^Creating a socket/, /^\[reconnection-grace-time\]/,
  /^Updating additional builtin extensions cache/, /^\[Service Worker\]/, /^\[AgentHost/, /^\[AccountPolicyGate\]/,
  /ENOTFOUND open-vsx\.org/, /authentication provider 'github'/, /vsda/,
];

function parseArgs(argv) {
  const o = { extensionDevelopmentPath: [], extensionTestsPath: undefined, userDataDir: undefined, extensionsDir: undefined, folder: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^--([^=]+)(?:=(.*))?$/s.exec(a);
    if (!m) { if (!o.folder) o.folder = path.resolve(a); continue; }
    const [, key, inline] = m;
    const value = () => (inline !== undefined ? inline : argv[++i]);
    switch (key) {
      case 'extensionDevelopmentPath': o.extensionDevelopmentPath.push(path.resolve(value())); break;
      case 'extensionTestsPath': o.extensionTestsPath = path.resolve(value()); break;
      case 'user-data-dir': o.userDataDir = path.resolve(value()); break;
      case 'extensions-dir': o.extensionsDir = path.resolve(value()); break;
      default: break; // Electron / VS Code desktop flags: irrelevant here
    }
  }
  return o;
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (!o.extensionTestsPath || o.extensionDevelopmentPath.length === 0) {
    console.error('code-test-shim: --extensionDevelopmentPath= and --extensionTestsPath= are required');
    return 2;
  }
  const debug = !!process.env.NNL_HARNESS_DEBUG;
  const timeoutMs = Number(process.env.NNL_INTEGRATION_TIMEOUT_MS) || 600000;
  const t0 = Date.now();
  const secs = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
  let server;
  let browser;
  try {
    server = await startCodeServer({
      workspace: o.folder, userDataDir: o.userDataDir, extensionsDir: o.extensionsDir, smokeTestDriver: true, echo: debug,
      workspaceTrust: process.env.NNL_WORKSPACE_TRUST === '1',
    });
    console.log(`[shim] code-server ${server.origin} (pid ${server.pid}) ready after ${secs()}`);
    const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${encodeURI(p)}`;
    const payload = [
      ...o.extensionDevelopmentPath.map((p) => ['extensionDevelopmentPath', remote(p)]),
      ['extensionTestsPath', remote(o.extensionTestsPath)],
    ];
    browser = await launchBrowser();
    const { page } = browser;
    let finish;
    const done = new Promise((resolve) => { finish = resolve; });
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = util.format(...(Array.isArray(args) ? args : [args]));
      if (!debug && NOISE.some((re) => re.test(line))) return;
      // one stream, so that the order of test output and errors is kept
      process.stdout.write(line.endsWith('\n') ? line : line + '\n');
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish({ code: Number(code) || 0 }));
    page.on('crash', () => finish({ code: 1, why: 'the workbench page crashed' }));
    page.on('close', () => finish({ code: 1, why: 'the workbench page closed' }));
    if (debug) page.on('console', (m) => console.error(`[browser ${m.type()}] ${m.text()}`));
    const timer = setTimeout(() => finish({ code: 1, why: `no result within ${timeoutMs / 1000} s` }), timeoutMs);
    await page.goto(workbenchUrl(server.origin, o.folder, payload));
    console.log(`[shim] workbench loading (${secs()}); tests run in the remote extension host`);
    const { code, why } = await done;
    clearTimeout(timer);
    if (why) console.error(`[shim] ${why}`);
    console.log(`[shim] tests exited with code ${code} after ${secs()}`);
    return code;
  } catch (e) {
    console.error(`[shim] ${e.stack || e}`);
    return 1;
  } finally {
    await browser?.close();
    await server?.stop();
  }
}

main().then((code) => process.exit(code), (e) => { console.error(e); process.exit(1); });
