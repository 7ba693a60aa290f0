// Regularization and mini-batches: gradients with an L1 or L2 penalty against central finite
// differences for every layer shape; a batch of one is today's SGD bit for bit (tutorial rows and
// XOR); a batch of every row is full-batch gradient descent, checked against a step computed by
// hand; the cumulative error is recorded with and without the penalty.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { createRandom, createTrainer, explain, NeuralNetwork } from '../../src/core/index';
import { parseDataset } from '../../src/dataset';
import { TrainingRun } from '../../src/training/trainingRun';
import { nodePlatform } from '../../src/platform/node/nodePlatform';
import type { ErrorPoint, HiddenActivation, ModelSnapshot, OutputKind, Regularization } from '../../src/core/index';
import { batchStep, createGradientSums } from '../../src/core/regularization';
import { fusedStep } from '../../src/core/sgd';

const STEP = 1e-6;
const TOLERANCE = 1e-6;
const TUTORIAL_INPUTS = [[3, 1.5], [2, 1], [4, 1.5], [3, 4], [3.5, 0.5], [2, 0.5], [5.5, 1], [1, 1]];
const TUTORIAL_TARGETS = [0, 1, 0, 1, 0, 1, 1, 0];
const XOR_INPUTS = [[0, 0], [0, 1], [1, 0], [1, 1]];
const XOR_TARGETS = [0, 1, 1, 0];

/** The loss a step with this penalty descends on one row: (prediction − target)² + penalty. */
function loss(snapshot: ModelSnapshot, input: number[], target: number): number {
  const network = NeuralNetwork.fromSnapshot(snapshot);
  const difference = network.predict(input) - target;
  return difference * difference + network.penalty();
}

const architectures: { inputs: number; hidden: number[] }[] = [{ inputs: 2, hidden: [] }, { inputs: 3, hidden: [4] }, { inputs: 2, hidden: [5, 3] }];
const activations: HiddenActivation[] = ['sigmoid', 'tanh'];
const outputs: OutputKind[] = ['sigmoid', 'linear'];

describe('gradients with a penalty agree with central finite differences', () => {
  for (const kind of ['L1', 'L2'] as const) {
    for (const { inputs, hidden } of architectures) {
      for (const activation of hidden.length === 0 ? (['sigmoid'] as HiddenActivation[]) : activations) {
        for (const output of outputs) {
          it(`${kind}: ${[inputs, ...hidden, 1].join('→')}${hidden.length ? ` ${activation}` : ''}, ${output} output`, () => {
            const random = createRandom(77 + inputs * 10 + hidden.length + (kind === 'L1' ? 500 : 0) + (output === 'linear' ? 50 : 0));
            const regularization: Regularization = { kind, rate: 0.05 };
            for (let point = 0; point < 4; point++) {
              const base = new NeuralNetwork({ learningRate: 0.1, seed: random.randomInt(2 ** 31), inputSize: inputs, hiddenLayers: hidden, activation, output, regularization });
              const snapshot = base.snapshot();
              // Away from 0, where |w| has no derivative: every weight at least 0.1 from it.
              snapshot.layers.forEach((layer) => layer.weights.forEach((row) => row.forEach((w, i) => { row[i] = Math.sign(w || 1) * (0.1 + Math.abs(w)); })));
              const network = NeuralNetwork.fromSnapshot(snapshot);
              const input = Array.from({ length: inputs }, () => random.next() * 4 - 2);
              const target = output === 'sigmoid' ? random.next() : random.gaussian();
              const analytic = network.computeGradients(input, target).layers;
              snapshot.layers.forEach((layer, l) => layer.weights.forEach((row, u) => {
                for (const parameter of [...row.keys(), 'bias' as const]) {
                  const shifted = (delta: number) => {
                    const copy: ModelSnapshot = structuredClone(snapshot);
                    if (parameter === 'bias') copy.layers[l].biases[u] += delta;
                    else copy.layers[l].weights[u][parameter] += delta;
                    return loss(copy, input, target);
                  };
                  const numeric = (shifted(STEP) - shifted(-STEP)) / (2 * STEP);
                  const a = parameter === 'bias' ? analytic[l].biases[u] : analytic[l].weights[u][parameter];
                  const relative = Math.abs(a - numeric) / Math.max(1e-8, Math.abs(a) + Math.abs(numeric));
                  assert.ok(relative < TOLERANCE, `layer ${l} unit ${u} ${String(parameter)}: analytic ${a}, numeric ${numeric}`);
                }
              }));
            }
          });
        }
      }
    }
  }

  it('the penalty\'s slope is 2 · rate · w (L2) and rate · sign(w) (L1), on the weights only', () => {
    const layers = [{ weights: [[0.5, -2]], biases: [3] }];
    const at = (regularization: Regularization) => NeuralNetwork.fromSnapshot({ inputSize: 2, hiddenLayers: [], activation: 'sigmoid', output: 'linear', learningRate: 1, seed: 1, layers, regularization });
    // Linear output, input [0, 0], target = prediction (3): the error's gradient is 0, so only the penalty remains.
    assert.deepEqual(at({ kind: 'L2', rate: 0.1 }).computeGradients([0, 0], 3).layers[0], { weights: [[0.1, -0.4]], biases: [0] });
    assert.deepEqual(at({ kind: 'L1', rate: 0.1 }).computeGradients([0, 0], 3).layers[0], { weights: [[0.1, -0.1]], biases: [0] });
    assert.equal(at({ kind: 'L2', rate: 0.1 }).penalty(), 0.1 * (0.25 + 4));
    assert.equal(at({ kind: 'L1', rate: 0.1 }).penalty(), 0.1 * 2.5);
  });
});

