// How training in a worker treats the extension host: the host's event-loop delay (p99) while a
// 10-million-iteration run trains and streams progress, against the same host idle; and the
// worker's training throughput against the bare core in this same process.
// Runs the host-side TrainingRun (no VS Code needed) against the built dist/worker.js.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const workerPath = path.join(root, 'dist/worker.js');
const runModule = path.join(root, 'out/src/training/trainingRun.js');
if (!existsSync(workerPath) || !existsSync(runModule)) {
  console.log('host-training: build first (npm run build && npm run compile-tests)');
  process.exit(1);
}
const { TrainingRun } = require(runModule);
const { nodePlatform } = require(path.join(root, 'out/src/platform/node/nodePlatform.js'));
const core = require(path.join(root, 'dist/core.js'));

const ITERATIONS = 10_000_000;
const inputs = [[3, 1.5], [2, 1], [4, 1.5], [3, 4], [3.5, 0.5], [2, 0.5], [5.5, 1], [1, 1]];
const targets = [0, 1, 0, 1, 0, 1, 1, 0];
const settings = { learningRate: 0.1, iterations: ITERATIONS, errorInterval: 100, seed: 42, hiddenLayers: [], activation: 'sigmoid', output: 'sigmoid' };

async function measureDelay(during) {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  await during();
  histogram.disable();
  return { p99: histogram.percentile(99) / 1e6, max: histogram.max / 1e6 };
}

const idle = await measureDelay(() => new Promise((resolve) => setTimeout(resolve, 2000)));

let messages = 0;
let bytes = 0;
let seconds = 0;
const busy = await measureDelay(
  () =>
    new Promise((resolve) => {
      const started = performance.now();
      const info = { runId: 'bench', datasetUri: 'file:///bench.nn.json', datasetName: 'bench', settings, trainRows: 8, testRows: 0, startedAt: Date.now() };
      const run = new TrainingRun(info, { inputs, targets, testInputs: [], testTargets: [] }, nodePlatform(path.join(root, 'dist')), {
        // What the real host does with each batch: serialize it for the webviews.
        progress: (_run, batch) => {
          messages++;
          bytes += JSON.stringify({ type: 'progress', ...batch, parameters: _run.parameters }).length;
        },
        ended: () => {
          seconds = (performance.now() - started) / 1000;
          resolve();
        },
      });
      void run;
    }),
);

// The bare core in this process: the same run, no worker, no messages.
const bareStart = performance.now();
new core.NeuralNetwork({ learningRate: 0.1, seed: 42 }).train(inputs, targets, ITERATIONS, { errorInterval: 100 });
const bareSeconds = (performance.now() - bareStart) / 1000;

const ratio = bareSeconds / seconds;
console.log('host-training: extension host while a worker trains 10,000,000 iterations');
console.log(`  event-loop delay p99: idle ${idle.p99.toFixed(2)} ms, training ${busy.p99.toFixed(2)} ms (max ${busy.max.toFixed(2)} ms)   budget p99 < 20 ms: ${busy.p99 < 20 ? 'OK' : 'OVER'}`);
console.log(`  progress messages: ${messages} (${(bytes / 1024).toFixed(0)} KiB), one per ${(seconds * 1000 / Math.max(1, messages)).toFixed(0)} ms`);
console.log(`  throughput: worker ${(ITERATIONS / seconds / 1e6).toFixed(2)} M steps/s, bare core ${(ITERATIONS / bareSeconds / 1e6).toFixed(2)} M steps/s → ${(ratio * 100).toFixed(0)}% of bare   target ≥ 80%: ${ratio >= 0.8 ? 'OK' : 'UNDER'}`);
