// Large models are stored as bytes (a JSON header and raw float64): the round trip is exact, the
// size is eight bytes a number, and anything that is not such a file reads as no model.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { NeuralNetwork } from '../../src/core';
import type { ModelSnapshot } from '../../src/core/types';
import { decodeModel, encodeModel, valueCount } from '../../src/training/modelCodec';

describe('model codec', () => {
  it('gives back exactly the model it was given, for any layer sizes and values', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { maxLength: 3 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.double({ noNaN: true }),
        (inputSize, hiddenLayers, seed, special) => {
          const model = new NeuralNetwork({ learningRate: 0.5, seed, hiddenLayers, activation: 'tanh', inputSize }).snapshot();
          model.layers[0].weights[0][0] = special;
          model.layers[model.layers.length - 1].biases[0] = -0;
          const back = decodeModel(encodeModel(model));
          assert.deepStrictEqual(back, model);
          assert.ok(Object.is(back!.layers[back!.layers.length - 1].biases[0], -0), '-0 stays -0');
        },
      ),
      { numRuns: 100 },
    );
  });

  it('keeps fields it does not know about and costs eight bytes a number', () => {
    const model = { ...new NeuralNetwork({ learningRate: 0.1, seed: 1, hiddenLayers: [64], inputSize: 300 }).snapshot(), inputs: ['x1', 'x1*x2'] } as ModelSnapshot;
    const bytes = encodeModel(model);
    assert.equal(valueCount(model.layers), 64 * 301 + 65);
    assert.ok(bytes.byteLength - 8 * valueCount(model.layers) < 400, `${bytes.byteLength} bytes`);
    assert.deepStrictEqual(decodeModel(bytes), model);
    // From an unaligned place in a larger buffer, as a file read may hand it over.
    const shifted = new Uint8Array(bytes.byteLength + 3);
    shifted.set(bytes, 3);
    assert.deepStrictEqual(decodeModel(shifted.subarray(3)), model);
  });

  it('reads anything else as no model, never throwing', () => {
    const bytes = encodeModel(new NeuralNetwork({ learningRate: 0.1, seed: 1 }).snapshot());
    assert.equal(decodeModel(bytes.subarray(0, bytes.byteLength - 8)), undefined, 'truncated');
    assert.equal(decodeModel(new Uint8Array(0)), undefined);
    assert.equal(decodeModel(new TextEncoder().encode('{"layers": []}')), undefined, 'a JSON model file');
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (random) => void decodeModel(random)));
  });
});
