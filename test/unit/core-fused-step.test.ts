// The fused training step: train() (and the worker's chunked trainer, which is the same loop) lands
// bit for bit where the tutorial's loop written with the public API lands: pick a row with the
// network's own generator, computeGradients, updateParameters, record the cumulative error.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { createRandom, createTrainer, NeuralNetwork } from '../../src/core/index';
import type { HiddenActivation, NetworkOptions, OutputKind } from '../../src/core/index';

/** The tutorial's train loop, spelled with the public API only. */
function trainByHand(network: NeuralNetwork, inputs: number[][], targets: number[], iterations: number, errorInterval: number): number[] {
  const errors: number[] = [];
  for (let iteration = 0; iteration < iterations; iteration++) {
    const row = network.sampler.randomInt(inputs.length);
    network.updateParameters(network.computeGradients(inputs[row], targets[row]));
    if (iteration % errorInterval === 0) errors.push(network.cumulativeError(inputs, targets));
  }
  return errors;
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
