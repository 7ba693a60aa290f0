// Feature crosses ("network.inputs"): the grammar, the parser's diagnostics on the bad entry itself,
// the derivation's numbers, one derivation on every path of the core (training, predict, gradients,
// explain, snapshots), bit-for-bit sameness when the inputs are the features themselves, and the
// tutorial's feature-engineering point: one neuron learns the circle with squares, and not without.
import * as assert from 'node:assert/strict';
import { createTrainer, explain, generatedDataset, InputDerivation, NeuralNetwork, readDerivedInput } from '../../src/core/index';
import { parseDataset } from '../../src/dataset';

const rows = '"rows": [ { "input": [2, 3], "target": 1 }, { "input": [-1, 0.5], "target": 0 } ]';

function parseInputs(inputs: string, extra = '') {
  const text = `{ ${extra}${rows}, "network": { "inputs": ${inputs} } }`;
  return { text, ...parseDataset(text) };
}

describe('feature crosses: the grammar', () => {
  const names = ['x1', 'x2'];
  for (const [written, expected] of [
    ['x1', [{ fn: 'identity', feature: 0 }]],
    ['x1*x1', [{ fn: 'identity', feature: 0 }, { fn: 'identity', feature: 0 }]],
    [' x1 * x2 ', [{ fn: 'identity', feature: 0 }, { fn: 'identity', feature: 1 }]],
    ['sin(x2)', [{ fn: 'sin', feature: 1 }]],
    ['cos( x1 )*x2', [{ fn: 'cos', feature: 0 }, { fn: 'identity', feature: 1 }]],
  ] as const) {
    it(`reads "${written}"`, () => assert.deepEqual(readDerivedInput(written, names), { ok: true, input: expected }));
  }
  for (const [written, message] of [
    ['', /is empty/], ['x3', /"x3", which is not a feature; .* did you mean "x1"\?/], ['tan(x1)', /the functions are sin and cos/],
    ['x1^2', /write a square as a product, like "x1\*x1"/], ['x1**2', /write a square as a product/], ['x1*', /nothing on one side/],
    ['x1*x1*x1*x1*x1', /at most 4/], ['sin(x3)', /"x3", which is not a feature/],
  ] as const) {
    it(`refuses "${written}" and says why`, () => {
      const reading = readDerivedInput(written, names);
      assert.equal(reading.ok, false);
      assert.match((reading as { message: string }).message, message);
    });
  }

  it('derives the numbers: products left to right, sin and cos of a feature', () => {
    const derivation = InputDerivation.fromText(2, ['x1', 'x2', 'x1*x1', 'x2*x2', 'x1*x2', 'sin(x1)', 'cos(x2)', 'sin(x1)*x2']);
    assert.deepEqual(derivation.derive([2, 3]), [2, 3, 4, 9, 6, Math.sin(2), Math.cos(3), Math.sin(2) * 3]);
    assert.deepEqual(derivation.texts(), ['x1', 'x2', 'x1*x1', 'x2*x2', 'x1*x2', 'sin(x1)', 'cos(x2)', 'sin(x1)*x2']);
  });
});

describe('parseDataset: "network.inputs"', () => {
  it('reads the inputs in canonical form, by the features\' own names', () => {
    const { dataset, problems } = parseInputs('["size", "size*age", "sin(age)"]', '"features": ["size", "age"], ');
    assert.deepEqual(problems, []);
    assert.deepEqual(dataset?.network.inputs, ['x1', 'x1*x2', 'sin(x2)']);
  });

  for (const [what, inputs, pattern, covered] of [
    ['an unknown feature', '["x1", "x1*x3"]', /^input 2 "x1\*x3" uses "x3", which is not a feature/, '"x1*x3"'],
    ['an unknown function', '["tan(x1)", "x2"]', /^input 1 "tan\(x1\)" uses tan\(…\); the functions are sin and cos/, '"tan(x1)"'],
    ['a number instead of text', '["x1", 2]', /^input 2 must be text like "x1\*x2"/, '2'],
    ['an empty list', '[]', /"inputs" is empty/, '[]'],
    ['not a list', '"x1*x2"', /"inputs" must be a list/, '"x1*x2"'],
  ] as const) {
    it(`puts an error on ${what}, exactly on the entry, and trains on nothing`, () => {
      const { text, dataset, problems } = parseInputs(inputs);
      assert.equal(problems.length, 1, JSON.stringify(problems));
      assert.equal(problems[0].severity, 'error');
      assert.match(problems[0].message, pattern);
      assert.equal(text.slice(problems[0].offset, problems[0].offset + problems[0].length), covered);
      assert.equal(dataset?.network.inputs, undefined);
    });
  }

  it('warns on a repeated input, on the repeat', () => {
    const { text, problems, dataset } = parseInputs('["x1*x2", "x2 * x1", "x2*x1"]');
    assert.deepEqual(problems.map((p) => [p.severity, text.slice(p.offset, p.offset + p.length)]), [['warning', '"x2*x1"']]);
    assert.deepEqual(dataset?.network.inputs, ['x1*x2', 'x2*x1', 'x2*x1']);
  });

  it('refuses "start" together with "inputs" (start has one weight per raw feature)', () => {
    const { problems } = parseInputs('["x1*x1"], "start": { "weights": [1, 2], "bias": 0 }');
    assert.ok(problems.some((p) => p.severity === 'error' && /cannot be combined with "inputs"/.test(p.message)), JSON.stringify(problems));
  });
});

