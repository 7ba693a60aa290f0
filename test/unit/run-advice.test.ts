// The advice after a run is true, and it is tested by following it: whatever settings a message
// suggests are run again here by the core, independently of the worker's trial, and must give the
// numbers the message quotes and a visible improvement when it says so.
import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { createTrainer, NeuralNetwork } from '../../src/core';
import { parseDataset } from '../../src/dataset';
import { errorTail } from '../../src/core/errorTail';
import { linearSeparability } from '../../src/core/separability';
import { countParameters, diagnoseRun, type RunDiagnosis } from '../../src/training/runDiagnosis';
import { endMessage } from '../../src/training/runMessages';
import { shortNumber } from '../../src/training/oneNeuronAdvice';
import type { TrainingSettings } from '../../src/protocol';

interface Rows { inputs: number[][]; targets: number[]; testInputs: number[][]; testTargets: number[]; start?: { weights: number[]; bias: number } }

const DEFAULTS: TrainingSettings = { learningRate: 0.1, iterations: 10000, errorInterval: 100, seed: 1, hiddenLayers: [], activation: 'sigmoid', output: 'sigmoid' };

function bundled(name: string): { rows: Rows; settings: TrainingSettings } {
  const { dataset } = parseDataset(readFileSync(path.resolve(__dirname, '../../../media/datasets', name), 'utf8'));
  const labelled = dataset!.rows.filter((row) => row.target !== undefined);
  const train = labelled.filter((row) => row.split !== 'test');
  const test = labelled.filter((row) => row.split === 'test');
  const { start, ...network } = dataset!.network;
  return {
    rows: { inputs: train.map((r) => r.input), targets: train.map((r) => r.target!), testInputs: test.map((r) => r.input), testTargets: test.map((r) => r.target!), start },
    settings: { ...DEFAULTS, ...network } as TrainingSettings,
  };
}

function accuracy(network: NeuralNetwork, inputs: number[][], targets: number[]) {
  return { right: inputs.filter((input, i) => (network.predict(input) > 0.5 ? 1 : 0) === (targets[i] > 0.5 ? 1 : 0)).length, all: inputs.length };
}

/** What the worker does for a completed run: train, measure, diagnose (following the advice), write the message. */
async function finishedRun(rows: Rows, settings: TrainingSettings): Promise<{ message: string; diagnosis: RunDiagnosis; right: number }> {
  const network = new NeuralNetwork({ ...settings, inputSize: rows.inputs[0].length, ...(rows.start && settings.hiddenLayers.length === 0 ? rows.start : {}) });
  const chunk = createTrainer(network, rows.inputs, rows.targets, { iterations: settings.iterations, errorInterval: settings.errorInterval }).run(Infinity);
  const errors = chunk.errors.map(([, error]) => error);
  const result = { train: accuracy(network, rows.inputs, rows.targets), test: accuracy(network, rows.testInputs, rows.testTargets) };
  const diagnosis = await diagnoseRun({ settings, network, ...rows, recentErrors: errors, accuracy: result }, () => false);
  const message = endMessage('completed', { iteration: settings.iterations, accuracy: result, lastError: errors[errors.length - 1], info: { settings, testRows: rows.testInputs.length }, diagnosis }, '');
  return { message, diagnosis, right: result.train.right };
}

/** Follows a suggestion independently of the worker's trial: a fresh network, the same seed, 100 records. */
function follow(rows: Rows, settings: TrainingSettings) {
  const network = new NeuralNetwork({ ...settings, inputSize: rows.inputs[0].length, ...(rows.start && settings.hiddenLayers.length === 0 ? rows.start : {}) });
  const errors = network.train(rows.inputs, rows.targets, settings.iterations, { errorInterval: Math.max(1, Math.floor(settings.iterations / 100)) });
  return { tail: errorTail(errors)!, right: accuracy(network, rows.inputs, rows.targets).right, parameters: countParameters(network) };
}

const visiblyBetter = (before: { median: number; right: number }, after: { median: number; right: number }, rows: number) =>
  after.median <= 0.8 * before.median || (after.right - before.right >= 1 && after.right - before.right >= 0.05 * rows);

/** Every "Tried:" / "nothing changes visibly" claim checked by running its settings again. */
function checkFollowed(rows: Rows, settings: TrainingSettings, run: { message: string; diagnosis: RunDiagnosis; right: number }) {
  const before = { median: run.diagnosis.tail!.median, right: run.right };
  for (const trial of run.diagnosis.trials) {
    const again = follow(rows, { ...settings, ...trial.change });
    assert.equal(again.right, trial.accuracy.train.right, `the trial ${JSON.stringify(trial.change)} classifies as reported`);
    assert.equal(again.tail.median, trial.tail.median, 'and ends at the reported error');
    const outcome = `the error ends near ${shortNumber(again.tail.median)} with ${again.right} of ${rows.inputs.length} rows right`;
    assert.ok(run.message.includes(outcome), `the message quotes "${outcome}":\n${run.message}`);
    assert.equal(trial.improved, visiblyBetter(before, { median: again.tail.median, right: again.right }, rows.inputs.length), JSON.stringify(trial.change));
  }
  const tried = run.diagnosis.trials.find((trial) => trial.improved);
  if (/Tried:/.test(run.message)) assert.ok(tried && tried === run.diagnosis.trials[0], 'only a visible improvement is offered as the way');
}

