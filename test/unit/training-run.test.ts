// The host's view of a worker run, in plain Node against the built dist/worker.js: the parameters
// kept at recorded iterations are exactly the core's, and a wide network keeps few of them; what the
// worker sends is bounded (points per message, parameters or their summary, parameter snapshots in numbers),
// and it waits for the host to handle a message before it posts the next.
import * as assert from 'assert';
import * as path from 'path';
import { NeuralNetwork } from '../../src/core';
import { TrainingRun } from '../../src/training/trainingRun';
import type { TrainingSettings } from '../../src/protocol';
import { nodePlatform } from '../../src/platform/node/nodePlatform';
import { localStopFlag, type Platform } from '../../src/platform/platform';
import type { ProgressBatch } from '../../src/training/trainingRun';
import { FULL_PARAMETERS_MAX_VALUES, parameterCount, summarizeParameters } from '../../src/training/parameterSummary';
import { maxPointsOf } from '../../src/training/decimation';

const PLATFORM = nodePlatform(path.resolve(__dirname, '..', '..', '..', 'dist'));
const INPUTS = [[3, 1.5], [2, 1], [4, 1.5], [3, 4], [3.5, 0.5], [2, 0.5], [5.5, 1], [1, 1]];
const TARGETS = [0, 1, 0, 1, 0, 1, 1, 0];

function train(
  settings: TrainingSettings,
  platform: Pick<Platform, 'startTrainingWorker' | 'createStopFlag'> = PLATFORM,
  started?: (run: TrainingRun, batch: ProgressBatch) => void,
  rows: { inputs: number[][]; targets: number[] } = { inputs: INPUTS, targets: TARGETS },
): Promise<TrainingRun> {
  return new Promise((resolve) => {
    const info = { runId: 'test', datasetUri: 'file:///test.nn.json', datasetName: 'test.nn.json', settings, trainRows: rows.inputs.length, testRows: 0, startedAt: 0 };
    const run = new TrainingRun(info, { ...rows, testInputs: [], testTargets: [] }, platform, {
      progress: (progressed, batch) => started?.(progressed, batch),
      boundary: () => undefined,
      ended: resolve,
    });
    void run;
  });
}