describe('feature crosses in the network', () => {
  const inputs = [[3, 1.5], [2, 1], [4, 1.5], [3, 4], [3.5, 0.5], [2, 0.5], [5.5, 1], [1, 1]];
  const targets = [0, 1, 0, 1, 0, 1, 1, 0];

  it('inputs equal to the features train bit for bit like a network without inputs', () => {
    for (const hiddenLayers of [[], [3]]) {
      const plain = new NeuralNetwork({ learningRate: 0.1, seed: 4, hiddenLayers });
      const same = new NeuralNetwork({ learningRate: 0.1, seed: 4, hiddenLayers, inputs: ['x1', 'x2'] });
      assert.deepEqual(same.train(inputs, targets, 2000, { errorInterval: 100 }), plain.train(inputs, targets, 2000, { errorInterval: 100 }));
      assert.deepEqual(same.parameters(), plain.parameters());
      assert.equal(plain.snapshot().inputs, undefined);
    }
  });

  it('derives once for every path: predict, gradients, training, explain and a rebuilt snapshot agree with a network fed the derived rows', () => {
    const crossed = ['x1*x1', 'x2*x2', 'x1*x2', 'sin(x1)', 'cos(x2)'];
    const derivation = InputDerivation.fromText(2, crossed);
    const derivedRows = inputs.map((row) => derivation.derive(row));
    const network = new NeuralNetwork({ learningRate: 0.05, seed: 9, hiddenLayers: [4], activation: 'tanh', inputs: crossed });
    const reference = new NeuralNetwork({ learningRate: 0.05, seed: 9, hiddenLayers: [4], activation: 'tanh', inputSize: crossed.length });
    assert.deepEqual(network.parameters(), reference.parameters());
    assert.deepEqual(network.train(inputs, targets, 3000), reference.train(derivedRows, targets, 3000));
    inputs.forEach((row, i) => {
      assert.equal(network.predict(row), reference.predict(derivedRows[i]));
      assert.deepEqual(network.computeGradients(row, targets[i]), reference.computeGradients(derivedRows[i], targets[i]));
      const explained = explain(network, row, targets[i]);
      assert.equal(explained.prediction, network.predict(row));
      assert.deepEqual(explained.terms.find((term) => term.name === 'input_vector')?.value, derivedRows[i]);
      assert.deepEqual(explained.input, row);
    });
    const rebuilt = NeuralNetwork.fromSnapshot(JSON.parse(JSON.stringify(network.snapshot())));
    assert.deepEqual(rebuilt.snapshot().inputs, crossed);
    inputs.forEach((row) => assert.equal(rebuilt.predict(row), network.predict(row)));
  });

  it('the tutorial\'s single neuron learns the circle with x1*x1 and x2*x2 (error per row below 0.01) and not without (above 0.2)', () => {
    const circle = generatedDataset({ shape: 'circle', points: 200, noise: 0, testRatio: 0, seed: 1 });
    const x = circle.rows.map((row) => row.input);
    const y = circle.rows.map((row) => row.target as number);
    for (const seed of [1, 2, 3]) {
      const meanError = (inputs?: string[]) => {
        const network = new NeuralNetwork({ learningRate: 0.1, seed, inputs });
        createTrainer(network, x, y, { iterations: 20_000, errorInterval: 1000 }).run(20_000);
        return network.cumulativeError(x, y) / x.length;
      };
      const squared = meanError(['x1*x1', 'x2*x2']);
      const plain = meanError(undefined);
      assert.ok(squared < 0.01, `seed ${seed}: with squares ${squared}`);
      assert.ok(plain > 0.2, `seed ${seed}: without ${plain}`);
    }
  });
});
