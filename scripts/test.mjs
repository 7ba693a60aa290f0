#!/usr/bin/env node
// `npm test`: the whole suite, on a fresh machine too (setup installs what is missing, idempotently).
//   setup → build → typecheck → compile tests → unit → integration → e2e
// Every stage's output streams live. Passed/failed counts are collected from every stage (a stage that fails
// without reporting counts as 1 failed; setup/build/typecheck/package count only when they fail). The very last
// line printed is `N passed, N failed` with the totals; the exit code is non-zero on any failure.
//
// One or some stages while developing:   npm test -- --stage unit        npm test -- --stage integration,e2e
//   (or NNL_STAGE=unit npm test). Prerequisites of the chosen stages (setup, build, compile) still run;
//   typecheck only runs when chosen or for the full suite.
// Narrow the tests:                        npm test -- --stage e2e --grep palette      (or MOCHA_GREP=...)
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(ROOT);

const TEST_STAGES = ['typecheck', 'unit', 'integration', 'e2e'];
const argv = process.argv.slice(2);
const argValue = (name) => {
  const i = argv.findIndex((a) => a === name || a.startsWith(name + '='));
  if (i < 0) return undefined;
  return argv[i].includes('=') ? argv[i].slice(name.length + 1) : argv[i + 1];
};
const stageArg = argValue('--stage') ?? process.env.NNL_STAGE;
const chosen = stageArg ? stageArg.split(',').map((s) => s.trim()).filter(Boolean) : TEST_STAGES;
for (const s of chosen) {
  if (!TEST_STAGES.includes(s)) {
    console.error(`unknown stage "${s}"; stages: ${TEST_STAGES.join(', ')}`);
    process.exit(2);
  }
}
const grep = argValue('--grep') ?? process.env.MOCHA_GREP;
if (grep) process.env.MOCHA_GREP = grep; // reaches the integration runner in the extension host (inherited env)
const wants = (s) => chosen.includes(s);
const needsServer = wants('integration') || wants('e2e');

const statsDir = mkdtempSync(join(tmpdir(), 'nnl-test-stats-'));
const results = [];
let interrupted = false;
let current; // the running child
process.on('SIGINT', () => {
  if (interrupted) return;
  interrupted = true;
  console.error('\n[test] interrupted: stopping the current stage…');
  // children run in their own process group (detached), so the terminal's Ctrl+C reaches them only this once
  if (current?.pid) try { process.kill(-current.pid, 'SIGINT'); } catch { /* gone */ }
});
process.on('SIGTERM', () => {
  interrupted = true;
  if (current?.pid) try { process.kill(-current.pid, 'SIGTERM'); } catch { /* gone */ }
});

function banner(text) {
  console.log(`\n━━━ ${text} ${'━'.repeat(Math.max(3, 72 - text.length))}`);
}

/** Runs a command, streaming its output; resolves { code, out } (out = stdout, kept when capture is set). */
function exec(cmd, args, { env = {}, capture = false } = {}) {
  return new Promise((resolveExec) => {
    const child = spawn(cmd, args, {
      cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true,
    });
    current = child;
    let out = '';
    child.stdout.on('data', (d) => { process.stdout.write(d); if (capture) out += d; });
    child.stderr.on('data', (d) => process.stderr.write(d));
    child.on('error', (e) => { console.error(`[test] ${cmd}: ${e.message}`); });
    child.on('close', (code, signal) => {
      current = undefined;
      resolveExec({ code: code ?? (signal ? 128 : 1), out });
    });
  });
}

/** A stage that counts only when it fails (setup, build, typecheck, package). */
async function checkStage(name, cmd, args, opts) {
  banner(name);
  const t0 = Date.now();
  const { code } = await exec(cmd, args, opts);
  const r = { name, passed: 0, failed: code === 0 ? 0 : 1, pending: 0, ms: Date.now() - t0, note: code === 0 ? 'ok' : `FAILED (exit ${code})` };
  results.push(r);
  return code === 0;
}

function notRun(name, why) {
  results.push({ name, passed: 0, failed: 0, pending: 0, ms: 0, note: `not run (${why})` });
}

/** A mocha stage with the counting reporter. */
async function mochaStage(name, config, env = {}) {
  banner(name);
  const t0 = Date.now();
  const statsFile = join(statsDir, `${name}.json`);
  rmSync(statsFile, { force: true });
  const args = ['node_modules/mocha/bin/mocha.js', '--config', config, '--reporter', 'test/harness/count-reporter.js'];
  if (process.stdout.isTTY) args.push('--color');
  if (grep) args.push('--grep', grep);
  const { code } = await exec(process.execPath, args, { env: { ...env, NNL_STATS_FILE: statsFile } });
  let s;
  try { s = JSON.parse(readFileSync(statsFile, 'utf8')); } catch { s = undefined; }
  let passed = s?.passes ?? 0;
  let failed = s?.failures ?? 0;
  if (code !== 0 && failed === 0) failed = 1; // crashed before reporting (or failed outside a test)
  if (!s && code === 0) failed = 1; // no report at all
  results.push({ name, passed, failed, pending: s?.pending ?? 0, ms: Date.now() - t0,
    note: s ? (code === 0 || s.failures ? '' : `mocha exited ${code}`) : `no report (exit ${code})` });
}