describe('mini-batches', () => {
  for (const [name, inputs, targets, hiddenLayers] of [
    ['the tutorial\'s rows', TUTORIAL_INPUTS, TUTORIAL_TARGETS, [] as number[]],
    ['XOR with a hidden layer', XOR_INPUTS, XOR_TARGETS, [3]],
  ] as const) {
    it(`a batch of 1 is today's SGD, bit for bit (${name})`, () => {
      const today = new NeuralNetwork({ learningRate: 0.5, seed: 21, hiddenLayers: [...hiddenLayers], activation: 'tanh' });
      const one = new NeuralNetwork({ learningRate: 0.5, seed: 21, hiddenLayers: [...hiddenLayers], activation: 'tanh' });
      const todayRun = createTrainer(today, inputs.map((r) => [...r]), [...targets], { iterations: 5000, errorInterval: 50 }).run(5000);
      const oneRun = createTrainer(one, inputs.map((r) => [...r]), [...targets], { iterations: 5000, errorInterval: 50, batchSize: 1 }).run(5000);
      assert.deepStrictEqual(oneRun.errors, todayRun.errors);
      assert.deepStrictEqual(one.parameters(), today.parameters());
      // And the batch step itself, on one row, moves every parameter exactly as the fused step does.
      const fused = new NeuralNetwork({ learningRate: 0.5, seed: 21, hiddenLayers: [...hiddenLayers], activation: 'tanh' });
      const batched = new NeuralNetwork({ learningRate: 0.5, seed: 21, hiddenLayers: [...hiddenLayers], activation: 'tanh' });
      const rows = fused.packRows(inputs.map((r) => [...r]), [...targets]);
      const sums = createGradientSums(batched.layers);
      for (let step = 0; step < 2000; step++) {
        const row = step % inputs.length;
        fusedStep(fused.layers, rows.inputs, row * 2, rows.targets[row], 0.5);
        batchStep(batched.layers, sums, rows.inputs, 2, rows.targets, Int32Array.of(row), 1, 0.5, undefined);
      }
      assert.deepStrictEqual(batched.parameters(), fused.parameters());
    });
  }

  it('a batch of every row is one full-batch gradient-descent step, as computed by hand (the tutorial\'s neuron, with and without L2)', () => {
    const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
    for (const regularization of [undefined, { kind: 'L2', rate: 0.01 } as Regularization]) {
      const network = new NeuralNetwork({ learningRate: 0.1, weights: [1.45, -0.66], bias: 0, ...(regularization ? { inputSize: 2 } : {}) });
      const start = NeuralNetwork.fromSnapshot({ ...network.snapshot(), ...(regularization ? { regularization } : {}) });
      createTrainer(start, TUTORIAL_INPUTS, TUTORIAL_TARGETS, { iterations: 1, errorInterval: 1, batchSize: 8 }).run(1);
      // By hand: for each row, d error / d layer_1 = 2 · (prediction − target) · prediction · (1 − prediction).
      const w = [1.45, -0.66];
      let meanW0 = 0;
      let meanW1 = 0;
      let meanB = 0;
      TUTORIAL_INPUTS.forEach(([x0, x1], r) => {
        const prediction = sigmoid(x0! * w[0]! + x1! * w[1]! + 0);
        const delta = 2 * (prediction - TUTORIAL_TARGETS[r]!) * prediction * (1 - prediction);
        meanW0 += (delta * x0!) / 8;
        meanW1 += (delta * x1!) / 8;
        meanB += delta / 8;
      });
      const l2 = regularization ? 2 * regularization.rate : 0;
      const expected = [w[0]! - 0.1 * (meanW0 + l2 * w[0]!), w[1]! - 0.1 * (meanW1 + l2 * w[1]!), 0 - 0.1 * meanB];
      const [{ weights: [[w0, w1]], biases: [b] }] = start.parameters() as [{ weights: [[number, number]]; biases: [number] }];
      [w0, w1, b].forEach((value, i) => assert.ok(Math.abs(value - expected[i]!) < 1e-14, `${value} vs ${expected[i]}`));
      // The step moved the weights: 1.45 − 0.1 · mean gradient.
      assert.notEqual(w0, 1.45);
    }
  });

  it('a batch of every row with hidden layers equals the mean of each row\'s computeGradients, and takes every row once per step', () => {
    const make = () => new NeuralNetwork({ learningRate: 0.3, seed: 4, hiddenLayers: [3], activation: 'sigmoid', regularization: { kind: 'L1', rate: 0.002 } });
    const network = make();
    const reference = make();
    createTrainer(network, XOR_INPUTS, XOR_TARGETS, { iterations: 1, errorInterval: 1, batchSize: 100 }).run(1);
    const gradients = XOR_INPUTS.map((input, r) => reference.computeGradients(input, XOR_TARGETS[r]!).layers);
    // computeGradients includes the penalty's slope in every row's weight gradient: the mean keeps it once.
    const mean = gradients[0]!.map((layer, l) => ({
      weights: layer.weights.map((row, u) => row.map((_, i) => gradients.reduce((sum, g) => sum + g[l]!.weights[u]![i]!, 0) / 4)),
      biases: layer.biases.map((_, u) => gradients.reduce((sum, g) => sum + g[l]!.biases[u]!, 0) / 4),
    }));
    reference.updateParameters({ layers: mean });
    network.parameters().forEach((layer, l) => layer.weights.flat().concat(layer.biases).forEach((value, i) => {
      const expected = reference.parameters()[l]!.weights.flat().concat(reference.parameters()[l]!.biases)[i]!;
      assert.ok(Math.abs(value - expected) < 1e-14, `${value} vs ${expected}`);
    }));
  });

  it('a batch smaller than the rows uses every row once before any repeats (an epoch)', () => {
    // Targets mark the rows: with a linear output, 0 inputs and learning rate 1, the bias moves by the mean of the picked targets' gradients.
    const inputs = Array.from({ length: 6 }, () => [0]);
    const targets = [1, 10, 100, 1000, 10000, 100000];
    const network = NeuralNetwork.fromSnapshot({ inputSize: 1, hiddenLayers: [], activation: 'sigmoid', output: 'linear', learningRate: 0.25, seed: 3, layers: [{ weights: [[0]], biases: [0] }] });
    const trainer = createTrainer(network, inputs, targets, { iterations: 3, errorInterval: 1000, batchSize: 2 });
    let bias = 0;
    const picked: number[] = [];
    for (let step = 0; step < 3; step++) {
      trainer.run(1);
      const now = network.parameters()[0]!.biases[0]!;
      // bias' = bias − 0.25 · mean(2 · (bias − t)) over two rows = bias / 2 + (t₁ + t₂) / 4 ⇒ t₁ + t₂ = 4 · bias' − 2 · bias.
      picked.push(Math.round(4 * now - 2 * bias));
      bias = now;
    }
    assert.equal(picked.reduce((a, b) => a + b, 0), 111111, `each row exactly once: ${picked}`);
  });
});

