// The host's pure decisions: which settings a run uses, what a learner reads at its end,
// and how a prediction is written at the end of its row.
import * as assert from 'assert';
import { resolveSettings, sanitizeUserDefaults, BUILT_IN_DEFAULTS } from '../../src/training/resolveSettings';
import { endMessage, suggestedLearningRate } from '../../src/training/runMessages';
import { describePrediction } from '../../src/editor/predictionModel';

describe('resolveSettings', () => {
  const user = { ...BUILT_IN_DEFAULTS, learningRate: 0.2, iterations: 5000, seed: 11 };

  it('takes the panel fields over the file, and the file over the user settings', () => {
    const file = { learningRate: 0.05, iterations: 300, hiddenLayers: [3], activation: 'tanh' as const };
    assert.deepStrictEqual(resolveSettings(user, file, {}, () => 99), {
      learningRate: 0.05, iterations: 300, errorInterval: 100, seed: 11, hiddenLayers: [3], activation: 'tanh', output: 'sigmoid',
    });
    const overridden = resolveSettings(user, file, { learningRate: 1, iterations: 7 }, () => 99);
    assert.strictEqual(overridden.learningRate, 1);
    assert.strictEqual(overridden.iterations, 7);
  });

  it('picks a fresh seed only when neither the file nor the settings fix one', () => {
    assert.strictEqual(resolveSettings({ ...user, seed: null }, {}, {}, () => 1234).seed, 1234);
    assert.strictEqual(resolveSettings({ ...user, seed: null }, { seed: 0 }, {}, () => 1234).seed, 0);
  });

  it('falls back to the built-in defaults for nonsense in settings.json', () => {
    const read = (values: Record<string, unknown>) => sanitizeUserDefaults((key) => values[key]);
    assert.deepStrictEqual(read({ learningRate: -1, iterations: 2.5, errorInterval: 'x', seed: -3, hiddenLayers: [0], activation: 'softmax' }), BUILT_IN_DEFAULTS);
    assert.deepStrictEqual(read({ learningRate: 0.3, iterations: 10, errorInterval: 5, seed: 8, hiddenLayers: [4, 2], activation: 'relu' }), {
      learningRate: 0.3, iterations: 10, errorInterval: 5, seed: 8, hiddenLayers: [4, 2], activation: 'relu',
    });
  });
});

describe('end-of-run messages', () => {
  const run = (lastError?: number, largestInput?: number) => ({
    iteration: 1234, lastError, info: { settings: { learningRate: 100, iterations: 5000, seed: 3, hiddenLayers: [] as number[] }, largestInput },
  });

  it('names the cause of divergence and suggests a tenth of the learning rate', () => {
    const message = endMessage('diverged', run(), '');
    assert.match(message, /iteration 1,234/);
    assert.match(message, /NaN or Infinity/);
    assert.match(message, /Lower the learning rate \(try 10\)/);
  });

  it('explains saturation with the same advice', () => {
    const message = endMessage('saturated', run(4), 'mean gradient 1.00e-9');
    assert.match(message, /pinned near 0 or 1/);
    assert.match(message, /try 10\)/);
    assert.match(message, /Cumulative error: 4\.000/);
  });

  it('says to scale the features when the inputs are large', () => {
    assert.match(endMessage('diverged', run(undefined, 250), ''), /inputs are large \(up to 250\).*Scale the features/);
    assert.doesNotMatch(endMessage('diverged', run(undefined, 5.5), ''), /Scale the features/);
  });

  it('claims nothing about separability without the worker\'s diagnosis (the old plateau message fired on any miss)', () => {
    const stuck = { ...run(2.1), accuracy: { train: { right: 1, all: 2 }, test: { right: 0, all: 0 } } };
    const message = endMessage('completed', stuck, '');
    assert.match(message, /Training accuracy 1\/2 \(50%\)\./);
    assert.doesNotMatch(message, /split|straight|hiddenLayers/);
  });

  it('suggests readable learning rates', () => {
    assert.strictEqual(suggestedLearningRate(0.1), 0.01);
    assert.strictEqual(suggestedLearningRate(3), 0.3);
  });
});

describe('describePrediction', () => {
  it('writes the tutorial-style result with a mark against the target', () => {
    assert.strictEqual(describePrediction(0.7985731, 'sigmoid', 1, false), '→ 0.799 ⇒ class 1 ✓');
    assert.strictEqual(describePrediction(0.87101915, 'sigmoid', 0, false), '→ 0.871 ⇒ class 1 ✗');
    assert.strictEqual(describePrediction(0.2, 'sigmoid', undefined, false), '→ 0.200 ⇒ class 0');
    assert.strictEqual(describePrediction(0.5, 'sigmoid', 0, false), '→ 0.500 ⇒ class 0 ✓', 'exactly 0.5 is not above 0.5');
  });

  it('says when the weights are random, and writes numbers for regression', () => {
    assert.match(describePrediction(0.6, 'sigmoid', 1, true), /untrained: random weights/);
    assert.strictEqual(describePrediction(253.4567891, 'linear', 250, false), '→ 253.457  (target 250)');
  });
});
