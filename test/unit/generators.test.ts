// Generate Dataset…'s four shapes: seeded and deterministic, exact counts and test ratio, points
// exactly on their shape's rule at noise 0, noise that really moves points, the "generator" block
// written and read back, and the descriptions' claims checked by training on the data.
import * as assert from 'node:assert/strict';
import { createTrainer, generatedDataset, generateRows, GENERATOR_SHAPES, generatorSettingsProblem, NeuralNetwork, shapeRule } from '../../src/core/index';
import { formatDataset, parseDataset } from '../../src/dataset';
import type { GeneratorSettings } from '../../src/core/index';

const settings = (overrides: Partial<GeneratorSettings> = {}): GeneratorSettings =>
  ({ shape: 'spiral', points: 200, noise: 0.1, testRatio: 0.2, seed: 3, ...overrides });

describe('dataset generators', () => {
  for (const shape of GENERATOR_SHAPES) {
    describe(shape, () => {
      it('gives the same rows, and the same file, for the same settings and different rows for another seed', () => {
        const first = formatDataset(generatedDataset(settings({ shape })));
        assert.equal(formatDataset(generatedDataset(settings({ shape }))), first);
        assert.notEqual(formatDataset(generatedDataset(settings({ shape, seed: 4 }))), first);
      });

      it('makes exactly the points asked for, half of each class, and exactly round(points × testRatio) test rows', () => {
        for (const [points, testRatio] of [[200, 0.2], [101, 0.33], [2, 0], [7, 0.5], [10_000, 0.9]] as const) {
          const rows = generateRows(settings({ shape, points, testRatio }));
          assert.equal(rows.length, points);
          assert.equal(rows.filter((row) => row.target === 1).length, Math.ceil(points / 2));
          assert.equal(rows.filter((row) => row.split === 'test').length, Math.round(points * testRatio), `${points} × ${testRatio}`);
        }
      });

      it('puts every point exactly on its shape\'s rule at noise 0', () => {
        for (const seed of [1, 2, 3]) {
          for (const row of generateRows(settings({ shape, noise: 0, points: 1000, seed }))) {
            assert.equal(shapeRule(shape, row.input[0], row.input[1]), row.target, `${JSON.stringify(row.input)} is class ${row.target}`);
          }
        }
      });

      it('moves points off the rule as the noise grows, by at most noise × 5 per coordinate', () => {
        const clean = generateRows(settings({ shape, noise: 0, points: 1000 }));
        const wrong = (noise: number) => generateRows(settings({ shape, noise, points: 1000 }))
          .filter((row) => shapeRule(shape, row.input[0], row.input[1]) !== row.target).length;
        assert.ok(wrong(0.5) > wrong(0.05), `noise 0.5 misplaces ${wrong(0.5)}, noise 0.05 ${wrong(0.05)}`);
        // Same seed: the clean points are drawn first, so noisy rows sit within the noise of them.
        // (Only the spiral draws no random numbers for the clean point, so only it can be compared point by point.)
        if (shape === 'spiral') {
          const noisy = generateRows(settings({ shape, noise: 0.1, points: 1000 }));
          noisy.forEach((row, i) => {
            assert.ok(Math.abs(row.input[0] - clean[i].input[0]) <= 0.5 + 1e-4 && Math.abs(row.input[1] - clean[i].input[1]) <= 0.5 + 1e-4);
          });
        }
      });
    });
  }

  it('writes a file that parses without problems and records its generator, which makes the same rows again', () => {
    const text = formatDataset(generatedDataset(settings()));
    const { dataset, problems } = parseDataset(text);
    assert.deepEqual(problems, []);
    assert.deepEqual(dataset?.generator, settings());
    assert.deepEqual(dataset?.features, ['x1', 'x2']);
    const again = generateRows(dataset!.generator!);
    assert.deepEqual(dataset!.rows.map((row) => ({ input: row.input, target: row.target, split: row.split })), again);
    assert.match(text, /"generator": \{ "shape": "spiral", "points": 200, "noise": 0.1, "testRatio": 0.2, "seed": 3 \}/);
  });

  it('refuses settings outside the limits, before any work', () => {
    for (const bad of [{ points: 1 }, { points: 10_001 }, { points: 2.5 }, { noise: -0.1 }, { noise: 1.5 }, { noise: NaN }, { testRatio: 0.95 },
      { seed: -1 }, { seed: 2 ** 32 }, { shape: 'moon' as never }, { points: 2, testRatio: 0.9 }]) {
      assert.ok(generatorSettingsProblem(settings(bad)), JSON.stringify(bad));
      assert.throws(() => generateRows(settings(bad)), RangeError);
    }
  });

  it('the gaussians description is true: without noise the tutorial\'s single neuron classifies every row', () => {
    const dataset = generatedDataset(settings({ shape: 'gaussians', noise: 0, testRatio: 0 }));
    const inputs = dataset.rows.map((row) => row.input);
    const targets = dataset.rows.map((row) => row.target as number);
    const network = new NeuralNetwork({ learningRate: 0.1, seed: 1 });
    createTrainer(network, inputs, targets, { iterations: 10_000, errorInterval: 100 }).run(10_000);
    assert.ok(inputs.every((input, i) => (network.predict(input) > 0.5 ? 1 : 0) === targets[i]));
  });
});

describe('parseDataset: the "generator" block', () => {
  const file = (generator: string) => `{ "generator": ${generator}, "rows": [ { "input": [1, 2], "target": 1 } ] }`;
  const good = '{ "shape": "xor", "points": 20, "noise": 0, "testRatio": 0.5, "seed": 9 }';

  it('reads a valid block', () => {
    const { dataset, problems } = parseDataset(file(good));
    assert.deepEqual(problems, []);
    assert.deepEqual(dataset?.generator, { shape: 'xor', points: 20, noise: 0, testRatio: 0.5, seed: 9 });
  });

  for (const [what, generator, pattern, at] of [
    ['a misspelt shape', good.replace('"xor"', '"spirals"'), /"generator\.shape" must be .*"spiral"/, '"spirals"'],
    ['too many points', good.replace('20', '20000'), /"generator\.points" must be a whole number from 2 to 10000, not 20000/, '20000'],
    ['noise out of range', good.replace('"noise": 0', '"noise": 2'), /"generator\.noise" must be a number from 0 to 1/, '2'],
    ['a test ratio that leaves nothing to train on', good.replace('"points": 20', '"points": 2').replace('0.5', '0.9'), /holds out every one of the 2 points/, '0.9'],
    ['a missing key', good.replace(', "seed": 9', ''), /"generator" needs "seed"/, '{'],
    ['not an object', '[1]', /"generator" records how the rows were made/, '[1]'],
  ] as const) {
    it(`warns on ${what}, at the value itself, and ignores the block (training still works)`, () => {
      const text = file(generator);
      const { dataset, problems } = parseDataset(text);
      assert.equal(problems.length, 1, JSON.stringify(problems));
      assert.equal(problems[0].severity, 'warning');
      assert.match(problems[0].message, pattern);
      assert.equal(text.slice(problems[0].offset, problems[0].offset + Math.max(problems[0].length, 1)).slice(0, at.length), at);
      assert.equal(dataset?.generator, undefined);
      assert.equal(dataset?.rows.length, 1);
    });
  }
});