async function integrationStage() {
  banner('integration (extension host in code-server, smoke-test driver)');
  const t0 = Date.now();
  chmodSync('test/harness/code-test-shim.js', 0o755);
  const { code, out } = await exec(process.execPath, ['test/harness/run-integration.js'], { capture: true });
  // One RESULT line per pass (the Restricted Mode tests run in a second server): their sum.
  const all = [...out.matchAll(/^RESULT: (\d+) passed, (\d+) failed(?:, (\d+) pending)?/gm)];
  const m = all.at(-1);
  let passed = all.reduce((sum, r) => sum + Number(r[1]), 0);
  let failed = all.reduce((sum, r) => sum + Number(r[2]), 0);
  if (code !== 0 && failed === 0) failed = 1;
  if (!m && code === 0) failed = 1;
  results.push({ name: 'integration', passed, failed, pending: all.reduce((sum, r) => sum + Number(r[3] ?? 0), 0), ms: Date.now() - t0,
    note: m ? '' : `no RESULT line (exit ${code})` });
}

function summary() {
  const fmt = (ms) => `${(ms / 1000).toFixed(1)} s`.padStart(8);
  banner('summary');
  let passed = 0;
  let failed = 0;
  for (const r of results) {
    passed += r.passed;
    failed += r.failed;
    const counts = r.passed || r.failed || r.pending || ['unit', 'integration', 'e2e'].includes(r.name)
      ? `${r.passed} passed, ${r.failed} failed${r.pending ? `, ${r.pending} pending` : ''}` : '';
    console.log(`${r.failed ? '✗' : '✓'} ${r.name.padEnd(12)} ${fmt(r.ms)}  ${[counts, r.note].filter(Boolean).join('  ')}`);
  }
  rmSync(statsDir, { recursive: true, force: true });
  if (interrupted) { failed = Math.max(failed, 1); console.log('(interrupted)'); }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = interrupted ? 130 : failed > 0 ? 1 : 0;
}

async function main() {
  const t0 = Date.now();
  let serverReady = false;
  if (needsServer) serverReady = await checkStage('setup', process.execPath, ['scripts/setup-vscode.mjs']);
  if (interrupted) return;
  const built = await checkStage('build', 'npm', ['run', 'build', '--silent']);
  if (interrupted) return;
  if (wants('typecheck')) await checkStage('typecheck', 'npm', ['run', 'typecheck', '--silent']);
  if (interrupted) return;
  if (wants('unit') || wants('integration') || wants('e2e')) {
    // fresh out/ so that tests whose sources were deleted do not run; type errors were reported by typecheck
    // already, so only a compile that emits nothing counts (tsc exits 2 when it reports errors but still emits)
    banner('compile tests (tsc -p .)');
    const tc = Date.now();
    rmSync('out', { recursive: true, force: true });
    const { code } = await exec(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.', ...(wants('typecheck') ? ['--noCheck'] : [])]);
    const ok = code === 0 || (code === 2 && existsSync('out/test'));
    results.push({ name: 'compile', passed: 0, failed: ok ? 0 : 1, pending: 0, ms: Date.now() - tc,
      note: ok ? (code === 0 ? 'ok' : 'emitted (type errors: see typecheck)') : `FAILED (exit ${code})` });
    if (code === 2 && !wants('typecheck')) results.at(-1).failed = 1; // nobody else counted the type errors
  }
  if (interrupted) return;
  if (wants('unit')) await mochaStage('unit', 'test/unit/.mocharc.json');
  if (interrupted) return;
  if (wants('integration')) {
    if (!serverReady) notRun('integration', 'setup failed');
    else if (!built) notRun('integration', 'build failed');
    else await integrationStage();
  }
  if (interrupted) return;
  if (wants('e2e')) {
    if (!serverReady) notRun('e2e', 'setup failed');
    else {
      mkdirSync('dist-vsix', { recursive: true });
      const vsix = join(ROOT, 'dist-vsix', 'neural-network-lab.vsix');
      rmSync(vsix, { force: true });
      const packaged = await checkStage('package', 'npm', ['run', 'package', '--silent']);
      if (interrupted) return;
      if (packaged && existsSync(vsix)) await mochaStage('e2e', 'test/e2e/.mocharc.json', { NNL_VSIX: vsix });
      else notRun('e2e', 'packaging failed');
    }
  }
  console.log(`\n[test] total ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

main().catch((e) => {
  console.error(e);
  results.push({ name: 'test.mjs', passed: 0, failed: 1, pending: 0, ms: 0, note: String(e.message || e) });
}).finally(summary);
