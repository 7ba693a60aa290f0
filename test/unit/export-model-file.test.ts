// The model file: what is written reads back as the same network (predictions bit for bit),
// every kind of bad file is refused with a sentence saying what is wrong, and no input at all
// can make parseModelFile throw.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { NeuralNetwork } from '../../src/core/index';
import type { ModelSnapshot } from '../../src/core/index';
import {
  checkModelFits, MODEL_FILE_VERSION, MODEL_FORMAT, modelToFile, parseModelFile, suggestedModelFileName,
} from '../../src/export/index';
import { tutorialNetwork, variants } from './export-helpers';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON, reshaped freely by the cases
type FileObject = Record<string, any>;

function fileObject(snapshot: ModelSnapshot): FileObject {
  return JSON.parse(modelToFile(snapshot)) as FileObject;
}

function errorOf(file: FileObject | string): string {
  const result = parseModelFile(typeof file === 'string' ? file : JSON.stringify(file));
  assert.equal(result.model, undefined, 'a bad file gives no model');
  assert.equal(typeof result.error, 'string');
  return result.error as string;
}

/** An arbitrary, valid snapshot: any architecture, any finite doubles (-0, subnormals, huge). */
const snapshotArbitrary: fc.Arbitrary<ModelSnapshot> = fc.record({
  inputSize: fc.integer({ min: 1, max: 4 }),
  hiddenLayers: fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 3 }),
  activation: fc.constantFrom('sigmoid' as const, 'relu' as const, 'tanh' as const),
  output: fc.constantFrom('sigmoid' as const, 'linear' as const),
  learningRate: fc.double({ min: 1e-6, max: 10, noNaN: true }),
  seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
}).chain((shape) => {
  const sizes = [shape.inputSize, ...shape.hiddenLayers, 1];
  const value = fc.double({ noNaN: true, noDefaultInfinity: true });
  const layers = sizes.slice(1).map((units, l) => fc.tuple(
    fc.array(fc.array(value, { minLength: sizes[l], maxLength: sizes[l] }), { minLength: units, maxLength: units }),
    fc.array(value, { minLength: units, maxLength: units }),
  ).map(([weights, biases]) => ({ weights, biases })));
  return fc.tuple(...layers).map((built) => ({ ...shape, layers: built }));
});

