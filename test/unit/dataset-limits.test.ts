// Values the schema allows that can only hurt: an errorInterval recording millions of errors gets a
// warning whose suggestion holds; a network too large to train is an error on "hiddenLayers", and
// its count is the core's own.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { NeuralNetwork } from '../../src/core';
import { NETWORK_LIMITS, networkTooLarge, networkValueCount } from '../../src/core/limits';
import { parseDataset } from '../../src/dataset';
import { parameterCount } from '../../src/training/parameterSummary';

const rows = (inputs: number) => `[ { "input": [${Array.from({ length: inputs }, (_, index) => index % 7).join(', ')}], "target": 1 } ]`;

describe('dataset limits', () => {
  it('warns when errorInterval records more than a million errors, suggesting one that records at most 10,000', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 1e9 })), (iterations, errorInterval) => {
        const text = `{ "network": { "iterations": ${iterations}, "errorInterval": ${errorInterval} }, "rows": ${rows(2)} }`;
        const warning = parseDataset(text).problems.find((problem) => /records the error/.test(problem.message));
        const recorded = Math.ceil(iterations / errorInterval);
        assert.equal(warning !== undefined, recorded > 1_000_000);
        if (!warning) return;
        assert.equal(text.slice(warning.offset, warning.offset + warning.length), String(errorInterval));
        assert.match(warning.message, new RegExp(`records the error ${recorded.toLocaleString('en-US')} times`));
        const suggested = Number(/"errorInterval": (\d+) records at most 10,000/.exec(warning.message)?.[1]);
        assert.ok(Math.ceil(iterations / suggested) <= 10_000, `${suggested} records ${Math.ceil(iterations / suggested)}`);
      }),
      { numRuns: 300 },
    );
    const worst = parseDataset(`{ "network": { "iterations": 1000000000, "errorInterval": 1 }, "rows": ${rows(2)} }`);
    assert.ok(worst.problems.some((problem) => /records the error 1,000,000,000 times.*"errorInterval": 100000 records at most 10,000/.test(problem.message)));
  });

  it('counts a network’s weights and biases as the core builds them', () => {
    for (const [inputs, layers] of [[2, []], [2, [4, 4]], [300, [64]], [4000, [256, 256, 256, 256, 256, 256, 256, 256]]] as [number, number[]][]) {
      const network = new NeuralNetwork({ learningRate: 0.1, seed: 1, hiddenLayers: layers, inputSize: inputs });
      assert.equal(networkValueCount(inputs, layers), parameterCount(network.parameters()));
    }
    assert.equal(networkValueCount(4000, Array(8).fill(256)), 1_485_057);
  });

  it('trains 10,000 inputs into [256 × 8] (3,022,081 values) but not 20,000: an error on "hiddenLayers"', () => {
    const layers = JSON.stringify(Array(8).fill(256));
    assert.equal(networkTooLarge(10_000, Array(8).fill(256)), undefined);
    const fits = parseDataset(`{ "network": { "hiddenLayers": ${layers} }, "rows": ${rows(10_000)} }`);
    assert.deepEqual(fits.problems.filter((problem) => problem.severity === 'error'), []);
    const text = `{ "network": { "hiddenLayers": ${layers} }, "rows": ${rows(20_000)} }`;
    const { problems } = parseDataset(text);
    const error = problems.find((problem) => problem.severity === 'error');
    assert.ok(error);
    assert.equal(text.slice(error.offset, error.offset + error.length), layers);
    const count = networkValueCount(20_000, Array(8).fill(256));
    assert.ok(count > NETWORK_LIMITS.maxNetworkValues);
    assert.match(error.message, new RegExp(`20,000 inputs and hidden layers \\[256, 256, 256, 256, 256, 256, 256, 256\\] the network has ${count.toLocaleString('en-US')} weights and biases \\(${Math.round((count * 8) / 1e6)} MB\\); at most 4,000,000 can be trained here`));
  });
});