describe('the cumulative error with and without the penalty', () => {
  it('records both at the same iterations: with = without + rows · penalty', () => {
    const network = new NeuralNetwork({ learningRate: 0.5, seed: 6, hiddenLayers: [3], activation: 'tanh', regularization: { kind: 'L2', rate: 0.01 } });
    const chunk = createTrainer(network, XOR_INPUTS, XOR_TARGETS, { iterations: 1000, errorInterval: 100, batchSize: 2 }).run(1000);
    assert.equal(chunk.errors.length, 10);
    assert.deepEqual(chunk.penalizedErrors?.map(([iteration]) => iteration), chunk.errors.map(([iteration]) => iteration));
    chunk.penalizedErrors!.forEach(([, withPenalty], i) => assert.ok(withPenalty > chunk.errors[i]![1]));
    const withoutPenalty = new NeuralNetwork({ learningRate: 0.5, seed: 6, hiddenLayers: [3], activation: 'tanh' });
    assert.equal(createTrainer(withoutPenalty, XOR_INPUTS, XOR_TARGETS, { iterations: 10, errorInterval: 5 }).run(10).penalizedErrors, undefined);
  });

  it('L2 keeps the weights smaller than the same run without it', () => {
    const norm = (network: NeuralNetwork) => network.parameters().flatMap((layer) => layer.weights.flat()).reduce((sum, w) => sum + w * w, 0);
    const run = (regularization?: Regularization) => {
      const network = new NeuralNetwork({ learningRate: 0.5, seed: 6, hiddenLayers: [4], activation: 'tanh', regularization });
      createTrainer(network, XOR_INPUTS, XOR_TARGETS, { iterations: 5000, errorInterval: 1000 }).run(5000);
      return norm(network);
    };
    assert.ok(run({ kind: 'L2', rate: 0.01 }) < 0.5 * run(), 'L2 shrinks the weights');
  });

  it('Explain names the penalty term and its slope, and the step it shows includes it', () => {
    const network = new NeuralNetwork({ learningRate: 0.1, seed: 2, hiddenLayers: [2], regularization: { kind: 'L2', rate: 0.01 } });
    const explained = explain(network, [1, 2], 1);
    const penalty = explained.terms.find((term) => term.name === 'penalty');
    assert.equal(penalty?.value, network.penalty());
    assert.match(penalty!.formula, /^L2: 0\.01 · Σ weights²/);
    const slopes = explained.terms.filter((term) => term.name === 'dpenalty_dweights');
    assert.equal(slopes.length, 2);
    const gradients = network.computeGradients([1, 2], 1).layers;
    const copy = NeuralNetwork.fromSnapshot(network.snapshot());
    copy.updateParameters({ layers: gradients });
    assert.deepEqual(explained.step?.after, copy.parameters());
    const loss = explained.terms.find((term) => term.name === 'loss');
    const error = explained.terms.find((term) => term.name === 'error');
    assert.equal(loss?.value, (error!.value as number) + network.penalty());
  });
});

