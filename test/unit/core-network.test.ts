// The network as data: options, start values, snapshots, parameters, and explain on deeper nets.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { explain, NeuralNetwork } from '../../src/core/index';
import type { ExplainedTerm, HiddenActivation, OutputKind } from '../../src/core/index';

function term(terms: ExplainedTerm[], name: string, layer?: number): ExplainedTerm {
  const found = terms.find((t) => t.name === name && t.layer === layer);
  assert.ok(found, `no term ${name} for layer ${layer}`);
  return found;
}

describe('NeuralNetwork options and start values', () => {
  it('defaults to the tutorial net: 2 inputs, no hidden layer, sigmoid output', () => {
    const network = new NeuralNetwork({ learningRate: 0.1, seed: 1 });
    assert.equal(network.inputSize, 2);
    assert.deepEqual(network.hiddenLayers, []);
    assert.equal(network.activation, 'sigmoid');
    assert.equal(network.output, 'sigmoid');
    assert.equal(network.weights.length, 2);
    assert.equal(network.parameters().length, 1);
    const prediction = network.predict([3, 1.5]);
    assert.ok(prediction > 0 && prediction < 1);
  });

  it('takes its input size from the start weights', () => {
    const network = new NeuralNetwork({ learningRate: 0.1, weights: [1, 2, 3], bias: 0.5 });
    assert.equal(network.inputSize, 3);
    assert.deepEqual(network.weights, [1, 2, 3]);
    assert.equal(network.bias, 0.5);
    assert.equal(network.predict([1, 1, 1]), 1 / (1 + Math.exp(-6.5)));
  });

  it('rejects inconsistent options', () => {
    assert.throws(() => new NeuralNetwork({ learningRate: 0.1, weights: [1, 2], hiddenLayers: [3] }), RangeError);
    assert.throws(() => new NeuralNetwork({ learningRate: 0.1, weights: [1, 2], inputSize: 3 }), RangeError);
    assert.throws(() => new NeuralNetwork({ learningRate: 0.1, hiddenLayers: [0] }), RangeError);
    assert.throws(() => new NeuralNetwork({ learningRate: Number.NaN }), RangeError);
    assert.throws(() => new NeuralNetwork({ learningRate: 0.1, hiddenLayers: [2.5] }), RangeError);
    assert.throws(() => new NeuralNetwork({ learningRate: 0.1 }).predict([1, 2, 3]), RangeError);
    assert.throws(() => new NeuralNetwork({ learningRate: 0.1 }).train([[1, 2]], [0, 1], 10), RangeError);
    assert.throws(() => new NeuralNetwork({ learningRate: 0.1 }).train([], [], 10), RangeError);
  });

  it('starts the tutorial net from standard normal values, like np.random.randn()', () => {
    const values: number[] = [];
    for (let seed = 0; seed < 3000; seed++) {
      const network = new NeuralNetwork({ learningRate: 0.1, seed });
      values.push(...network.weights, network.bias);
    }
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
    assert.ok(Math.abs(mean) < 0.05, `mean ${mean}`);
    assert.ok(Math.abs(variance - 1) < 0.06, `variance ${variance}`);
  });

  for (const [activation, gain] of [['sigmoid', 1], ['tanh', 1], ['relu', 2]] as [HiddenActivation, number][]) {
    it(`scales ${activation} hidden weights to variance ${gain}/fan_in`, () => {
      const squares: number[] = [];
      for (let seed = 0; seed < 40; seed++) {
        const hidden = new NeuralNetwork({ learningRate: 0.1, seed, inputSize: 50, hiddenLayers: [20], activation }).parameters()[0];
        for (const row of hidden.weights) for (const w of row) squares.push(w * w);
      }
      const variance = squares.reduce((s, v) => s + v, 0) / squares.length;
      assert.ok(Math.abs(variance * 50 - gain) < 0.05 * gain, `variance × fan_in = ${variance * 50}`);
    });
  }
});

