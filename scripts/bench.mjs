// Runs every benchmark in test/bench/*.bench.mjs, one after another, each in its own Node process
// (so one benchmark's JIT state and garbage cannot colour the next), and prints one report.
// Builds dist/ and out/ first. `npm run bench -- core` runs only the files
// whose name contains "core". Benchmarks are never part of the test suite: timing is reported,
// not asserted, except that a benchmark that crashes makes this script exit non-zero.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const benchDirectory = join(root, 'test', 'bench');
const filters = process.argv.slice(2);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

// Always from the current sources: a stale dist/ or out/ would measure old code.
for (const script of ['build', 'compile-tests']) {
  const step = spawnSync(npm, ['run', script, '--silent'], { cwd: root, stdio: 'inherit' });
  // tsc still emits when a file has a type error, so only a failed build stops the run.
  if (step.status !== 0 && script === 'build') {
    console.error('build failed; no benchmarks run');
    process.exit(1);
  }
}

const files = readdirSync(benchDirectory)
  .filter((name) => name.endsWith('.bench.mjs'))
  .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
  .sort();
if (files.length === 0) {
  console.error(`no benchmarks in test/bench/ match ${filters.join(', ') || '*.bench.mjs'}`);
  process.exit(1);
}

const results = [];
for (const name of files) {
  console.log(`\n━━ ${name} ${'━'.repeat(Math.max(0, 70 - name.length))}`);
  const started = performance.now();
  const run = spawnSync(process.execPath, [join(benchDirectory, name)], { cwd: root, stdio: 'inherit' });
  const seconds = (performance.now() - started) / 1000;
  const ok = run.status === 0;
  results.push({ name, ok, seconds, detail: ok ? '' : run.signal ? `killed by ${run.signal}` : `exit code ${run.status}` });
}

console.log(`\n━━ summary ${'━'.repeat(63)}`);
for (const { name, ok, seconds, detail } of results) {
  console.log(`  ${ok ? '✓' : '✗'} ${name.padEnd(40)} ${seconds.toFixed(1).padStart(6)} s${detail ? `  (${detail})` : ''}`);
}
const failed = results.filter((result) => !result.ok).length;
console.log(`${results.length - failed} benchmarks ran, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