describe('parseDataset: "regularization" and "batchSize"', () => {
  const file = (network: string) => `{ "rows": [ { "input": [1, 2], "target": 1 } ], "network": { ${network} } }`;

  it('reads them, and a file without them has neither (today\'s training)', () => {
    const { dataset, problems } = parseDataset(file('"regularization": { "kind": "L1", "rate": 0.01 }, "batchSize": 1'));
    assert.deepEqual(problems, []);
    assert.deepEqual(dataset?.network.regularization, { kind: 'L1', rate: 0.01 });
    assert.equal(dataset?.network.batchSize, 1);
    const plain = parseDataset(file('"learningRate": 0.1')).dataset!.network;
    assert.equal('regularization' in plain || 'batchSize' in plain, false);
  });

  it('says when the batch covers every training row: full-batch gradient descent', () => {
    const text = file('"batchSize": 5');
    const { problems, dataset } = parseDataset(text);
    assert.deepEqual(problems.map((p) => [p.severity, text.slice(p.offset, p.offset + p.length)]), [['warning', '5']]);
    assert.match(problems[0]!.message, /more than the number of training rows \(1\): every step averages all of them \(full-batch gradient descent\)/);
    assert.equal(dataset?.network.batchSize, 5);
  });

  for (const [what, network, pattern, covered] of [
    ['a misspelt kind', '"regularization": { "kind": "l2", "rate": 0.01 }', /"regularization\.kind" must be "L1" or "L2".*did you mean "L2"\?/, '"l2"'],
    ['a negative rate', '"regularization": { "kind": "L2", "rate": -1 }', /"regularization\.rate" must be a number from 0 up/, '-1'],
    ['a batch of 0', '"batchSize": 0', /"batchSize" must be a whole number from 1 to 100000/, '0'],
    ['a fractional batch', '"batchSize": 2.5', /"batchSize" must be a whole number/, '2.5'],
  ] as const) {
    it(`puts an error on ${what}, on the value`, () => {
      const text = file(network);
      const { problems } = parseDataset(text);
      assert.equal(problems.length, 1, JSON.stringify(problems));
      assert.equal(problems[0]!.severity, 'error');
      assert.match(problems[0]!.message, pattern);
      assert.equal(text.slice(problems[0]!.offset, problems[0]!.offset + problems[0]!.length), covered);
    });
  }
});