describe('snapshots', () => {
  const shapes: [number, number[], HiddenActivation, OutputKind][] = [
    [2, [], 'sigmoid', 'sigmoid'], [3, [4], 'relu', 'linear'], [2, [5, 3], 'tanh', 'sigmoid'],
  ];
  for (const [inputSize, hiddenLayers, activation, output] of shapes) {
    it(`round-trip through JSON with bit-identical predictions (${[inputSize, ...hiddenLayers, 1].join('→')} ${activation}, ${output})`, () => {
      const original = new NeuralNetwork({ learningRate: 0.05, seed: 17, inputSize, hiddenLayers, activation, output });
      original.train([Array(inputSize).fill(0.5), Array(inputSize).fill(-1)], [1, 0], 300);
      const restored = NeuralNetwork.fromSnapshot(JSON.parse(JSON.stringify(original.snapshot())));
      assert.deepEqual(restored.snapshot(), original.snapshot());
      fc.assert(fc.property(fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: inputSize, maxLength: inputSize }), (input) => {
        assert.equal(Object.is(restored.predict(input), original.predict(input)), true);
      }));
    });
  }

  it('rejects a snapshot whose layers do not fit its sizes', () => {
    const snapshot = new NeuralNetwork({ learningRate: 0.1, seed: 1, hiddenLayers: [3] }).snapshot();
    snapshot.layers[0].weights.pop();
    assert.throws(() => NeuralNetwork.fromSnapshot(snapshot), RangeError);
  });

  it('parameters() are copies: changing them does not change the network', () => {
    const network = new NeuralNetwork({ learningRate: 0.1, weights: [1, 2], bias: 0 });
    network.parameters()[0].weights[0][0] = 99;
    network.weights[0] = 99;
    assert.deepEqual(network.weights, [1, 2]);
  });

  it('learningRate can be changed between runs and is used by the next step', () => {
    const network = new NeuralNetwork({ learningRate: 0.1, weights: [1, 1], bias: 0 });
    const gradients = network.computeGradients([1, 2], 0);
    network.learningRate = 2;
    network.trainStep([1, 2], 0);
    assert.equal(network.bias, 0 - gradients.bias * 2);
  });
});

describe('explain on deeper nets', () => {
  for (const [hiddenLayers, activation, output] of [[[4], 'relu', 'sigmoid'], [[5, 3], 'tanh', 'linear'], [[3, 3, 2], 'sigmoid', 'sigmoid']] as [number[], HiddenActivation, OutputKind][]) {
    it(`matches computeGradients bit for bit, layer by layer (2→${hiddenLayers.join('→')}→1 ${activation}, ${output})`, () => {
      const network = new NeuralNetwork({ learningRate: 0.2, seed: 8, hiddenLayers, activation, output });
      const input = [0.7, -1.3];
      const target = 1;
      const { terms, prediction, predictedClass, step } = explain(network, input, target);
      const gradients = network.computeGradients(input, target);
      const last = hiddenLayers.length;
      assert.equal(prediction, network.predict(input));
      assert.equal(term(terms, 'prediction', last).value, prediction);
      assert.equal(predictedClass, output === 'linear' ? undefined : prediction > 0.5 ? 1 : 0);
      gradients.layers.forEach((layer, l) => {
        const biasValue = term(terms, 'derror_dbias', l).value;
        assert.deepEqual(l === last ? [biasValue] : biasValue, layer.biases, `derror_dbias of layer ${l}`);
        assert.deepEqual(term(terms, 'derror_dweights', l).value, layer.weights.flat(), `derror_dweights of layer ${l}`);
      });
      for (let l = 0; l < last; l++) {
        // The tutorial's numbering: every operation is a layer (layer_1 sums, layer_2 = activation(layer_1), …).
        assert.equal((term(terms, `layer_${2 * l + 1}`, l).value as number[]).length, hiddenLayers[l]);
        assert.equal(term(terms, `layer_${2 * l + 2}`, l).formula, `${activation}(layer_${2 * l + 1})`);
      }
      assert.ok(step);
      const after = NeuralNetwork.fromSnapshot(network.snapshot());
      after.updateParameters(gradients);
      assert.deepEqual(step.after, after.parameters());
      assert.deepEqual(step.before, network.parameters(), 'the explained network is unchanged');
      assert.equal(step.predictionAfter, after.predict(input));
    });
  }

  it('a linear output has no predicted class and says so in its formulas', () => {
    const network = new NeuralNetwork({ learningRate: 0.1, weights: [1, -1], bias: 0.5, output: 'linear' });
    const { prediction, predictedClass, terms } = explain(network, [2, 1], 3);
    assert.equal(prediction, 1.5);
    assert.equal(predictedClass, undefined);
    assert.equal(term(terms, 'dprediction_dlayer1').value, 1);
    assert.equal(term(terms, 'derror_dbias').value, 2 * (1.5 - 3));
  });
});
