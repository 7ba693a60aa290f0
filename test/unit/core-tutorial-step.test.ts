// The tutorial's step written term by term (src/core/tutorialStep.ts), which Check My Code takes its
// expected values and its mistake variants from: without a mistake it must be NeuralNetwork's step
// bit for bit, and each mistake must change exactly what it says, checked by hand on the worked
// example (input [2, 1.5], target 0, weights [1.45, -0.66], bias 0, learning rate 0.1).
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { explain, NeuralNetwork, sigmoid } from '../../src/core/index';
import {
  TUTORIAL_MISTAKES, tutorialCumulativeError, tutorialGradients, tutorialTrain, tutorialUpdate, type TutorialParameters,
} from '../../src/core/tutorialStep';

const ROWS = [[3, 1.5], [2, 1], [4, 1.5], [3, 4], [3.5, 0.5], [2, 0.5], [5.5, 1], [1, 1]];
const TARGETS = [0, 1, 0, 1, 0, 1, 1, 0];
const START: TutorialParameters = { weights: [1.45, -0.66], bias: 0 };
const INPUT = [2, 1.5];

function close(actual: number, expected: number, tolerance: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} is not within ${tolerance} of ${expected}`);
}

describe('core: the tutorial step, term by term', () => {
  it('computes the worked example as the tutorial prints it', () => {
    const terms = tutorialGradients(START, INPUT, 0);
    close(terms.layer_1, 1.91, 1e-12, 'layer_1 = 2·1.45 − 1.5·0.66');
    close(terms.prediction, 0.87101915, 5e-9, 'prediction');
    close(terms.derror_dprediction, 1.7420383, 5e-8, 'derror_dprediction');
    // sigmoid'(1.91) = p(1 − p)
    close(terms.dprediction_dlayer1, 0.87101915 * (1 - 0.87101915), 1e-8, 'dprediction_dlayer1');
    assert.deepEqual(terms.dlayer1_dweights, INPUT);
    assert.equal(terms.derror_dbias, terms.derror_dprediction * terms.dprediction_dlayer1);
    assert.deepEqual(terms.derror_dweights, INPUT.map((x) => terms.derror_dbias * x));
  });

  it('is NeuralNetwork.computeGradients and explain, bit for bit', () => {
    fc.assert(fc.property(
      fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 2, maxLength: 2 }), fc.double({ min: -3, max: 3, noNaN: true }),
      fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 2, maxLength: 2 }), fc.constantFrom(0, 1),
      (weights, bias, input, target) => {
        const network = new NeuralNetwork({ learningRate: 0.1, weights, bias });
        const gradients = network.computeGradients(input, target);
        const terms = tutorialGradients({ weights, bias }, input, target);
        assert.equal(terms.derror_dbias, gradients.bias);
        assert.deepEqual(terms.derror_dweights, gradients.weights);
        const named = new Map(explain(network, input, target).terms.map((term) => [term.name, term.value]));
        for (const name of ['layer_1', 'prediction', 'derror_dprediction', 'dprediction_dlayer1', 'dlayer1_dweights', 'derror_dbias', 'derror_dweights'] as const) {
          assert.deepEqual(terms[name], named.get(name), name);
        }
      }));
  });

  it('updates as NeuralNetwork.updateParameters does, bit for bit', () => {
    const network = new NeuralNetwork({ learningRate: 0.1, ...START });
    const gradients = network.computeGradients(INPUT, 0);
    network.updateParameters(gradients);
    const after = tutorialUpdate(START, tutorialGradients(START, INPUT, 0), 0.1);
    assert.deepEqual(after, { weights: network.weights, bias: network.bias });
  });

  it('trains as NeuralNetwork.train does with the rows its seeded generator picks', () => {
    for (const seed of [1, 42, 2024]) {
      const network = new NeuralNetwork({ learningRate: 0.1, seed, ...START });
      const sampler = new NeuralNetwork({ learningRate: 0.1, seed }).sampler;
      const rows = Array.from({ length: 2000 }, () => sampler.randomInt(ROWS.length));
      const expected = network.train(ROWS, TARGETS, 2000, { errorInterval: 100 });
      const replayed = tutorialTrain(START, ROWS, TARGETS, rows, 0.1, 100);
      assert.equal(replayed.cumulative_errors.length, 20);
      assert.deepEqual(replayed.cumulative_errors, expected);
      assert.deepEqual(replayed.parameters, { weights: network.weights, bias: network.bias });
      assert.equal(tutorialCumulativeError(replayed.parameters, ROWS, TARGETS), network.cumulativeError(ROWS, TARGETS));
    }
  });

  describe('its mistakes, each against a hand computation on the worked example', () => {
    const right = tutorialGradients(START, INPUT, 0);
    const p = right.prediction;

    it('sigmoid_deriv(prediction) instead of sigmoid_deriv(layer_1)', () => {
      const wrong = tutorialGradients(START, INPUT, 0, 'derivativeAtPrediction');
      const atPrediction = sigmoid(p) * (1 - sigmoid(p));
      assert.equal(wrong.dprediction_dlayer1, atPrediction);
      close(wrong.derror_dbias, 2 * p * atPrediction, 1e-15, 'derror_dbias');
      assert.notEqual(wrong.derror_dbias, right.derror_dbias);
    });

    it('the factor 2 dropped', () => {
      const wrong = tutorialGradients(START, INPUT, 0, 'factorTwoDropped');
      assert.equal(wrong.derror_dprediction, p);
      close(wrong.derror_dbias, right.derror_dbias / 2, 1e-15, 'half the bias gradient');
      wrong.derror_dweights.forEach((g, i) => close(g, right.derror_dweights[i] / 2, 1e-15, 'half the weight gradient'));
    });

    it('derror_dprediction used as the weights’ gradient (the tutorial’s first, naive update)', () => {
      const wrong = tutorialGradients(START, INPUT, 0, 'derrorDpredictionAsGradient');
      assert.deepEqual(wrong.derror_dweights, [2 * p, 2 * p]);
      assert.equal(wrong.derror_dbias, right.derror_dbias);
      // With no learning rate this is the tutorial's weights − derivative: prediction 0.01496248.
      const naive = tutorialUpdate(START, wrong, 1, 'biasNotUpdated');
      close(sigmoid(naive.weights[0] * 2 + naive.weights[1] * 1.5), 0.01496248, 5e-9, 'the tutorial’s naive prediction');
    });

    it('the learning rate forgotten, += for -=, and the bias not updated', () => {
      const g = right;
      assert.deepEqual(tutorialUpdate(START, g, 0.1, 'learningRateForgotten'), { bias: -g.derror_dbias, weights: [1.45 - g.derror_dweights[0], -0.66 - g.derror_dweights[1]] });
      assert.deepEqual(tutorialUpdate(START, g, 0.1, 'plusInsteadOfMinus'), { bias: g.derror_dbias * 0.1, weights: [1.45 + g.derror_dweights[0] * 0.1, -0.66 + g.derror_dweights[1] * 0.1] });
      assert.deepEqual(tutorialUpdate(START, g, 0.1, 'biasNotUpdated'), { bias: 0, weights: [1.45 - g.derror_dweights[0] * 0.1, -0.66 - g.derror_dweights[1] * 0.1] });
    });

    it('every mistake changes a training run on the tutorial’s rows', () => {
      const rows = Array.from({ length: 300 }, (_, i) => (i * 5) % 8);
      const reference = JSON.stringify(tutorialTrain(START, ROWS, TARGETS, rows, 0.1, 100).cumulative_errors);
      for (const mistake of TUTORIAL_MISTAKES) {
        assert.notEqual(JSON.stringify(tutorialTrain(START, ROWS, TARGETS, rows, 0.1, 100, mistake).cumulative_errors), reference, mistake);
      }
    });
  });
});