describe('the worker trains with the penalty and the batch, and reports both errors', () => {
  for (const [regularization, batchSize] of [[{ kind: 'L2', rate: 0.001 }, 2], [{ kind: 'L1', rate: 0.01 }, 1], [{ kind: 'L2', rate: 0.05 }, 1]] as const) {
    it(`sends the series with the penalty beside the one without: each point is the core's error + rows · penalty at that iteration (${regularization.kind} ${regularization.rate}, batch ${batchSize})`, async function () {
      this.timeout(60_000);
      const platform = nodePlatform(path.resolve(__dirname, '..', '..', '..', 'dist'));
      const settings = { learningRate: 0.5, iterations: 2000, errorInterval: 100, seed: 5, hiddenLayers: [3], activation: 'tanh' as const, output: 'sigmoid' as const,
        regularization: { ...regularization }, batchSize };
      const batches: { points: ErrorPoint[]; penalizedPoints?: ErrorPoint[] }[] = [];
      const run = await new Promise<TrainingRun>((resolve) => {
        const info = { runId: 'r', datasetUri: 'file:///xor.nn.json', datasetName: 'xor.nn.json', settings, trainRows: 4, testRows: 0, startedAt: 0 };
        void new TrainingRun(info, { inputs: XOR_INPUTS, targets: XOR_TARGETS, testInputs: [], testTargets: [] }, platform,
          { progress: (_, batch) => batches.push(batch), boundary: () => undefined, ended: resolve });
      });
      assert.equal(run.end?.status, 'completed');
      // Every progress message carries the penalised points of the iterations its error points have.
      for (const batch of batches) assert.deepEqual(batch.penalizedPoints?.map(([iteration]) => iteration), batch.points.map(([iteration]) => iteration));
      const penalized = run.view().penalizedPoints!;
      assert.deepEqual(penalized, run.penalized!.points());
      assert.equal(penalized.length, 20);
      // The core, stepped to each recorded iteration (after its update), computes both numbers itself.
      const reference = new NeuralNetwork({ learningRate: 0.5, seed: 5, hiddenLayers: [3], activation: 'tanh', regularization });
      const trainer = createTrainer(reference, XOR_INPUTS, XOR_TARGETS, { iterations: 2000, errorInterval: 2000, batchSize });
      const errors = run.train.points();
      penalized.forEach(([iteration, value], i) => {
        trainer.run(iteration + 1 - trainer.iteration);
        const error = reference.cumulativeError(XOR_INPUTS, XOR_TARGETS);
        assert.equal(errors[i]![0], iteration);
        assert.equal(errors[i]![1], error, `error at ${iteration}`);
        assert.equal(value, error + XOR_INPUTS.length * reference.penalty(), `error + penalty at ${iteration}`);
        assert.ok(value > error, 'the penalty adds something');
      });
      assert.deepEqual(run.model?.regularization, settings.regularization);
      trainer.run(2000);
      assert.deepEqual(run.model?.layers, reference.parameters());
    });
  }

  it('sends no penalised series without regularization', async function () {
    this.timeout(60_000);
    const platform = nodePlatform(path.resolve(__dirname, '..', '..', '..', 'dist'));
    const settings = { learningRate: 0.5, iterations: 500, errorInterval: 100, seed: 5, hiddenLayers: [], activation: 'sigmoid' as const, output: 'sigmoid' as const };
    const batches: { penalizedPoints?: ErrorPoint[] }[] = [];
    const run = await new Promise<TrainingRun>((resolve) => {
      const info = { runId: 'r', datasetUri: 'file:///xor.nn.json', datasetName: 'xor.nn.json', settings, trainRows: 4, testRows: 0, startedAt: 0 };
      void new TrainingRun(info, { inputs: XOR_INPUTS, targets: XOR_TARGETS, testInputs: [], testTargets: [] }, platform,
        { progress: (_, batch) => batches.push(batch), boundary: () => undefined, ended: resolve });
    });
    assert.ok(batches.length > 0);
    assert.ok(batches.every((batch) => batch.penalizedPoints === undefined));
    assert.equal('penalizedPoints' in run.view(), false);
  });
});
