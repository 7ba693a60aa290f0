// Runs, as the extension host starts and stops them (issue 10): how soon a Stop ends a run — the
// host's start/stop state machine (RunSessions) over real TrainingRuns in dist/worker.js, stop()
// → the run's `ended`, p50/p99 over 50 stops mid-run, for the tutorial net and a [256]×8 net
// (with the decision boundary and unit heatmaps the host asks of a 2-input dataset) — and what
// "Run to iteration" 1e7 costs the host's event loop now that it trains in a worker, against the
// same steps run synchronously on the host (as it was before). No VS Code: the workbench's frame
// interval is workbench.bench.mjs's.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const out = (file) => path.join(root, 'out/src', file);
if (!existsSync(path.join(root, 'dist/worker.js')) || !existsSync(out('training/trainingRun.js'))) {
  console.log('runs: build first (npm run build && npm run compile-tests)');
  process.exit(1);
}
const { TrainingRun } = require(out('training/trainingRun.js'));
const { RunSessions } = require(out('training/runSessions.js'));
const { startRunTo } = require(out('training/runToJob.js'));
const { nodePlatform } = require(out('platform/node/nodePlatform.js'));
const core = require(path.join(root, 'dist/core.js'));
const platform = nodePlatform(path.join(root, 'dist'));

const inputs = [[3, 1.5], [2, 1], [4, 1.5], [3, 4], [3.5, 0.5], [2, 0.5], [5.5, 1], [1, 1]];
const targets = [0, 1, 0, 1, 0, 1, 1, 0];
const data = { inputs, targets, testInputs: [], testTargets: [] };
/** As trainingManager.ts asks it of the tutorial's rows. */
const BOUNDARY = { x: [0.5, 6], y: [0, 4.5], size: 48, units: { size: 12, maxPerLayer: 12 } };
const STOPS = 50;

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const ms = (value) => `${value.toFixed(1)} ms`;

// ── Stop latency ────────────────────────────────────────────────────────────────────────────────
async function stopLatencies(name, network) {
  const settings = { learningRate: 0.05, iterations: 1_000_000_000, errorInterval: 100, seed: 42, activation: 'tanh', output: 'sigmoid', ...network };
  let firstProgress;
  const sessions = new RunSessions((session, request, ended) => {
    const info = { runId: `${session}-${request}`, datasetUri: 'file:///bench.nn.json', datasetName: 'bench', settings, trainRows: 8, testRows: 0, startedAt: Date.now() };
    return new TrainingRun(info, data, platform, { progress: () => firstProgress?.(), boundary: () => {}, ended }, 50, BOUNDARY);
  });
  const latencies = [];
  for (let stop = 0; stop < STOPS; stop++) {
    const progressed = new Promise((resolve) => (firstProgress = resolve));
    await sessions.start('bench', 'file:///bench.nn.json', stop);
    await progressed;
    // Somewhere in the middle of a chunk (or a boundary), not just after a progress message.
    await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 200));
    const asked = performance.now();
    await sessions.stop('file:///bench.nn.json');
    latencies.push(performance.now() - asked);
    if (sessions.busy) throw new Error('a run is still going after its Stop');
  }
  console.log(`  ${name.padEnd(22)} p50 ${ms(quantile(latencies, 0.5))}, p99 ${ms(quantile(latencies, 0.99))}, max ${ms(Math.max(...latencies))}`);
  return latencies;
}

console.log(`runs: Stop → run ended (RunSessions.stop over a TrainingRun in dist/worker.js, ${STOPS} stops each, 20–220 ms after the first progress)`);
const tutorialStops = await stopLatencies('tutorial net (2-1)', { hiddenLayers: [] });
const wideStops = await stopLatencies('[256]×8 net', { hiddenLayers: Array(8).fill(256) });
const worstP99 = Math.max(quantile(tutorialStops, 0.99), quantile(wideStops, 0.99));
console.log(`  budget p99 < 250 ms (the worker reads the stop flag about every 10 ms of work): ${worstP99 < 250 ? 'OK' : 'OVER'}`);

// ── Run to iteration: the host's event loop meanwhile ───────────────────────────────────────────
const RUN_TO = 10_000_000;
async function measureDelay(during) {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  const result = await during();
  histogram.disable();
  return { ...result, p99: histogram.percentile(99) / 1e6, max: histogram.max / 1e6 };
}
const network = new core.NeuralNetwork({ learningRate: 0.1, seed: 42 });
const request = { model: network.snapshot(), sampler: network.sampler.state(), inputs, targets, steps: RUN_TO };
const idle = await measureDelay(() => new Promise((resolve) => setTimeout(resolve, 1000)));
const inWorker = await measureDelay(async () => {
  const started = performance.now();
  const outcome = await startRunTo(platform, request).outcome;
  return { seconds: (performance.now() - started) / 1000, status: outcome.status, done: outcome.done };
});
const onHost = core.NeuralNetwork.fromSnapshot(request.model);
onHost.sampler.restore(request.sampler);
const blockedFrom = performance.now();
core.createTrainer(onHost, inputs, targets, { iterations: RUN_TO, errorInterval: RUN_TO }).run(RUN_TO);
const blocked = performance.now() - blockedFrom;
console.log(`runs: Run to iteration ${RUN_TO.toLocaleString('en')} (tutorial net) in the worker: ${inWorker.status} after ${inWorker.done.toLocaleString('en')} steps in ${inWorker.seconds.toFixed(2)} s`);
console.log(`  host event-loop delay p99: idle ${ms(idle.p99)}, during Run to ${ms(inWorker.p99)} (max ${ms(inWorker.max)})   budget p99 < 20 ms: ${inWorker.p99 < 20 ? 'OK' : 'OVER'}`);
console.log(`  the same steps on the host, as before: the event loop blocked ${ms(blocked)} in one go`);
if (inWorker.status !== 'completed' || inWorker.done !== RUN_TO) process.exitCode = 1;
