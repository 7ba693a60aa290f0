// parseDataset on good files, the quick and recovering paths agreeing, and writing files back out.
import * as assert from 'node:assert/strict';
import { FULL_RECOVERY_MAX_LENGTH } from '../../src/dataset/json';
import { formatDataset, parseDataset, serializeRow } from '../../src/dataset';
import type { DatasetToWrite } from '../../src/dataset';

const tutorialText = [
  '{',
  '  "description": "The tutorial\'s eight rows",',
  '  "features": ["x1", "x2"],',
  '  "rows": [',
  '    { "input": [3, 1.5], "target": 0 },',
  '    { "input": [2, 1], "target": 1, "split": "test" },',
  '    { "input": [1.66, 1.56] }',
  '  ],',
  '  "network": { "hiddenLayers": [], "activation": "sigmoid", "learningRate": 0.1,',
  '               "iterations": 10000, "errorInterval": 100, "seed": 42,',
  '               "start": { "weights": [1.45, -0.66], "bias": 0 } }',
  '}',
].join('\n');

const lines = (text: string): string[] => text.split('\n');

describe('parseDataset: a good file', () => {
  const { dataset, problems } = parseDataset(tutorialText);

  it('reports no problems and reads description, features and input size', () => {
    assert.deepEqual(problems, []);
    assert.ok(dataset);
    assert.equal(dataset.description, "The tutorial's eight rows");
    assert.deepEqual(dataset.features, ['x1', 'x2']);
    assert.equal(dataset.inputSize, 2);
  });

  it('reads every row with its input, target and split; a row without target is only predicted', () => {
    assert.deepEqual(
      dataset?.rows.map(({ index, input, target, split }) => ({ index, input, target, split })),
      [
        { index: 0, input: [3, 1.5], target: 0, split: 'train' },
        { index: 1, input: [2, 1], target: 1, split: 'test' },
        { index: 2, input: [1.66, 1.56], target: undefined, split: 'train' },
      ],
    );
  });

  it('gives each row the offsets of exactly its object text', () => {
    const rowLines = lines(tutorialText).slice(4, 7).map((line) => line.trim().replace(/,$/, ''));
    assert.deepEqual(dataset?.rows.map((row) => tutorialText.slice(row.offset, row.offset + row.length)), rowLines);
  });

  it('points rowsKey at the "rows" key and networkRange at the network object', () => {
    assert.ok(dataset?.rowsKey && dataset.networkRange);
    assert.equal(tutorialText.slice(dataset.rowsKey.offset, dataset.rowsKey.offset + dataset.rowsKey.length), '"rows"');
    const network = tutorialText.slice(dataset.networkRange.offset, dataset.networkRange.offset + dataset.networkRange.length);
    assert.match(network, /^\{ "hiddenLayers": \[\],[\s\S]*"bias": 0 \} \}$/);
  });

  it('reads every network setting', () => {
    assert.deepEqual(dataset?.network, {
      hiddenLayers: [], activation: 'sigmoid', learningRate: 0.1, iterations: 10000, errorInterval: 100, seed: 42,
      start: { weights: [1.45, -0.66], bias: 0 },
    });
  });

  it('keeps each row\'s file position in index when an earlier row is invalid', () => {
    const text = '{ "rows": [ { "input": [1, "x"], "target": 0 }, { "input": [1, 2], "target": 1 } ] }';
    const result = parseDataset(text);
    assert.deepEqual(result.dataset?.rows.map((row) => row.index), [1]);
    assert.equal(result.problems.length, 1);
  });

  it('accepts any finite target for a linear output, from the file or from the outputHint', () => {
    const rows = '"rows": [ { "input": [1], "target": 250.5 }, { "input": [2], "target": -3 } ]';
    assert.deepEqual(parseDataset(`{ ${rows}, "network": { "output": "linear" } }`).problems, []);
    assert.deepEqual(parseDataset(`{ ${rows} }`, { outputHint: 'linear' }).problems, []);
    assert.deepEqual(parseDataset(`{ ${rows} }`, { outputHint: 'linear' }).dataset?.rows.map((row) => row.target), [250.5, -3]);
  });

  it('allows "$schema" at the top level without a warning', () => {
    assert.deepEqual(parseDataset('{ "$schema": "./dataset.schema.json", "rows": [ { "input": [1], "target": 1 } ] }').problems, []);
  });
});

