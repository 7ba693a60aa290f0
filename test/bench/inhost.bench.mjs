// Latency budgets inside a real VS Code: runs out/test/bench/inhost/index.js through the same
// launcher as the integration tests (the VS Code server + Chromium), which prints the report.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
// The VS Code server and Chromium, as `npm test` sets them up (a no-op once done).
spawnSync(process.execPath, [path.join(root, 'scripts/setup-vscode.mjs')], { cwd: root, stdio: 'inherit' });
const result = spawnSync(process.execPath, [path.join(root, 'test/harness/run-integration.js')], {
  cwd: root,
  env: { ...process.env, NNL_EXTENSION_TESTS_PATH: path.join(root, 'out/test/bench/inhost/index.js') },
  encoding: 'utf8',
});
const report = (result.stdout + result.stderr).split("\n").filter((line) => /^in VS Code|^  (activation|[\d,]+ rows|lens latency)|^    \(of which|^     (the same|with VS Code|the diagnostics)|^    [a-zA-Z]/.test(line));
console.log(report.length ? report.join('\n') : `inhost: no report (exit ${result.status})\n${result.stdout}\n${result.stderr}`);
process.exitCode = result.status ?? 1;
