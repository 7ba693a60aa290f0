// The "network" block's settings against their limits, and the cap on how many problems are listed.
import * as assert from 'node:assert/strict';
import { MAX_REPORTED_PROBLEMS, NETWORK_LIMITS, parseDataset } from '../../src/dataset';
import type { ParseDatasetResult, Problem } from '../../src/dataset';

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/** A two-row file whose network block is the given lines, starting on line 6. */
function withNetwork(...settings: string[]): string {
  return [
    '{',
    '  "rows": [',
    '    { "input": [3, 1.5], "target": 0 },',
    '    { "input": [2, 1], "target": 1 }',
    '  ], "network": {',
    ...settings.map((setting, i) => `    ${setting}${i < settings.length - 1 ? ',' : ''}`),
    '  }',
    '}',
  ].join('\n');
}

function expectProblem(text: string, pattern: RegExp, line: number, severity: Problem['severity'] = 'error'): { result: ParseDatasetResult; covers: string } {
  const result = parseDataset(text);
  const matching = result.problems.filter((problem) => pattern.test(problem.message));
  const all = result.problems.map((problem) => `${problem.severity} line ${lineOf(text, problem.offset)}: ${problem.message}`);
  assert.equal(matching.length, 1, `expected one problem matching ${pattern}; got:\n${all.join('\n')}`);
  assert.equal(matching[0].severity, severity);
  assert.equal(lineOf(text, matching[0].offset), line);
  return { result, covers: text.slice(matching[0].offset, matching[0].offset + matching[0].length) };
}

