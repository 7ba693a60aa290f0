// The tutorial's worked examples, checked against the numbers the tutorial itself prints. Part of
// it runs against the built bundle dist/core.js (what plain Node programs require), the rest
// against the compiled sources.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { explain, NeuralNetwork, dot, sigmoid, sigmoidDerivative } from '../../src/core/index';

type Core = typeof import('../../src/core/index');

const tutorialInputs = [[3, 1.5], [2, 1], [4, 1.5], [3, 4], [3.5, 0.5], [2, 0.5], [5.5, 1], [1, 1]];
const tutorialTargets = [0, 1, 0, 1, 0, 1, 1, 0];

function close(actual: number, expected: number, tolerance: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} is not within ${tolerance} of ${expected}`);
}

function termValue(terms: { name: string; value: number | number[] }[], name: string): number | number[] {
  const term = terms.find((t) => t.name === name);
  assert.ok(term, `no term named ${name}`);
  return term.value;
}

describe('the tutorial’s worked examples, in the built bundle dist/core.js', () => {
  let core: Core;
  before(() => {
    // Built by `npm run build`; the artifact other programs require.
    core = require(path.resolve('dist/core.js')) as Core;
  });

  it('dot product of input_vector with weights_1 is 2.1672', () => {
    close(core.dot([1.72, 1.23], [1.26, 0]), 2.1672, 1e-12, 'dot with weights_1');
  });

  it('dot product with weights_2 is 4.1259999999999994, exactly as Python prints it', () => {
    assert.equal(core.dot([1.72, 1.23], [2.17, 0.32]), 4.1259999999999994);
    assert.ok(core.dot([1.72, 1.23], [2.17, 0.32]) > core.dot([1.72, 1.23], [1.26, 0]), 'weights_2 is more similar');
  });

  it('first prediction: [1.66, 1.56] with weights [1.45, -0.66], bias 0 → 0.7985731 (class 1)', () => {
    const network = new core.NeuralNetwork({ learningRate: 0.1, weights: [1.45, -0.66], bias: 0 });
    const prediction = network.predict([1.66, 1.56]);
    close(prediction, 0.7985731, 5e-8, 'prediction');
    assert.ok(prediction > 0.5);
  });

  it('wrong prediction: [2, 1.5] → 0.87101915, error 0.75867436, derivative 1.7420383', () => {
    const network = new core.NeuralNetwork({ learningRate: 0.1, weights: [1.45, -0.66], bias: 0 });
    const prediction = network.predict([2, 1.5]);
    close(prediction, 0.87101915, 5e-9, 'prediction');
    const error = (prediction - 0) ** 2;
    close(error, 0.75867436, 5e-9, 'error');
    close(2 * (prediction - 0), 1.7420383, 5e-8, 'derivative');
  });

  it('weights − derivative (no learning rate yet) → prediction 0.01496248, error 0.00022388', () => {
    const network = new core.NeuralNetwork({ learningRate: 0.1, weights: [1.45, -0.66], bias: 0 });
    const derivative = 2 * (network.predict([2, 1.5]) - 0);
    // NumPy broadcasts the scalar derivative over both weights, as the tutorial does.
    const updated = new core.NeuralNetwork({ learningRate: 0.1, weights: [1.45 - derivative, -0.66 - derivative], bias: 0 });
    const prediction = updated.predict([2, 1.5]);
    close(prediction, 0.01496248, 5e-9, 'prediction');
    close(prediction ** 2, 0.00022388, 5e-9, 'error');
  });

  it('the tutorial’s training run records one cumulative error per 100 iterations', () => {
    const network = new core.NeuralNetwork({ learningRate: 0.1, seed: 1 });
    assert.equal(network.train(tutorialInputs, tutorialTargets, 10000).length, 100);
  });
});

describe('the tutorial’s worked example, explained term by term', () => {
  const network = new NeuralNetwork({ learningRate: 0.1, weights: [1.45, -0.66], bias: 0 });
  const explanation = explain(network, [2, 1.5], 0);
  const value = (name: string) => termValue(explanation.terms, name);

  it('names the forward pass as the tutorial does', () => {
    close(value('layer_1') as number, 2 * 1.45 + 1.5 * -0.66, 1e-12, 'layer_1');
    close(value('prediction') as number, 0.87101915, 5e-9, 'prediction');
    assert.equal(explanation.prediction, value('prediction'));
    assert.equal(explanation.predictedClass, 1, 'a wrong prediction: the target is 0');
  });

  it('names the backward pass as the tutorial does', () => {
    close(value('error') as number, 0.75867436, 5e-9, 'error');
    close(value('derror_dprediction') as number, 1.7420383, 5e-8, 'derror_dprediction');
    const layer1 = 2 * 1.45 + 1.5 * -0.66;
    const s = 1 / (1 + Math.exp(-layer1));
    close(value('dprediction_dlayer1') as number, s * (1 - s), 1e-15, 'dprediction_dlayer1');
    assert.equal(value('dlayer1_dbias'), 1);
    assert.deepEqual(value('dlayer1_dweights'), [2, 1.5]);
    const chain = 1.7420383 * s * (1 - s);
    close(value('derror_dbias') as number, chain, 1e-7, 'derror_dbias');
    const dweights = value('derror_dweights') as number[];
    close(dweights[0], chain * 2, 2e-7, 'derror_dweights[0]');
    close(dweights[1], chain * 1.5, 2e-7, 'derror_dweights[1]');
  });

  it('gives the same derror_dweights and derror_dbias as computeGradients, bit for bit', () => {
    const gradients = network.computeGradients([2, 1.5], 0);
    assert.equal(value('derror_dbias'), gradients.bias);
    assert.deepEqual(value('derror_dweights'), gradients.weights);
  });

  it('shows the formulas in the tutorial’s notation', () => {
    const formulas = Object.fromEntries(explanation.terms.map((t) => [t.name, t.formula]));
    assert.deepEqual(formulas, {
      layer_1: 'dot(input_vector, weights) + bias',
      prediction: 'layer_2 = sigmoid(layer_1)',
      error: '(prediction − target)²',
      derror_dprediction: '2 · (prediction − target)',
      dprediction_dlayer1: 'sigmoid_deriv(layer_1)',
      dlayer1_dbias: '1',
      dlayer1_dweights: '0 · weights + 1 · input_vector',
      derror_dbias: 'derror_dprediction · dprediction_dlayer1 · dlayer1_dbias',
      derror_dweights: 'derror_dprediction · dprediction_dlayer1 · dlayer1_dweights',
    });
  });

  it('shows one update with the learning rate, without changing the network', () => {
    const step = explanation.step;
    assert.ok(step);
    assert.equal(step.learningRate, 0.1);
    assert.deepEqual(step.before, [{ weights: [[1.45, -0.66]], biases: [0] }]);
    const dweights = value('derror_dweights') as number[];
    assert.deepEqual(step.after[0].weights[0], [1.45 - dweights[0] * 0.1, -0.66 - dweights[1] * 0.1]);
    assert.equal(step.after[0].biases[0], 0 - (value('derror_dbias') as number) * 0.1);
    assert.ok(step.errorAfter < (value('error') as number), 'a small step lowers this row’s error');
    assert.deepEqual(network.weights, [1.45, -0.66], 'explain must not train the network');
    assert.equal(network.bias, 0);
  });

  it('leaves out the error terms and the step without a target', () => {
    const forwardOnly = explain(network, [1.66, 1.56]);
    assert.deepEqual(forwardOnly.terms.map((t) => t.name), ['layer_1', 'prediction']);
    assert.equal(forwardOnly.step, undefined);
    assert.equal(forwardOnly.target, undefined);
  });
});

describe('sigmoid and its derivative', () => {
  it('sigmoidDerivative(x) is sigmoid(x) · (1 − sigmoid(x)), the tutorial’s sigmoid_deriv', () => {
    for (const x of [-30, -3, -0.5, 0, 0.5, 1.91, 3, 30]) {
      assert.equal(sigmoidDerivative(x), sigmoid(x) * (1 - sigmoid(x)));
    }
    assert.equal(sigmoid(0), 0.5);
    assert.equal(sigmoidDerivative(0), 0.25);
  });

  it('stays finite and in [0, 1] for huge inputs, with tiny outputs kept precise', () => {
    assert.equal(sigmoid(1000), 1);
    assert.equal(sigmoid(-1000), 0);
    assert.ok(Number.isNaN(sigmoid(Number.NaN)));
    // e^-40 / (1 + e^-40): relative precision, not 1 − (1 − tiny).
    const tiny = sigmoid(-40);
    assert.ok(Math.abs(tiny - Math.exp(-40)) / Math.exp(-40) < 1e-15);
    assert.equal(sigmoidDerivative(800), 0);
  });

  it('dot refuses vectors of different lengths', () => {
    assert.throws(() => dot([1, 2], [1]), RangeError);
  });
});