describe('export: model file', function () {
  this.timeout(20_000);
  it('round-trips the tutorial net and deeper nets: same snapshot, bit-identical predictions', () => {
    const probes = [[3, 1.5], [1.66, 1.56], [-2, 7], [0, 0], [1e-9, -1e9]];
    for (const { name, network } of variants()) {
      const snapshot = network.snapshot();
      const { model, error } = parseModelFile(modelToFile(snapshot));
      assert.equal(error, undefined, name);
      assert.deepStrictEqual(model, snapshot, name);
      const loaded = NeuralNetwork.fromSnapshot(model as ModelSnapshot);
      for (const input of probes) assert.ok(Object.is(loaded.predict(input), network.predict(input)), `${name} at ${input}`);
    }
  });

  it('writes the documented shape, with the extras when given', () => {
    const snapshot = tutorialNetwork().snapshot();
    const text = modelToFile(snapshot, {
      features: ['x1', 'x2'], datasetName: 'tutorial.nn.json', iterations: 10000, errorInterval: 100,
      trainedAt: new Date('2025-02-03T04:05:06.789Z'),
    });
    const file = JSON.parse(text) as FileObject;
    assert.equal(file.format, MODEL_FORMAT);
    assert.equal(file.version, 1);
    assert.deepStrictEqual(file.architecture, { inputSize: 2, hiddenLayers: [], activation: 'sigmoid', output: 'sigmoid' });
    assert.deepStrictEqual(file.training, { learningRate: 0.1, iterations: 10000, errorInterval: 100, seed: 42 });
    assert.equal(file.trainedAt, '2025-02-03T04:05:06.789Z');
    assert.match(text, /^ {8}\[-?\d[^\n]*\]$/m, 'a row of weights stays on one line');
    const { model } = parseModelFile(text);
    assert.deepStrictEqual(model, {
      ...snapshot, features: ['x1', 'x2'], datasetName: 'tutorial.nn.json', iterations: 10000, errorInterval: 100,
      trainedAt: '2025-02-03T04:05:06.789Z',
    });
    assert.throws(() => modelToFile(snapshot, { features: ['only one'] }), /1 feature names for a model with 2 inputs/);
    const diverged = structuredClone(snapshot);
    diverged.layers[0].weights[0][1] = Number.POSITIVE_INFINITY;
    assert.throws(() => modelToFile(diverged), RangeError);
  });

  it('round-trips any architecture and any finite doubles exactly, -0 included', () => {
    fc.assert(fc.property(snapshotArbitrary, (snapshot) => {
      const { model, error } = parseModelFile(modelToFile(snapshot));
      assert.equal(error, undefined);
      assert.deepStrictEqual(model, snapshot);
    }), { numRuns: 200 });
  });

  describe('refuses, saying why', () => {
    const snapshot = (): ModelSnapshot => new NeuralNetwork({ learningRate: 0.1, seed: 1, hiddenLayers: [3, 2], activation: 'tanh' }).snapshot();
    const cases: [string, (file: FileObject) => FileObject | string, RegExp][] = [
      ['text that is not JSON', () => '{"format": "neural-network-lab.model",', /not valid JSON/],
      ['an empty file', () => '   \n', /empty/],
      ['JSON that is not an object', () => '[1, 2, 3]', /not a Neural Network Lab model file.*found a list of 3/],
      ['a dataset file', () => ({ rows: [{ input: [1, 2], target: 1 }] }), /dataset file, not a model file/],
      ['another format', (f) => ({ ...f, format: 'keras' }), /expected "format": "neural-network-lab\.model", found "format": "keras"/],
      ['a newer version', (f) => ({ ...f, version: MODEL_FILE_VERSION + 1 }), /made by a newer version of Neural Network Lab.*version 2.*reads version 1/],
      ['a nonsense version', (f) => ({ ...f, version: '1' }), /"version" must be a whole number/],
      ['no architecture', (f) => ({ ...f, architecture: undefined }), /needs "architecture" to be an object, found nothing/],
      ['an unknown activation', (f) => ({ ...f, architecture: { ...f.architecture, activation: 'softplus' } }), /"architecture\.activation" must be "sigmoid", "relu" or "tanh", found unknown activation "softplus"/],
      ['an unknown output', (f) => ({ ...f, architecture: { ...f.architecture, output: 'softmax' } }), /"architecture\.output" must be "sigmoid" or "linear"/],
      ['a bad input size', (f) => ({ ...f, architecture: { ...f.architecture, inputSize: 0 } }), /"architecture\.inputSize" must be a whole number 1 or more, found 0/],
      ['a bad hidden layer size', (f) => ({ ...f, architecture: { ...f.architecture, hiddenLayers: [3, 2.5] } }), /"architecture\.hiddenLayers\[1\]" must be a whole number/],
      ['too few layers', (f) => ({ ...f, layers: f.layers.slice(0, 2) }), /2 hidden layers, so "layers" needs 3 entries .* but it has 2/],
      ['too many layers', (f) => ({ ...f, layers: [...f.layers, f.layers[2]] }), /needs 3 entries .* but it has 4/],
      ['a layer with a missing unit', (f) => { f.layers[0].weights.pop(); return f; }, /"layers\[0\]\.weights" \(hidden layer 1\) needs 3 rows, one per unit, but it has 2/],
      ['weights that do not chain', (f) => { f.layers[1].weights[1].push(0.5); return f; }, /"layers\[1\]\.weights\[1\]" \(hidden layer 2\) needs 3 weights, one per unit of hidden layer 1, but it has 4/],
      ['an output layer with two units', (f) => { f.layers[2].weights.push([1, 2]); return f; }, /"layers\[2\]\.weights" \(the output layer\) needs 1 row, one per unit, but it has 2/],
      ['too few biases', (f) => { f.layers[1].biases.pop(); return f; }, /"layers\[1\]\.biases" \(hidden layer 2\) needs 2 biases, one per unit, but it has 1/],
      ['a non-number weight', (f) => { f.layers[0].weights[2][1] = '0.5'; return f; }, /"layers\[0\]\.weights\[2\]\[1\]" must be a finite number, found "0\.5"/],
      ['an infinite bias (1e999)', (f) => JSON.stringify(f).replace(/"biases":\[[^,\]]+/, '"biases":[1e999'), /"layers\[0\]\.biases\[0\]" must be a finite number, found Infinity/],
      ['a zero learning rate', (f) => ({ ...f, training: { ...f.training, learningRate: 0 } }), /"training\.learningRate" must be a number greater than 0/],
      ['a seed out of range', (f) => ({ ...f, training: { ...f.training, seed: 2 ** 32 } }), /"training\.seed" must be a whole number from 0 to 4294967295/],
      ['an unknown penalty', (f) => ({ ...f, training: { ...f.training, regularization: { kind: 'L3', rate: 0.1 } } }), /"training\.regularization\.kind" must be "L1" or "L2"/],
      ['a negative penalty rate', (f) => ({ ...f, training: { ...f.training, regularization: { kind: 'L2', rate: -1 } } }), /"training\.regularization\.rate" must be a number of at least 0, found -1/],
      ['features that do not match the inputs', (f) => ({ ...f, features: ['a', 'b', 'c'] }), /"features" names 3 inputs, but the model takes 2/],
      ['a feature that is not a name', (f) => ({ ...f, features: ['a', 2] }), /"features\[1\]" must be a name/],
      ['a bad date', (f) => ({ ...f, trainedAt: 'yesterday' }), /"trainedAt" must be a date and time/],
    ];
    for (const [name, mutate, message] of cases) {
      it(name, () => {
        assert.match(errorOf(mutate(fileObject(snapshot()))), message);
      });
    }
  });

  it('accepts a byte-order mark and ignores unknown extra fields', () => {
    const text = modelToFile(tutorialNetwork().snapshot());
    assert.ok(parseModelFile(`\ufeff${text}`).model);
    const file = JSON.parse(text) as FileObject;
    assert.ok(parseModelFile(JSON.stringify({ ...file, $schema: 'x', comment: 'hi' })).model);
  });

  it('never throws, whatever the text', () => {
    const valid = modelToFile(new NeuralNetwork({ learningRate: 0.1, seed: 3, hiddenLayers: [2] }).snapshot());
    const validObject = JSON.parse(valid) as FileObject;
    const keys = ['format', 'version', 'architecture', 'layers', 'training', 'features', 'dataset', 'trainedAt'];
    const texts = fc.oneof(
      fc.string(),
      fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value) ?? ''),
      // A valid file with one field, or one spot of the text, replaced by anything.
      fc.tuple(fc.constantFrom(...keys), fc.jsonValue({ maxDepth: 3 })).map(([key, value]) => JSON.stringify({ ...validObject, [key]: value })),
      fc.tuple(fc.nat(valid.length), fc.nat(20), fc.string()).map(([at, cut, insert]) => valid.slice(0, at) + insert + valid.slice(at + cut)),
      fc.constantFrom('[', '['.repeat(5_000), '{"format":"neural-network-lab.model","version":1e999}', 'null', '"x"', '1e999'),
    );
    fc.assert(fc.property(texts, (text) => {
      const result = parseModelFile(text);
      assert.ok((result.model === undefined) !== (result.error === undefined), 'exactly one of model and error');
      if (result.model) NeuralNetwork.fromSnapshot(result.model).predict(new Array(result.model.inputSize).fill(1));
    }), { numRuns: 600 });
  });

  it('checkModelFits says when a model and a dataset disagree on the inputs', () => {
    assert.equal(checkModelFits({ inputSize: 2 }, 2), undefined);
    assert.equal(checkModelFits({ inputSize: 3 }, 2), "This model takes 3 inputs, but the dataset's rows have 2.");
    assert.equal(checkModelFits({ inputSize: 1 }, 4), "This model takes 1 input, but the dataset's rows have 4.");
  });

  it('suggests a model file name beside the dataset', () => {
    assert.equal(suggestedModelFileName('tutorial.nn.json'), 'tutorial.nnmodel.json');
    assert.equal(suggestedModelFileName(undefined), 'model.nnmodel.json');
  });

  it('media/model.schema.json describes what modelToFile writes', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../media/model.schema.json'), 'utf8')) as FileObject;
    const file = JSON.parse(modelToFile(tutorialNetwork().snapshot(), {
      features: ['a', 'b'], datasetName: 'd.nn.json', iterations: 1, errorInterval: 1, trainedAt: new Date(0),
    })) as FileObject;
    assert.equal(schema.properties.format.const, MODEL_FORMAT);
    assert.equal(schema.properties.version.const, MODEL_FILE_VERSION);
    assert.deepStrictEqual(schema.properties.architecture.properties.activation.enum, ['sigmoid', 'relu', 'tanh']);
    assert.deepStrictEqual(schema.properties.architecture.properties.output.enum, ['sigmoid', 'linear']);
    const check = (object: FileObject, node: FileObject, where: string): void => {
      for (const key of node.required ?? []) assert.ok(key in object, `${where}: required "${key}" is written`);
      for (const key of Object.keys(object)) {
        assert.ok(node.properties && key in node.properties, `${where}: "${key}" is in the schema`);
        const child = object[key];
        if (child && typeof child === 'object' && !Array.isArray(child)) check(child, node.properties[key], `${where}.${key}`);
      }
    };
    check(file, schema, 'file');
    const penalised = JSON.parse(modelToFile({ ...tutorialNetwork().snapshot(), regularization: { kind: 'L1', rate: 0.01 } })) as FileObject;
    check(penalised, schema, 'file with a penalty');
    assert.deepStrictEqual(schema.properties.training.properties.regularization.properties.kind.enum, ['L1', 'L2']);
    file.layers.forEach((layer: FileObject, l: number) => check(layer, schema.properties.layers.items, `layers[${l}]`));
  });

  it('src/export imports nothing but itself and src/core (no vscode, no Node), so it runs anywhere', () => {
    const directory = path.join(__dirname, '../../../src/export');
    for (const name of fs.readdirSync(directory).filter((file) => file.endsWith('.ts'))) {
      // Comments may quote file names ("from tutorial.nn.json"), so only code is checked.
      const source = fs.readFileSync(path.join(directory, name), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
      const specifiers = [...source.matchAll(/(?:from\s+|require\(\s*|import\(\s*)['"]([^'"]+)['"]/g)].map((match) => match[1]);
      for (const specifier of specifiers) {
        assert.match(specifier, /^\.\/|^\.\.\/core\//, `${name} imports ${specifier}`);
      }
    }
  });
});