describe('parseDataset: network settings', () => {
  it('a network that is not an object', () => {
    const text = withNetwork().replace('"network": {\n  }', '"network": [0.1]');
    expectProblem(text, /"network" must be an object.*not an array/, 5);
  });
  it('a misspelt setting, with the suggestion the learner needs', () => {
    const { result, covers } = expectProblem(withNetwork('"hiddenLayers": []', '"learningrate": 0.5'), /^unknown setting "learningrate" — did you mean "learningRate"\?$/, 7, 'warning');
    assert.equal(covers, '"learningrate"');
    assert.equal(result.dataset?.network.learningRate, undefined);
  });
  it('hiddenLayers not a list, too many layers, and bad layer sizes', () => {
    expectProblem(withNetwork('"hiddenLayers": 4'), /"hiddenLayers" must be a list of layer sizes/, 6);
    const tooMany = `[${Array(NETWORK_LIMITS.maxHiddenLayers + 1).fill(2).join(', ')}]`;
    expectProblem(withNetwork(`"hiddenLayers": ${tooMany}`), /"hiddenLayers" has 9 layers; at most 8/, 6);
    const { covers } = expectProblem(withNetwork('"iterations": 10,', '"hiddenLayers": [4, 0]').replace(',,', ','), /hidden layer 2 must be a whole number of neurons from 1 to 256, not 0/, 7);
    assert.equal(covers, '0');
    expectProblem(withNetwork('"hiddenLayers": [2.5]'), /hidden layer 1 .* not 2\.5/, 6);
    expectProblem(withNetwork('"hiddenLayers": [300]'), /hidden layer 1 .* not 300/, 6);
    expectProblem(withNetwork('"hiddenLayers": ["4"]'), /hidden layer 1 .* not a string \("4"\)/, 6);
  });
  it('a valid hidden layer list is kept', () => {
    const { dataset, problems } = parseDataset(withNetwork('"hiddenLayers": [8, 4]', '"activation": "relu"'));
    assert.deepEqual(problems, []);
    assert.deepEqual(dataset?.network, { hiddenLayers: [8, 4], activation: 'relu' });
  });
  it('an unknown activation or output, with suggestions', () => {
    expectProblem(withNetwork('"activation": "Relu"'), /"activation" of the hidden layers must be "sigmoid", "relu" or "tanh", not a string \("Relu"\) — did you mean "relu"\?/, 6);
    expectProblem(withNetwork('"output": "liner"'), /"output" .* must be "sigmoid" or "linear", not a string \("liner"\) — did you mean "linear"\?/, 6);
    expectProblem(withNetwork('"output": 1'), /"output" .* not 1$/, 6);
  });
  it('an activation with no hidden layers is ignored, so it gets a warning (but not the tutorial\'s sigmoid)', () => {
    const { covers, result } = expectProblem(withNetwork('"hiddenLayers": []', '"activation": "relu"'), /^"activation": "relu" has no effect with "hiddenLayers": \[\]: .*output is a sigmoid/, 7, 'warning');
    assert.equal(covers, '"relu"');
    assert.equal(result.dataset?.network.activation, 'relu');
    expectProblem(withNetwork('"hiddenLayers": []', '"activation": "sigmoid"', '"output": "linear"'), /"activation": "sigmoid" has no effect .*output is linear/, 7, 'warning');
    assert.deepEqual(parseDataset(withNetwork('"hiddenLayers": []', '"activation": "sigmoid"')).problems, [], 'the tutorial\'s own block');
    assert.deepEqual(parseDataset(withNetwork('"hiddenLayers": [4]', '"activation": "tanh"')).problems, []);
    assert.deepEqual(parseDataset(withNetwork('"activation": "tanh"')).problems, [], 'hidden layers may come from the settings');
  });
  it('a learning rate that is not positive, and one so large it gets a warning', () => {
    expectProblem(withNetwork('"learningRate": 0'), /"learningRate" must be a number greater than 0.*how big a step gradient descent takes.*not 0$/, 6);
    expectProblem(withNetwork('"learningRate": -0.1'), /"learningRate" must be a number greater than 0/, 6);
    expectProblem(withNetwork('"learningRate": "fast"'), /"learningRate" must be .*not a string \("fast"\)/, 6);
    expectProblem(withNetwork('"learningRate": 1e500'), /"learningRate" must be .*not 1e500, which is too large to be a number/, 6);
    const { result } = expectProblem(withNetwork('"learningRate": 50'), /"learningRate" 50 is very large/, 6, 'warning');
    assert.equal(result.dataset?.network.learningRate, 50);
  });
  it('iterations must be a whole number from 1 to 1e9; above 1e8 warns', () => {
    expectProblem(withNetwork('"iterations": 0'), /"iterations" must be a whole number from 1 to 1000000000, not 0/, 6);
    expectProblem(withNetwork('"iterations": 2.5'), /"iterations" must be a whole number .* not 2\.5/, 6);
    expectProblem(withNetwork('"iterations": 2e9'), /"iterations" must be a whole number .* not 2e9/, 6);
    expectProblem(withNetwork('"iterations": 500000000'), /"iterations" 500000000 will take a long time/, 6, 'warning');
  });
  it('errorInterval must be at least 1; larger than iterations warns', () => {
    expectProblem(withNetwork('"errorInterval": 0'), /"errorInterval" must be a whole number from 1/, 6);
    expectProblem(withNetwork('"iterations": 100', '"errorInterval": 1000'), /"errorInterval" 1000 is larger than "iterations" 100/, 7, 'warning');
  });
  it('seed must be a whole number from 0 to 2^32 - 1', () => {
    expectProblem(withNetwork('"seed": -1'), /"seed" must be a whole number from 0 to 4294967295 so a run can be repeated, not -1/, 6);
    expectProblem(withNetwork('"seed": 1.5'), /"seed" .* not 1\.5/, 6);
    expectProblem(withNetwork('"seed": 4294967296'), /"seed" .* not 4294967296/, 6);
    assert.equal(parseDataset(withNetwork('"seed": 4294967295')).dataset?.network.seed, 4294967295);
  });
  it('start only works without hidden layers', () => {
    const { result, covers } = expectProblem(withNetwork('"hiddenLayers": [4]', '"start": { "weights": [1.45, -0.66], "bias": 0 }'), /"start" .* only works with "hiddenLayers": \[\]/, 7);
    assert.equal(covers, '"start"');
    assert.equal(result.dataset?.network.start, undefined);
  });
  it('start needs weights and bias, as numbers', () => {
    expectProblem(withNetwork('"start": { "weights": [1.45, -0.66] }'), /"start" needs both "weights" .* and "bias"/, 6);
    expectProblem(withNetwork('"start": { "weights": [1.45, "x"], "bias": 0 }'), /"start.weights" value 2 is a string \("x"\)/, 6);
    expectProblem(withNetwork('"start": { "weights": 1.45, "bias": 0 }'), /"start.weights" must be an array/, 6);
    expectProblem(withNetwork('"start": { "weights": [1.45, -0.66], "bias": "0" }'), /"start.bias" must be a number, not a string/, 6);
    expectProblem(withNetwork('"start": [1.45, -0.66]'), /"start" must be an object like/, 6);
    expectProblem(withNetwork('"start": { "weights": [1.45, -0.66], "bias": 0, "bais": 1 }'), /"start": unknown key "bais" — did you mean "bias"\?/, 6, 'warning');
  });
  it('start weights that do not match the input size', () => {
    const { result, covers } = expectProblem(withNetwork('"start": { "weights": [1, 2, 3], "bias": 0 }'), /"start.weights" has 3 numbers, but each row has 2 inputs/, 6);
    assert.equal(covers, '[1, 2, 3]');
    assert.equal(result.dataset?.network.start, undefined);
  });
});

describe('parseDataset: a huge broken file', () => {
  const rowCount = 5000;
  const summary = (problems: Problem[]): Problem => problems[problems.length - 1];

  for (const [kind, badRow] of [
    ['targets out of range (read quickly)', (i: number) => `{ "input": [${i}, 1], "target": 2 }`],
    ['strings in inputs (read in full)', (i: number) => `{ "input": [${i}, "one"], "target": 1 }`],
  ] as const) {
    it(`lists only the first ${MAX_REPORTED_PROBLEMS} problems and counts the rest exactly: ${kind}`, () => {
      const rows = Array.from({ length: rowCount }, (_, i) => `    ${badRow(i)}`);
      const text = `{\n  "rows": [\n${rows.join(',\n')}\n  ]\n}`;
      const { problems, dataset } = parseDataset(text);
      assert.equal(problems.length, MAX_REPORTED_PROBLEMS + 1);
      assert.equal(dataset?.rows.length, 0);
      assert.match(summary(problems).message, /^…and 4,000 more problems from here on \(only the first 1,000 are listed\)/);
      assert.equal(summary(problems).severity, 'error');
      assert.equal(lineOf(text, summary(problems).offset), 3 + MAX_REPORTED_PROBLEMS, 'the summary points at the first row not listed');
      assert.match(problems[MAX_REPORTED_PROBLEMS - 1].message, /^row 1000: /);
    });
  }
});
