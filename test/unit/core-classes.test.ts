// One class rule for the whole lab (src/core/classes.ts): every "class N", ✓/✗ and count of rows
// right is read from it, so no two places can disagree about a row.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { classOf, classVerdict, countCorrect, isCorrect } from '../../src/core/classes';
import { explain } from '../../src/core/explain';
import { NeuralNetwork } from '../../src/core/network';
import { createRandom } from '../../src/core/random';
import { describePrediction } from '../../src/editor/predictionModel';

describe('classOf / isCorrect', () => {
  it('reads above 0.5 as class 1 and 0.5 itself, below it and NaN as class 0', () => {
    assert.equal(classOf(0.5), 0);
    assert.equal(classOf(0.5000000000000001), 1);
    assert.equal(classOf(0.4999), 0);
    assert.equal(classOf(Number.NaN), 0);
    assert.equal(classOf(Infinity), 1);
  });

  it('reads a target by the same rule: a prediction of 0.8 is right for a target of 0.7', () => {
    assert.equal(isCorrect(0.8, 0.7), true);
    assert.equal(isCorrect(0.3, 0.7), false);
    assert.equal(isCorrect(0.5, 0), true);
    assert.equal(isCorrect(0.51, 0), false);
  });

  it('gives no class to a linear output', () => {
    assert.equal(classVerdict('linear', 0.9, 1), undefined);
    assert.deepEqual(classVerdict('sigmoid', 0.9), { predictedClass: 1 });
    assert.deepEqual(classVerdict('sigmoid', 0.2, 0.9), { predictedClass: 0, correct: false });
  });

  it('counts the rows right', () => {
    const inputs = [[0], [1], [2], [3]];
    assert.deepEqual(countCorrect(([x]) => x / 3, inputs, [0, 0, 1, 0.4]), { right: 3, all: 4 });
    assert.deepEqual(countCorrect(() => 0, [], []), { right: 0, all: 0 });
  });

  it('the editor lens, explain and the count agree on every row of a random net', () => {
    const random = createRandom(7);
    for (let trial = 0; trial < 50; trial++) {
      const network = new NeuralNetwork({ learningRate: 0.1, inputSize: 2, hiddenLayers: [3], activation: 'tanh', seed: trial });
      const input = [random.next() * 6 - 3, random.next() * 6 - 3];
      const target = random.next();
      const prediction = network.predict(input);
      assert.equal(explain(network, input, target).predictedClass, classOf(prediction));
      const text = describePrediction(prediction, 'sigmoid', target, false);
      assert.ok(text.endsWith(isCorrect(prediction, target) ? ' ✓' : ' ✗'), text);
      assert.equal(countCorrect((row) => network.predict(row), [input], [target]).right, isCorrect(prediction, target) ? 1 : 0);
    }
  });

  it('is the only place that turns a number into a class (no `> 0.5 ? 1 : 0` elsewhere in src or webview)', () => {
    const files = (folder: string): string[] =>
      readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? files(path.join(folder, entry.name)) : entry.name.endsWith('.ts') ? [path.join(folder, entry.name)] : []);
    const copies = [...files('src'), ...files('webview')]
      .filter((file) => path.normalize(file) !== path.normalize('src/core/classes.ts'))
      .filter((file) => /> ?0\.5 \? 1 : 0/.test(readFileSync(file, 'utf8')));
    assert.deepEqual(copies, []);
  });
});
