// The fused training step: train() (and the worker's chunked trainer, which is the same loop) lands
// bit for bit where the tutorial's loop written with the public API lands: pick a row with the
// network's own generator, computeGradients, updateParameters, record the cumulative error.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { createRandom, createTrainer, NeuralNetwork } from '../../src/core/index';
import type { HiddenActivation, NetworkOptions, OutputKind, RegularizationKind } from '../../src/core/index';

/** The tutorial's train loop, spelled with the public API only. */
function trainByHand(network: NeuralNetwork, inputs: number[][], targets: number[], iterations: number, errorInterval: number): number[] {
  return trainByHandWithPenalty(network, inputs, targets, iterations, errorInterval).errors;
}

/** The same loop; with a penalty, computeGradients includes its slope, and the loss adds it once per row. */
function trainByHandWithPenalty(network: NeuralNetwork, inputs: number[][], targets: number[], iterations: number, errorInterval: number) {
  const errors: number[] = [];
  const penalized: number[] = [];
  for (let iteration = 0; iteration < iterations; iteration++) {
    const row = network.sampler.randomInt(inputs.length);
    network.updateParameters(network.computeGradients(inputs[row], targets[row]));
    if (iteration % errorInterval === 0) {
      const error = network.cumulativeError(inputs, targets);
      errors.push(error);
      penalized.push(error + inputs.length * network.penalty());
    }
  }
  return { errors, penalized };
}

const activations: HiddenActivation[] = ['sigmoid', 'relu', 'tanh'];
const outputs: OutputKind[] = ['sigmoid', 'linear'];

const setups = fc.record({
  inputSize: fc.integer({ min: 1, max: 4 }),
  hiddenLayers: fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 3 }),
  activation: fc.constantFrom(...activations),
  output: fc.constantFrom(...outputs),
  learningRate: fc.constantFrom(0.01, 0.1, 0.5),
  seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  rowCount: fc.integer({ min: 1, max: 9 }),
  errorInterval: fc.integer({ min: 1, max: 40 }),
  crosses: fc.boolean(),
});

