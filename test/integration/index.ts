// In-host test runner: @vscode/test-electron's runTests() points `extensionTestsPath` at this file (compiled to
// out/test/integration/index.js). VS Code loads it inside the (remote) extension host and calls run().
// It runs every out/test/integration/**/*.test.js with mocha 11 (mocha 12 is ESM-only) and ends with the line
// `RESULT: N passed, N failed[, N pending]`, which scripts/test.mjs reads for its totals.
// MOCHA_GREP (environment) narrows the run to matching test titles.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

function testFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.test.js'))
    .map((f) => path.join(dir, f))
    .sort();
}

export function run(): Promise<void> {
  return runTestsIn(__dirname);
}

/** Runs every *.test.js under `dir` (the Restricted Mode pass has a folder of its own). */
export function runTestsIn(dir: string): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: false, reporter: 'spec' });
  if (process.env.MOCHA_GREP) mocha.grep(process.env.MOCHA_GREP);
  const files = testFiles(dir);
  for (const f of files) mocha.addFile(f);
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run(() => {
        const s = runner.stats ?? { passes: 0, failures: 0, pending: 0 };
        const pending = s.pending ? `, ${s.pending} pending` : '';
        // A run with no test at all is a failure too: it means the files were not found or not loaded
        // (unless --grep left nothing to run here: the other pass may hold the matching tests).
        const failed = s.failures + (s.passes + s.failures === 0 && !process.env.MOCHA_GREP ? 1 : 0);
        console.log(`RESULT: ${s.passes} passed, ${failed} failed${pending}`);
        if (failed > 0) reject(new Error(`${failed} integration test(s) failed`));
        else resolve();
      });
    } catch (err) {
      console.error(err);
      console.log('RESULT: 0 passed, 1 failed');
      reject(err);
    }
  });
}
