// Check My Code's latency in a real VS Code: out/test/bench/exercise/index.js through the same
// launcher as the integration tests, which prints the report.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
spawnSync(process.execPath, [path.join(root, 'scripts/setup-vscode.mjs')], { cwd: root, stdio: 'inherit' });

const result = spawnSync(process.execPath, [path.join(root, 'test/harness/run-integration.js')], {
  cwd: root,
  env: { ...process.env, NNL_EXTENSION_TESTS_PATH: path.join(root, 'out/test/bench/exercise/index.js') },
  encoding: 'utf8',
});
const report = (result.stdout + result.stderr).split('\n').filter((line) => line.startsWith('Check My Code'));
console.log(report.length ? report.join('\n') : `exercise: no report (exit ${result.status})\n${result.stdout}\n${result.stderr}`);
process.exitCode = result.status ?? 1;