describe('parseDataset: the quick path and the recovering path agree', () => {
  const clean = parseDataset(tutorialText);

  it('reads the same rows when a syntax error elsewhere forces the recovering parser', () => {
    // Same length, so offsets stay comparable: the comma after "features" becomes a space.
    const broken = tutorialText.replace('"features": ["x1", "x2"],', '"features": ["x1", "x2"] ');
    assert.notEqual(broken, tutorialText);
    const recovered = parseDataset(broken);
    assert.ok(recovered.problems.some((problem) => problem.severity === 'error'));
    assert.deepEqual(recovered.dataset?.rows, clean.dataset?.rows);
  });

  it('reads the rows of a well-formed file with comments and trailing commas, warning about each', () => {
    const text = tutorialText
      .replace('{ "input": [1.66, 1.56] }', '{ "input": [1.66, 1.56], /* predicted */ },')
      .replace('"seed": 42,', '"seed": 42, // reproducible');
    const result = parseDataset(text);
    assert.deepEqual(result.dataset?.rows.map((row) => row.input), clean.dataset?.rows.map((row) => row.input));
    assert.deepEqual(result.problems.map((problem) => problem.severity), ['warning', 'warning', 'warning', 'warning']);
  });

  it('stops at syntax errors for a broken file too large to recover rows from quickly', function () {
    this.timeout(30_000);
    const row = '    { "input": [3, 1.5], "target": 0 },\n';
    const count = Math.ceil(FULL_RECOVERY_MAX_LENGTH / row.length) + 1;
    const text = `{\n  "rows": [\n${row.repeat(count)}    { "input": [1, 1] "target": 1 }\n  ]\n}\n`;
    const result = parseDataset(text);
    assert.equal(result.dataset, undefined);
    assert.deepEqual(result.problems.map((problem) => problem.message.slice(0, 30)), [
      'Expected a comma (,) between t',
      'The rows of a file this large ',
    ]);
    assert.equal(text.slice(result.problems[0].offset, result.problems[0].offset + 8), '"target"');
  });
});

describe('serializeRow', () => {
  it('writes one line in the file style, leaving out the default split', () => {
    assert.equal(serializeRow({ input: [3, 1.5], target: 0 }), '{ "input": [3, 1.5], "target": 0 }');
    assert.equal(serializeRow({ input: [2, 1], target: 1, split: 'train' }), '{ "input": [2, 1], "target": 1 }');
    assert.equal(serializeRow({ input: [-0.5, 1e-7], split: 'test' }), '{ "input": [-0.5, 1e-7], "split": "test" }');
  });

  it('refuses NaN and Infinity, which JSON would turn into null', () => {
    assert.throws(() => serializeRow({ input: [1, Number.NaN] }), RangeError);
    assert.throws(() => serializeRow({ input: [1], target: Number.POSITIVE_INFINITY }), RangeError);
  });
});

describe('formatDataset', () => {
  const content: DatasetToWrite = {
    description: 'Quotes " and backslashes \\ survive',
    features: ['x1', 'x2'],
    rows: [{ input: [3, 1.5], target: 0 }, { input: [2, 1], target: 1, split: 'test' }, { input: [1.66, 1.56] }],
    network: { hiddenLayers: [], learningRate: 0.1, seed: 42, start: { weights: [1.45, -0.66], bias: 0 } },
  };
  const text = formatDataset(content);

  it('writes one row per line and one setting per line', () => {
    assert.deepEqual(lines(text).filter((line) => line.includes('"input"')), [
      '    { "input": [3, 1.5], "target": 0 },',
      '    { "input": [2, 1], "target": 1, "split": "test" },',
      '    { "input": [1.66, 1.56] }',
    ]);
    assert.ok(lines(text).includes('    "start": { "weights": [1.45, -0.66], "bias": 0 }'));
    assert.ok(text.endsWith('}\n'));
  });

  it('reads back to the same data with no problems', () => {
    const { dataset, problems } = parseDataset(text);
    assert.deepEqual(problems, []);
    assert.equal(dataset?.description, content.description);
    assert.deepEqual(dataset?.features, content.features);
    assert.deepEqual(dataset?.network, content.network);
    assert.deepEqual(dataset?.rows.map(({ input, target, split }) => ({ input, target, split })), [
      { input: [3, 1.5], target: 0, split: 'train' },
      { input: [2, 1], target: 1, split: 'test' },
      { input: [1.66, 1.56], target: undefined, split: 'train' },
    ]);
  });

  it('writes an empty rows array and an empty network block compactly', () => {
    assert.equal(formatDataset({ rows: [], network: {} }), '{\n  "rows": [],\n  "network": {}\n}\n');
  });
});

describe('parseDataset: large files', () => {
  // Timing lives in `npm run bench` (in-host parse and lens latencies); this checks the fast path's results.
  it('reads 10,000 rows with exact offsets for the last one', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `    { "input": [${i / 7}, ${i % 13}], "target": ${i % 2} }`);
    const text = `{\n  "features": ["a", "b"],\n  "rows": [\n${rows.join(',\n')}\n  ]\n}\n`;
    const { dataset, problems } = parseDataset(text);
    assert.equal(problems.length, 0);
    assert.equal(dataset?.rows.length, 10_000);
    const last = dataset!.rows[9_999];
    assert.equal(text.slice(last.offset, last.offset + last.length), rows[9_999].trim());
    assert.deepEqual(last.input, [9_999 / 7, 9_999 % 13]);
  });
});