describe('the fused training step', () => {
  it('each training step equals computeGradients + updateParameters on the sampler’s rows, bit for bit, for any network', () => {
    fc.assert(fc.property(setups, (setup) => {
      const random = createRandom(setup.seed ^ 0x1234);
      const inputs = Array.from({ length: setup.rowCount }, () => Array.from({ length: setup.inputSize }, () => random.next() * 4 - 2));
      const targets = inputs.map(() => (setup.output === 'linear' ? random.next() * 3 - 1 : random.randomInt(2)));
      const { crosses, ...rest } = setup;
      // Feature crosses: the first layer takes derived inputs (a square, a sine) rather than the row.
      const options: NetworkOptions = { ...rest, ...(crosses ? { inputs: ['x1', 'x1*x1', `sin(x${setup.inputSize})`] } : {}) };
      const fused = new NeuralNetwork(options);
      const byHand = NeuralNetwork.fromSnapshot(fused.snapshot());
      const chunk = createTrainer(fused, inputs, targets, { iterations: 150, errorInterval: setup.errorInterval }).run(150);
      // A diverged run stops early (steep rates on a linear output may): the hand loop goes as far.
      assert.ok(chunk.diverged || chunk.iteration === 150);
      const errors = chunk.errors.map(([, error]) => error);
      assert.deepStrictEqual(errors, trainByHand(byHand, inputs, targets, chunk.iteration, setup.errorInterval));
      assert.deepStrictEqual(fused.parameters(), byHand.parameters());
      // Both generators are where the row picks left them.
      assert.equal(fused.sampler.next(), byHand.sampler.next());
    }), { numRuns: 80 });
  });

  it('with an L1 or L2 penalty and a batch of 1: each step equals computeGradients + updateParameters with that penalty, bit for bit, in any chunks', () => {
    const penalties = fc.record({
      kind: fc.constantFrom<RegularizationKind>('L1', 'L2'),
      rate: fc.oneof(fc.constant(0), fc.double({ min: 1e-5, max: 0.2, noNaN: true })),
    });
    const chunkings = fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 4 });
    fc.assert(fc.property(setups, penalties, chunkings, (setup, regularization, chunkSizes) => {
      const random = createRandom(setup.seed ^ 0x4321);
      const inputs = Array.from({ length: setup.rowCount }, () => Array.from({ length: setup.inputSize }, () => random.next() * 4 - 2));
      const targets = inputs.map(() => (setup.output === 'linear' ? random.next() * 3 - 1 : random.randomInt(2)));
      const { crosses, ...rest } = setup;
      const options: NetworkOptions = { ...rest, regularization, ...(crosses ? { inputs: ['x1', 'x1*x1', `sin(x${setup.inputSize})`] } : {}) };
      const fused = new NeuralNetwork(options);
      const byHand = NeuralNetwork.fromSnapshot(fused.snapshot());
      const stepped = NeuralNetwork.fromSnapshot(fused.snapshot());
      const trainer = createTrainer(fused, inputs, targets, { iterations: 150, errorInterval: setup.errorInterval, batchSize: 1 });
      const errors: number[] = [];
      const penalized: number[] = [];
      for (let call = 0; !trainer.done; call++) {
        const chunk = trainer.run(chunkSizes[call % chunkSizes.length]!);
        errors.push(...chunk.errors.map(([, error]) => error));
        penalized.push(...chunk.penalizedErrors!.map(([, value]) => value));
      }
      assert.ok(trainer.diverged || trainer.iteration === 150);
      const expected = trainByHandWithPenalty(byHand, inputs, targets, trainer.iteration, setup.errorInterval);
      assert.deepStrictEqual(errors, expected.errors);
      assert.deepStrictEqual(penalized, expected.penalized);
      assert.deepStrictEqual(fused.parameters(), byHand.parameters());
      assert.equal(fused.sampler.next(), byHand.sampler.next());
      // trainStep is the same step, one row at a time.
      for (let iteration = 0; iteration < trainer.iteration; iteration++) {
        const row = stepped.sampler.randomInt(inputs.length);
        stepped.trainStep(inputs[row]!, targets[row]!);
      }
      assert.deepStrictEqual(stepped.parameters(), fused.parameters());
    }), { numRuns: 80 });
  });

  it('a batch-1 step with a penalty, by hand: each weight moves by (delta · input + slope) · learning rate, the bias by delta · learning rate', () => {
    // The tutorial's neuron at its worked example's start, one step on [2, 1.5] → 0 (rows of one, so the pick is that row).
    const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
    const prediction = sigmoid(2 * 1.45 + 1.5 * -0.66);
    const delta = 2 * prediction * prediction * (1 - prediction);
    for (const [regularization, slopes] of [
      [{ kind: 'L2', rate: 0.01 }, [2 * 0.01 * 1.45, 2 * 0.01 * -0.66]],
      [{ kind: 'L1', rate: 0.01 }, [0.01, -0.01]],
    ] as const) {
      const network = NeuralNetwork.fromSnapshot({ ...new NeuralNetwork({ learningRate: 0.1, weights: [1.45, -0.66], bias: 0 }).snapshot(), regularization: { ...regularization } });
      createTrainer(network, [[2, 1.5]], [0], { iterations: 1, errorInterval: 1 }).run(1);
      const [w0, w1] = network.weights;
      assert.ok(Math.abs(w0! - (1.45 - 0.1 * (delta * 2 + slopes[0]))) < 1e-15, `${regularization.kind} w0 ${w0}`);
      assert.ok(Math.abs(w1! - (-0.66 - 0.1 * (delta * 1.5 + slopes[1]))) < 1e-15, `${regularization.kind} w1 ${w1}`);
      assert.ok(Math.abs(network.bias - (0 - 0.1 * delta)) < 1e-15, `${regularization.kind} bias ${network.bias}`);
    }
  });

  it('the tutorial net with the tutorial’s start values: 10,000 iterations, every record and parameter equal', () => {
    const inputs = [[3, 1.5], [2, 1], [4, 1.5], [3, 4], [3.5, 0.5], [2, 0.5], [5.5, 1], [1, 1]];
    const targets = [0, 1, 0, 1, 0, 1, 1, 0];
    const fused = new NeuralNetwork({ learningRate: 0.1, seed: 42, weights: [1.45, -0.66], bias: 0 });
    const byHand = NeuralNetwork.fromSnapshot(fused.snapshot());
    const errors = fused.train(inputs, targets, 10000);
    assert.equal(errors.length, 100);
    assert.deepStrictEqual(errors, trainByHand(byHand, inputs, targets, 10000, 100));
    assert.deepStrictEqual(fused.parameters(), byHand.parameters());
    assert.ok(errors[99] < errors[0], 'it learned something');
  });

  it('a diverging train() stops where it diverged, with what it recorded', () => {
    const inputs = [[3, 1.5], [2, 1], [4, 1.5], [3, 4]];
    const network = new NeuralNetwork({ learningRate: 100, seed: 1, hiddenLayers: [8], activation: 'relu', output: 'linear' });
    const errors = network.train(inputs, [0, 1, 0, 1], 10000);
    assert.ok(errors.length < 100, `${errors.length} records`);
    assert.ok(!network.hasFiniteParameters() || !Number.isFinite(errors.at(-1)!), 'it stopped because something is no longer finite');
  });
});
