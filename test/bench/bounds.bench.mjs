// The worst files the schema allows, in a real VS Code with the Training panel and the Error Chart
// view open, 30 s each: the extension host's event-loop delay (p99, budget 50 ms), its RSS growth
// (budget 200 MB) and the bytes of progress the host sends the views per second. Runs
// out/test/bench/bounds/index.js through the integration launcher, which prints the report.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
spawnSync(process.execPath, [path.join(root, 'scripts/setup-vscode.mjs')], { cwd: root, stdio: 'inherit' });
const result = spawnSync(process.execPath, [path.join(root, 'test/harness/run-integration.js')], {
  cwd: root,
  env: { ...process.env, NNL_EXTENSION_TESTS_PATH: path.join(root, 'out/test/bench/bounds/index.js') },
  encoding: 'utf8',
});
const report = (result.stdout + result.stderr).split('\n').filter((line) => /^bounds:|^  (worst|case)|^    (host|extension-host|progress)/.test(line));
console.log(report.length ? report.join('\n') : `bounds: no report (exit ${result.status})\n${result.stdout}\n${result.stderr}`);
process.exitCode = result.status ?? 1;
