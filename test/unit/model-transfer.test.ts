// The model the worker sends is packed into typed arrays for the transfer: unpacked by the host it
// is exactly the network's snapshot, through a real structured clone.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { NeuralNetwork } from '../../src/core';
import { packModel, unpackModel } from '../../src/training/modelTransfer';

describe('model transfer (worker → host)', () => {
  it('unpacks to exactly the snapshot, for any shape, after a structured clone', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { maxLength: 3 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.constantFrom('sigmoid', 'tanh', 'relu'),
        (inputSize, hiddenLayers, seed, activation) => {
          const network = new NeuralNetwork({ learningRate: 0.1, seed, inputSize, hiddenLayers, activation: activation as 'sigmoid' });
          const snapshot = network.snapshot();
          const packed = structuredClone(packModel(snapshot, network.layers));
          assert.ok(packed.layers.every((layer) => layer.weights instanceof Float64Array));
          assert.deepStrictEqual(unpackModel(packed), snapshot);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('copies the numbers: training on afterwards does not change what was sent', () => {
    const network = new NeuralNetwork({ learningRate: 0.5, seed: 7, inputSize: 2, hiddenLayers: [3] });
    const snapshot = network.snapshot();
    const packed = packModel(snapshot, network.layers);
    network.train([[1, 2], [3, 1]], [0, 1], 50);
    assert.deepStrictEqual(unpackModel(packed), snapshot);
    assert.notDeepStrictEqual(network.snapshot().layers, snapshot.layers);
  });
});
