// The bundled sample datasets and the JSON schema: all parse cleanly, and the schema names and limits
// are the validator's, so the two cannot drift apart.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  HIDDEN_ACTIVATION_NAMES, NETWORK_LIMITS, NETWORK_SETTING_NAMES, OUTPUT_KIND_NAMES, parseDataset, ROW_KEY_NAMES,
  SPLIT_NAMES, START_KEY_NAMES, TOP_LEVEL_NAMES,
} from '../../src/dataset';
import type { Dataset } from '../../src/dataset';

const mediaFolder = path.resolve(__dirname, '../../../media');
const datasetFolder = path.join(mediaFolder, 'datasets');

function load(name: string): Dataset {
  const { dataset, problems } = parseDataset(readFileSync(path.join(datasetFolder, name), 'utf8'));
  assert.deepEqual(problems, [], name);
  assert.ok(dataset, name);
  return dataset;
}

describe('bundled datasets', () => {
  const files = readdirSync(datasetFolder).filter((file) => file.endsWith('.nn.json'));

  it('include the four samples this extension describes', () => {
    for (const name of ['tutorial.nn.json', 'worked-example.nn.json', 'xor.nn.json', 'noisy-blobs.nn.json']) {
      assert.ok(files.includes(name), name);
      const dataset = load(name);
      assert.ok(dataset.description && dataset.features && dataset.network.learningRate, name);
    }
  });

  for (const file of files) {
    it(`${file} parses with no problems, one row per line`, () => {
      const text = readFileSync(path.join(datasetFolder, file), 'utf8');
      const dataset = load(file);
      assert.ok(dataset.rows.length > 0);
      const rowLines = text.split('\n').filter((line) => line.includes('"input"'));
      assert.equal(rowLines.length, dataset.rows.length);
    });
  }

  it('tutorial.nn.json holds the tutorial\'s eight rows and settings', () => {
    const dataset = load('tutorial.nn.json');
    assert.deepEqual(dataset.rows.map((row) => row.input), [[3, 1.5], [2, 1], [4, 1.5], [3, 4], [3.5, 0.5], [2, 0.5], [5.5, 1], [1, 1]]);
    assert.deepEqual(dataset.rows.map((row) => row.target), [0, 1, 0, 1, 0, 1, 1, 0]);
    assert.deepEqual(dataset.network, { hiddenLayers: [], activation: 'sigmoid', learningRate: 0.1, iterations: 10000, errorInterval: 100, seed: 42 });
    assert.deepEqual(dataset.features, ['x1', 'x2']);
  });

  it('worked-example.nn.json starts from the tutorial\'s weights and bias', () => {
    const dataset = load('worked-example.nn.json');
    assert.deepEqual(dataset.network.start, { weights: [1.45, -0.66], bias: 0 });
    assert.deepEqual(dataset.rows.map((row) => [row.input, row.target]), [[[1.66, 1.56], 1], [[2, 1.5], 0]]);
  });

  it('xor.nn.json is XOR with one hidden layer of four', () => {
    const dataset = load('xor.nn.json');
    assert.deepEqual(dataset.rows.map((row) => [...row.input, row.target]), [[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0]]);
    assert.deepEqual(
      [dataset.network.hiddenLayers, dataset.network.learningRate, dataset.network.iterations, dataset.network.seed],
      [[4], 0.5, 40000, 1],
    );
  });

  it('noisy-blobs.nn.json has 80 rows of both classes, a quarter held out for testing', () => {
    const dataset = load('noisy-blobs.nn.json');
    assert.equal(dataset.rows.length, 80);
    assert.equal(dataset.rows.filter((row) => row.split === 'test').length, 20);
    for (const split of ['train', 'test'] as const) {
      const targets = new Set(dataset.rows.filter((row) => row.split === split).map((row) => row.target));
      assert.deepEqual([...targets].sort(), [0, 1], `both classes in the ${split} rows`);
    }
    assert.match(dataset.description ?? '', /seed 7/);
  });
});

interface SchemaNode {
  type?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode & { $ref?: string };
  definitions?: Record<string, SchemaNode>;
  enum?: string[];
  examples?: string[];
  description?: string;
  markdownDescription?: string;
  additionalProperties?: boolean;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  defaultSnippets?: unknown[];
  $ref?: string;
}