describe('TrainingRun (worker thread)', function () {
  this.timeout(60_000);
  const base: TrainingSettings = { learningRate: 0.1, iterations: 5000, errorInterval: 100, seed: 3, hiddenLayers: [], activation: 'sigmoid', output: 'sigmoid' };

  it('keeps, at each recorded iteration, exactly the parameters the core has after that update', async () => {
    const run = await train(base);
    assert.strictEqual(run.end?.status, 'completed');
    assert.strictEqual(run.parameterSnapshots.length, 50);
    for (const snapshot of [run.parameterSnapshots[0], run.parameterSnapshots[17], run.parameterSnapshots[49]]) {
      const network = new NeuralNetwork({ learningRate: 0.1, seed: 3 });
      network.train(INPUTS, TARGETS, snapshot.iteration + 1);
      assert.deepStrictEqual(snapshot.parameters, network.parameters(), `iteration ${snapshot.iteration}`);
    }
    const reference = new NeuralNetwork({ learningRate: 0.1, seed: 3 });
    assert.deepStrictEqual(run.train.points().map(([, error]) => error), reference.train(INPUTS, TARGETS, 5000));
  });

  it('ends with advice computed and followed in the worker: the tutorial\'s rows and seed 42', async () => {
    const run = await train({ ...base, iterations: 10000, seed: 42 });
    assert.strictEqual(run.end?.status, 'completed');
    assert.ok(run.diagnosis?.oneNeuron, 'the worker sent the diagnosis');
    assert.strictEqual(run.diagnosis.trials.length, 2, 'a hidden layer, then with 10× the iterations');
    assert.match(run.end.message, /stays near 1\.97 .*best one gets 6 of 8 right.*is 1\.88.*With 100,000 iterations .*8 of 8 rows right.*memorising, not learning/);
  });

  it('keeps fewer parameter snapshots for a wide network, evenly spread', async () => {
    const run = await train({ ...base, iterations: 20000, hiddenLayers: [64, 64], activation: 'tanh' });
    // 4,481 parameters: a budget of 200,000 numbers leaves room for 44 parameter snapshots of the 200 recorded points.
    assert.ok(run.parameterSnapshots.length <= 50 && run.parameterSnapshots.length >= 40, `${run.parameterSnapshots.length} parameter snapshots`);
    const gaps = new Set(run.parameterSnapshots.slice(1).map((snapshot, index) => snapshot.iteration - run.parameterSnapshots[index].iteration));
    assert.strictEqual(gaps.size, 1, 'evenly spread');
  });

  // The web's way (no shared memory): the stop is a message the worker reads when it yields between
  // chunks. A worker that had to be terminated would leave no model; one that heard the stop ends
  // the run itself and hands its model over.
  it('stops on a stop message when there is no shared flag, the worker ending the run itself', async () => {
    const messageStop = { startTrainingWorker: PLATFORM.startTrainingWorker, createStopFlag: localStopFlag };
    let stopping: Promise<void> | undefined;
    const run = await train({ ...base, iterations: 1_000_000_000 }, messageStop, (progressed) => (stopping ??= progressed.stop()));
    await stopping;
    assert.strictEqual(run.end?.status, 'stopped');
    assert.ok(run.model, 'the worker sent its model: it was not terminated');
    assert.ok(run.iteration > 0 && run.iteration < 1_000_000_000, `${run.iteration} iterations`);
  });

  // A [256]×8 network's decision boundary (48² forward passes) takes longer than the 1 s a stopping
  // worker is given before it is terminated: the worker draws none once Stop is asked (and reads the
  // flag while it draws one), so it ends the run itself. A smaller net keeps this test quick.
  it('draws no decision boundary once Stop is asked, the worker ending the run itself', async () => {
    const settings: TrainingSettings = { ...base, hiddenLayers: Array(4).fill(128), activation: 'tanh', iterations: 1_000_000_000 };
    const info = { runId: 'wide', datasetUri: 'file:///test.nn.json', datasetName: 'test.nn.json', settings, trainRows: 8, testRows: 0, startedAt: 0 };
    let stopping: Promise<void> | undefined;
    let boundaries = 0;
    let afterStop = 0;
    let stopAsked = false;
    const run = await new Promise<TrainingRun>((resolve) => {
      const area = { x: [0, 6] as [number, number], y: [0, 4.5] as [number, number], size: 48, units: { size: 12, maxPerLayer: 12 } };
      void new TrainingRun(info, { inputs: INPUTS, targets: TARGETS, testInputs: [], testTargets: [] }, PLATFORM, {
        progress: () => undefined,
        boundary: (progressed) => {
          boundaries++;
          if (stopAsked) afterStop++;
          stopping ??= new Promise((wait) => setTimeout(wait, 300)).then(() => {
            stopAsked = true;
            return progressed.stop();
          });
        },
        ended: resolve,
      }, 50, area);
    });
    await stopping;
    assert.strictEqual(run.end?.status, 'stopped');
    assert.ok(run.model, 'the worker sent its model: it was not terminated');
    assert.ok(boundaries >= 1, 'a boundary was drawn before the Stop');
    assert.strictEqual(afterStop, 0, 'no boundary drawn once Stop was asked');
  });

  it('sends at most 128 points of a series per message, and counts every error recorded', async () => {
    const batches: number[] = [];
    let stopping: Promise<void> | undefined;
    const run = await train({ ...base, iterations: 1_000_000_000, errorInterval: 1 }, PLATFORM, (progressed, batch) => {
      batches.push(batch.points.length);
      if (progressed.recordedPoints > 400_000) stopping ??= progressed.stop();
    });
    await stopping;
    assert.ok(Math.max(...batches) <= 128, `largest batch ${Math.max(...batches)}`);
    assert.strictEqual(run.recordedPoints, run.iteration, 'errorInterval 1: one error per iteration');
    assert.ok(run.train.length <= maxPointsOf({ buckets: 4096, recent: 8192 }) && run.train.length < run.recordedPoints);
    assert.strictEqual(run.train.last?.[0], run.iteration - 1, 'the newest error is the last iteration’s');
  });

  it('sends a network too large to list as a per-layer summary, never weight by weight, and keeps summaries as parameter snapshots', async () => {
    // 100 inputs into 64 units: 6,529 weights and biases, more than FULL_PARAMETERS_MAX_VALUES.
    const inputs = Array.from({ length: 4 }, (_, row) => Array.from({ length: 100 }, (_, index) => Math.sin(row * 100 + index)));
    const batches: ProgressBatch[] = [];
    const run = await train({ ...base, iterations: 3000, errorInterval: 10, hiddenLayers: [64] }, PLATFORM, (_run, batch) => void batches.push(batch), { inputs, targets: [0, 1, 1, 0] });
    assert.strictEqual(run.end?.status, 'completed', run.end?.message);
    assert.ok(parameterCount(run.model!.layers) > FULL_PARAMETERS_MAX_VALUES);
    assert.ok(batches.every((batch) => (batch.parameters ?? []).length === 0), 'no full parameters in any message');
    assert.deepStrictEqual(run.parameters, []);
    assert.deepStrictEqual(run.parameterSummary, summarizeParameters(run.model!.layers), 'the last summary is of the final model');
    assert.deepStrictEqual(run.parameterSummary!.map((layer) => [layer.units, layer.inputs]), [[64, 100], [1, 64]]);
    assert.ok(run.parameterSnapshots.length > 0 && run.parameterSnapshots.length * 2 * 8 <= 200_000);
    assert.ok(run.parameterSnapshots.every((snapshot) => snapshot.parameters.length === 0 && snapshot.parameterSummary?.length === 2));
  });

  it('keeps parameter snapshots within 200,000 numbers, not a count: a network near the listing limit keeps 40', async () => {
    // 2 inputs, [64, 64, 8]: 4,937 values.
    const run = await train({ ...base, iterations: 20000, errorInterval: 10, hiddenLayers: [64, 64, 8], activation: 'tanh' });
    const values = run.parameterSnapshots.reduce((sum, snapshot) => sum + parameterCount(snapshot.parameters), 0);
    assert.ok(values <= 200_000, `${values} numbers in parameter snapshots`);
    assert.ok(run.parameterSnapshots.length >= 30, `${run.parameterSnapshots.length} parameter snapshots`);
  });

  it('waits for the host to handle each message before posting the next, so a slow host still gets its turn and Stop is prompt', async () => {
    // A host that takes 150 ms per message while the worker could post every 50 ms: without the
    // acknowledgements the messages would queue up, and the run would end only once the host had
    // worked through them all (seconds after Stop), its timers waiting behind each batch.
    let lateness = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      lateness = Math.max(lateness, now - last - 10);
      last = now;
    }, 10);
    let stopping: Promise<void> | undefined;
    let stopAsked = 0;
    const started = performance.now();
    let handled = 0;
    await train({ ...base, iterations: 1_000_000_000, errorInterval: 1 }, PLATFORM, (progressed) => {
      handled++;
      const busyUntil = performance.now() + 150;
      while (performance.now() < busyUntil) { /* a slow host */ }
      if (!stopping && performance.now() - started > 2500) {
        stopAsked = performance.now();
        stopping = progressed.stop();
      }
    });
    const stopTook = performance.now() - stopAsked;
    await stopping;
    clearInterval(timer);
    assert.ok(handled >= 5, `${handled} messages handled`);
    assert.ok(stopTook < 1000, `the run ended ${stopTook.toFixed(0)} ms after Stop`);
    assert.ok(lateness < 1000, `a 10 ms timer was ${lateness.toFixed(0)} ms late`);
  });
});
