// Backpropagation checked against central finite differences for every parameter, and a hidden
// layer's forward pass checked against arithmetic done by hand.
import * as assert from 'node:assert/strict';
import { createRandom, explain, NeuralNetwork } from '../../src/core/index';
import type { HiddenActivation, ModelSnapshot, OutputKind } from '../../src/core/index';

const STEP = 1e-5;
const TOLERANCE = 1e-6;
/** A relu pre-activation this close to 0 may cross the kink within ±STEP, where the numerical
 *  derivative averages the two one-sided slopes and disagrees with either. */
const KINK_MARGIN = 1e-4;

function squaredError(network: NeuralNetwork, input: number[], target: number): number {
  const difference = network.predict(input) - target;
  return difference * difference;
}

function withParameter(snapshot: ModelSnapshot, layer: number, unit: number, input: number | 'bias', delta: number): NeuralNetwork {
  const copy: ModelSnapshot = structuredClone(snapshot);
  if (input === 'bias') copy.layers[layer].biases[unit] += delta;
  else copy.layers[layer].weights[unit][input] += delta;
  return NeuralNetwork.fromSnapshot(copy);
}

function nearReluKink(network: NeuralNetwork, input: number[]): boolean {
  if (network.activation !== 'relu' || network.hiddenLayers.length === 0) return false;
  return explain(network, input).terms
    .filter((term) => term.layer !== undefined && term.layer < network.hiddenLayers.length && /^layer_\d*[13579]$/.test(term.name)) // the weighted sums
    .some((term) => (term.value as number[]).some((z) => Math.abs(z) < KINK_MARGIN));
}

const architectures: { inputs: number; hidden: number[] }[] = [
  { inputs: 2, hidden: [] },
  { inputs: 3, hidden: [4] },
  { inputs: 2, hidden: [5, 3] },
];
const activations: HiddenActivation[] = ['sigmoid', 'relu', 'tanh'];
const outputs: OutputKind[] = ['sigmoid', 'linear'];

describe('gradients agree with central finite differences', () => {
  for (const { inputs, hidden } of architectures) {
    for (const activation of hidden.length === 0 ? (['sigmoid'] as HiddenActivation[]) : activations) {
      for (const output of outputs) {
        const name = `${[inputs, ...hidden, 1].join('→')}${hidden.length ? ` ${activation}` : ''}, ${output} output`;
        it(name, () => {
          const random = createRandom(1000 + inputs * 100 + hidden.length * 10 + activations.indexOf(activation) + (output === 'linear' ? 5 : 0));
          let checkedPoints = 0;
          let checkedParameters = 0;
          for (let point = 0; point < 6; point++) {
            const network = new NeuralNetwork({ learningRate: 0.1, seed: random.randomInt(2 ** 31), inputSize: inputs, hiddenLayers: hidden, activation, output });
            const input = Array.from({ length: inputs }, () => random.next() * 4 - 2);
            const target = output === 'sigmoid' ? random.next() : random.gaussian() * 2;
            if (nearReluKink(network, input)) continue;
            checkedPoints++;
            const analytic = network.computeGradients(input, target).layers;
            const snapshot = network.snapshot();
            snapshot.layers.forEach((layer, l) => {
              layer.weights.forEach((row, u) => {
                for (const parameter of [...row.keys(), 'bias' as const]) {
                  const numeric = (squaredError(withParameter(snapshot, l, u, parameter, STEP), input, target)
                    - squaredError(withParameter(snapshot, l, u, parameter, -STEP), input, target)) / (2 * STEP);
                  const a = parameter === 'bias' ? analytic[l].biases[u] : analytic[l].weights[u][parameter];
                  const relative = Math.abs(a - numeric) / Math.max(1e-8, Math.abs(a) + Math.abs(numeric));
                  assert.ok(relative < TOLERANCE,
                    `layer ${l} unit ${u} ${parameter === 'bias' ? 'bias' : `weight ${parameter}`}: analytic ${a}, numeric ${numeric} (relative ${relative})`);
                  checkedParameters++;
                }
              });
            });
          }
          assert.ok(checkedPoints >= 4, `only ${checkedPoints} points away from relu kinks`);
          assert.ok(checkedParameters > 0);
        });
      }
    }
  }
});

describe('a hidden layer’s forward pass, by hand', () => {
  // 2 → 2 → 1: hidden weights [[0.5, −1], [1, 2]], hidden biases [0.5, −1];
  // output weights [[1, −1]], output bias 0.25; input [1, 2].
  //   hidden z1 = 0.5·1 + (−1)·2 + 0.5 = −1      z2 = 1·1 + 2·2 − 1 = 4
  const layers = [
    { weights: [[0.5, -1], [1, 2]], biases: [0.5, -1] },
    { weights: [[1, -1]], biases: [0.25] },
  ];
  const network = (activation: HiddenActivation, output: OutputKind) => NeuralNetwork.fromSnapshot({
    inputSize: 2, hiddenLayers: [2], activation, output, learningRate: 0.1, seed: 1, layers,
  });

  it('relu: a = [0, 4]; output z = 1·0 − 1·4 + 0.25 = −3.75; prediction = 1 / (1 + e^3.75)', () => {
    assert.equal(network('relu', 'linear').predict([1, 2]), -3.75);
    const prediction = network('relu', 'sigmoid').predict([1, 2]);
    assert.ok(Math.abs(prediction - 1 / (1 + Math.exp(3.75))) < 1e-16);
    assert.ok(Math.abs(prediction - 0.02298) < 1e-5, '1 / (1 + 42.521) ≈ 0.02298');
  });

  it('sigmoid: a = [1/(1+e), 1/(1+e^−4)] ≈ [0.26894, 0.98201]; z ≈ 0.26894 − 0.98201 + 0.25 = −0.46307', () => {
    const a1 = 1 / (1 + Math.E);
    const a2 = 1 / (1 + Math.exp(-4));
    assert.ok(Math.abs(network('sigmoid', 'linear').predict([1, 2]) - (a1 - a2 + 0.25)) < 1e-15);
    assert.ok(Math.abs(network('sigmoid', 'linear').predict([1, 2]) - -0.46307) < 1e-5);
    // sigmoid(−0.46307) = 1 / (1 + e^0.46307) ≈ 1 / 2.58897 ≈ 0.38625
    assert.ok(Math.abs(network('sigmoid', 'sigmoid').predict([1, 2]) - 0.38625) < 1e-5);
  });

  it('tanh: a = [tanh(−1), tanh(4)] ≈ [−0.76159, 0.99933]; z ≈ −0.76159 − 0.99933 + 0.25 = −1.51092', () => {
    assert.ok(Math.abs(network('tanh', 'linear').predict([1, 2]) - -1.51092) < 1e-5);
  });

  it('explain names the same hidden values', () => {
    const terms = explain(network('relu', 'sigmoid'), [1, 2]).terms;
    assert.deepEqual(terms.find((t) => t.name === 'layer_1')?.value, [-1, 4]);
    assert.deepEqual(terms.find((t) => t.name === 'layer_2')?.value, [0, 4], 'layer_2 = relu(layer_1), as the tutorial numbers layers');
    assert.equal(terms.find((t) => t.name === 'layer_3')?.value, -3.75);
    assert.equal(terms.find((t) => t.name === 'prediction')?.formula, 'layer_4 = sigmoid(layer_3)');
  });
});