describe('media/dataset.schema.json', () => {
  const schema = JSON.parse(readFileSync(path.join(mediaFolder, 'dataset.schema.json'), 'utf8')) as SchemaNode & { $schema: string };
  const definitions = schema.definitions ?? {};
  const network = definitions.network;
  const row = definitions.row;
  const keys = (node: SchemaNode | undefined): string[] => Object.keys(node?.properties ?? {}).sort();

  it('is draft-07 and names the same properties the validator knows, at every level', () => {
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.deepEqual(keys(schema), ['$schema', ...TOP_LEVEL_NAMES].sort());
    assert.deepEqual(keys(network), [...NETWORK_SETTING_NAMES].sort());
    assert.deepEqual(keys(row), [...ROW_KEY_NAMES].sort());
    assert.deepEqual(keys(network.properties?.start), [...START_KEY_NAMES].sort());
    // No schema for the rows' items: VS Code's JSON service would walk every row on each edit (src/editor/rowSchemaHelp.ts).
    assert.equal(schema.properties?.rows.items, undefined);
    assert.equal(schema.properties?.network.$ref, '#/definitions/network');
  });

  it('has the validator\'s limits and choices', () => {
    const settings = network.properties ?? {};
    assert.equal(settings.hiddenLayers.maxItems, NETWORK_LIMITS.maxHiddenLayers);
    assert.equal(settings.hiddenLayers.items?.minimum, 1);
    assert.equal(settings.hiddenLayers.items?.maximum, NETWORK_LIMITS.maxUnitsPerLayer);
    assert.deepEqual([settings.iterations.minimum, settings.iterations.maximum], [1, NETWORK_LIMITS.maxIterations]);
    assert.deepEqual([settings.errorInterval.minimum, settings.errorInterval.maximum], [1, NETWORK_LIMITS.maxErrorInterval]);
    assert.deepEqual([settings.seed.minimum, settings.seed.maximum], [0, NETWORK_LIMITS.maxSeed]);
    assert.deepEqual(settings.activation.enum, [...HIDDEN_ACTIVATION_NAMES]);
    assert.deepEqual(settings.output.enum, [...OUTPUT_KIND_NAMES]);
    assert.deepEqual(row.properties?.split.examples, [...SPLIT_NAMES], 'offered on completion');
  });

  it('closes the objects the validator warns about unknown keys in, except rows', () => {
    for (const node of [schema, network, network.properties?.start]) assert.equal(node?.additionalProperties, false);
  });

  it('only describes rows: every row is validated by the extension alone, not by VS Code\'s JSON service too', () => {
    const constraints = ['type', 'required', 'additionalProperties', 'enum', 'const', 'items', 'minItems', 'maxItems',
      'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'pattern', 'oneOf', 'anyOf', 'allOf', 'not', 'if'];
    const found: string[] = [];
    const visit = (node: unknown, where: string): void => {
      if (!node || typeof node !== 'object' || Array.isArray(node)) return;
      for (const [key, value] of Object.entries(node)) {
        if (key === 'defaultSnippets' || key === 'examples') continue;
        if (constraints.includes(key)) found.push(`${where}.${key}`);
        if (key === 'properties') for (const [name, property] of Object.entries(value as object)) visit(property, `${where}.${name}`);
      }
    };
    visit(row, 'row');
    assert.deepEqual(found, []);
    assert.deepEqual(keys(row), [...ROW_KEY_NAMES].sort(), 'every key still completes and hovers');
  });

  it('describes every property, in plain and in markdown words', () => {
    const resolve = (node: SchemaNode): SchemaNode => (node.$ref ? definitions[node.$ref.replace('#/definitions/', '')] : node);
    const described: string[] = [];
    const missing: string[] = [];
    const visit = (node: SchemaNode, where: string): void => {
      for (const [name, property] of Object.entries(node.properties ?? {})) {
        const target = resolve(property);
        (target.description && target.markdownDescription ? described : missing).push(`${where}.${name}`);
        visit(target, `${where}.${name}`);
        if (target.items) visit(resolve(target.items), `${where}.${name}[]`);
      }
    };
    visit(schema, '');
    // The rows' description, which the extension's hovers inside rows read (src/editor/rowSchemaHelp.ts).
    visit(row, '.rows[]');
    assert.deepEqual(missing, []);
    assert.ok(described.includes('.rows[].target') && described.includes('.network.start.bias'), described.join(' '));
    assert.match(network.properties?.learningRate.markdownDescription ?? '', /how big a step \*\*gradient descent\*\* takes/i);
    assert.match(network.properties?.hiddenLayers.markdownDescription ?? '', /Adding more layers/);
  });

  it('teaches the class\'s update rule and says the hidden activation is not the tutorial\'s', () => {
    // The tutorial's class updates with one gradient per weight (_update_parameters), not the naive first try.
    const rate = network.properties?.learningRate ?? {};
    for (const text of [rate.description ?? '', rate.markdownDescription ?? '']) {
      assert.match(text, /weights -= derror_dweights \* learning_rate/);
      assert.match(text, /bias -= derror_dbias \* learning_rate/);
      assert.doesNotMatch(text, /weights -= derivative \* learning_rate/);
    }
    // The tutorial's network has no hidden layer, so it uses no hidden activation at all.
    const activation = network.properties?.activation ?? {};
    for (const text of [activation.description ?? '', activation.markdownDescription ?? '']) {
      assert.doesNotMatch(text, /tutorial uses/i);
      assert.match(text, /no effect/);
    }
  });

  it('offers snippets for a row and for the network block', () => {
    assert.ok((row.defaultSnippets?.length ?? 0) > 0);
    assert.ok((network.defaultSnippets?.length ?? 0) > 0);
  });
});