describe('end-of-run advice, followed', function () {
  this.timeout(120_000);

  it("tutorial.nn.json: the 8 rows' own numbers, a hidden layer that changes nothing at 10,000 iterations and memorises at 100,000", async () => {
    const { rows, settings } = bundled('tutorial.nn.json');
    const run = await finishedRun(rows, settings);
    assert.match(run.message, /No straight line splits these rows \(an exact test\): the best one gets 6 of 8 right/);
    assert.match(run.message, /lowest summed error any single sigmoid neuron reaches on them is 1\.88; answering 0\.50 to every row gives 2\.00 = 8 × 0\.5²/);
    assert.match(run.message, /as the tutorial says, "the data set is random and very small"/);
    assert.match(run.message, /stays near 1\.97 \(from 1\.89 to 2\.41\)/, 'the median of the tail, not the last spike');
    assert.match(run.message, /"hiddenLayers": \[4\] and the same 10,000 iterations .* nothing changes visibly: the error ends near 1\.8\d with 4 of 8 rows right/);
    assert.match(run.message, /With 100,000 iterations the error ends near 0\.0\d+ with 8 of 8 rows right/);
    assert.match(run.message, /17 parameters for 8 rows: a perfect fit of 8 random points is memorising, not learning/);
    assert.doesNotMatch(run.message, /more iterations|larger learning rate/i, 'the rows are not separable: more of the same cannot fix it');
    checkFollowed(rows, settings, run);
  });

  it('worked-example.nn.json (2 rows, 100 iterations): separable, so more iterations, and they visibly help', async () => {
    const { rows, settings } = bundled('worked-example.nn.json');
    const run = await finishedRun(rows, settings);
    assert.equal(run.diagnosis.oneNeuron?.separability.separable, true);
    assert.match(run.message, /These rows can be split by one straight line/);
    assert.doesNotMatch(run.message, /cannot be split|No straight line|hidden layer/i);
    assert.match(run.message, /Tried: with 10× the iterations \(1,000, same seed\) .*2 of 2 rows right\. Set "iterations": 1000/);
    checkFollowed(rows, settings, run);
  });

  it('XOR with one neuron: not separable, best line 3 of 4, a hidden layer fits it (and the fit is not called learning)', async () => {
    const { rows, settings } = bundled('xor.nn.json');
    const run = await finishedRun(rows, { ...settings, hiddenLayers: [] });
    assert.match(run.message, /best one gets 3 of 4 right/);
    assert.match(run.message, /Tried: with "hiddenLayers": \[4\]/);
    assert.match(run.message, /cannot tell learning from memorising/);
    assert.doesNotMatch(run.message, /random and very small/, 'only the tutorial\'s rows are called random');
    checkFollowed(rows, { ...settings, hiddenLayers: [] }, run);
  });

  it('says no network can split rows with the same inputs and different classes, and suggests nothing', async () => {
    const rows = { inputs: [[1, 2], [1, 2], [3, 1], [0, 0]], targets: [0, 1, 1, 0], testInputs: [], testTargets: [] };
    const run = await finishedRun(rows, { ...DEFAULTS, iterations: 2000 });
    assert.match(run.message, /same inputs but different classes: no network of any shape can classify them all/);
    assert.deepEqual(run.diagnosis.trials, []);
  });

  it('states the perceptron margin bound when three features cannot be decided exactly', async () => {
    const rows = { inputs: [[0, 0, 0], [0, 1, 2], [1, 0, 1], [1, 1, 3]], targets: [0, 1, 1, 0], testInputs: [], testTargets: [] };
    const run = await finishedRun(rows, { ...DEFAULTS, iterations: 2000 });
    assert.match(run.message, /No flat boundary splits these rows with a margin of [\d.e-]+ or more \(a perceptron check, 100,000 corrections/);
  });

  it('is true for random small datasets: separable or not as stated, and every tried setting reproduces and is judged right', async () => {
    const point = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }));
    await fc.assert(fc.asyncProperty(
      fc.array(fc.tuple(point, fc.constantFrom(0, 1)), { minLength: 3, maxLength: 10 }), fc.integer({ min: 0, max: 1000 }), fc.constantFrom(0.1, 0.5, 2),
      async (labelled, seed, learningRate) => {
        const rows = { inputs: labelled.map(([p]) => [...p]), targets: labelled.map(([, t]) => t), testInputs: [], testTargets: [] };
        const settings = { ...DEFAULTS, iterations: 500, errorInterval: 10, seed, learningRate };
        const run = await finishedRun(rows, settings);
        if (run.right === rows.inputs.length) return assert.doesNotMatch(run.message, /split|hidden layer/);
        const decision = linearSeparability(rows.inputs, rows.targets);
        if (/can be split by one straight line/.test(run.message)) {
          assert.equal(decision.separable, true);
          if (decision.separable === true && decision.weights) {
            const { weights, bias } = decision;
            assert.ok(rows.inputs.every((x, i) => (x[0] * weights[0] + x[1] * weights[1] + bias! > 0) === (rows.targets[i] === 1)), 'its example line splits them');
          }
        }
        if (/No straight line splits these rows/.test(run.message)) {
          // Independently: no line of thousands tried classifies every row.
          for (let k = 0; k < 3000; k++) {
            const angle = (k * 2 * Math.PI) / 3000;
            for (const offset of [-8, -4, -2, -1, 0, 1, 2, 4, 8].map((o) => o + (k % 7) / 7)) {
              const all = rows.inputs.every((x, i) => (Math.cos(angle) * x[0] + Math.sin(angle) * x[1] + offset > 0) === (rows.targets[i] === 1));
              assert.ok(!all, `a line at ${angle} rad, offset ${offset}, splits rows said not to be splittable`);
            }
          }
        }
        checkFollowed(rows, settings, run);
        if (/memorising/.test(run.message)) {
          const last = run.diagnosis.trials[run.diagnosis.trials.length - 1];
          assert.ok(last.accuracy.train.right === rows.inputs.length && last.parameters >= rows.inputs.length);
        }
      },
    ), { numRuns: 40 });
  });
});
