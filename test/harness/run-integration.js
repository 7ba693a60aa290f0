#!/usr/bin/env node
'use strict';
// Integration stage: the standard @vscode/test-electron runTests(), with `vscodeExecutablePath` pointing at
// code-test-shim.js (code-server + chromium instead of a downloaded desktop VS Code, which is offline-impossible).
// Tests: out/test/integration/**/*.test.js, run in the extension host by out/test/integration/index.js.
// The workspace is a fresh temp folder holding a copy of media/datasets/*.nn.json.
// A second pass runs out/test/integration-restricted/ in a server with workspace trust on, where the
// folder opens in Restricted Mode (the first pass runs with trust off, as a trusted workspace).
// Usage: node test/harness/run-integration.js    (after `npm run build` and `tsc -p .`)
const fs = require('node:fs');
const path = require('node:path');
const { runTests } = require('@vscode/test-electron');
const { ROOT, makeWorkspace, makeTempDir } = require('./code-server.js');

async function main() {
  const shim = path.join(__dirname, 'code-test-shim.js');
  fs.chmodSync(shim, 0o755); // spawned directly by runTests: must be executable
  // NNL_EXTENSION_TESTS_PATH: another in-host entry (the latency benchmark uses the same launcher).
  const extensionTestsPath = process.env.NNL_EXTENSION_TESTS_PATH || path.join(ROOT, 'out', 'test', 'integration', 'index.js');
  if (!fs.existsSync(extensionTestsPath)) {
    console.error(`${extensionTestsPath} missing: compile the tests first (tsc -p .)`);
    console.log('RESULT: 0 passed, 1 failed');
    return 1;
  }
  const passes = [{ extensionTestsPath, env: {} }];
  const restricted = path.join(ROOT, 'out', 'test', 'integration-restricted', 'index.js');
  if (!process.env.NNL_EXTENSION_TESTS_PATH && fs.existsSync(restricted)) passes.push({ extensionTestsPath: restricted, env: { NNL_WORKSPACE_TRUST: '1' } });
  let code = 0;
  for (const pass of passes) code = (await runPass(shim, pass)) || code;
  return code;
}

async function runPass(shim, { extensionTestsPath, env }) {
  const state = makeTempDir('nnl-it-');
  const workspace = makeWorkspace({ prefix: 'nnl-it-ws-' });
  try {
    await runTests({
      vscodeExecutablePath: shim,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath,
      launchArgs: [workspace, `--user-data-dir=${path.join(state, 'ud')}`, `--extensions-dir=${path.join(state, 'exts')}`],
      extensionTestsEnv: { NNL_TEST_WORKSPACE: workspace, ...env },
    });
    return 0;
  } catch (e) {
    console.error(`integration: ${e.message || e}`);
    return typeof e.code === 'number' && e.code !== 0 ? e.code : 1;
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(state, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code));
