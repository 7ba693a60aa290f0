// The activations and the network limits are stated once (src/core/activations.ts, limits.ts); the
// files the compiler cannot see (the manifest's settings and both JSON schemas) must agree with
// them, or VS Code would quietly reject a value the lab accepts, or offer one it refuses.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ACTIVATIONS, HIDDEN_ACTIVATION_NAMES, OUTPUT_KIND_NAMES } from '../../src/core/activations';
import { NETWORK_LIMITS } from '../../src/core/limits';

type Json = { [key: string]: unknown };
const read = (file: string) => JSON.parse(readFileSync(path.resolve(file), 'utf8')) as Json;
const manifest = read('package.json');
const datasetSchema = read('media/dataset.schema.json');
const modelSchema = read('media/model.schema.json');

/** Every `enum` (and every `${1|a,b|}` snippet choice) anywhere in a JSON value, with where it is. */
function listsIn(value: unknown, where = ''): { where: string; names: unknown[] }[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => listsIn(item, `${where}[${index}]`));
  if (typeof value === 'string') {
    return [...value.matchAll(/\$\{\d+\|([^|}]*)\|\}/g)].map((match) => ({ where: `${where} (snippet choice)`, names: match[1].split(',') }));
  }
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) =>
    key === 'enum' ? [{ where: `${where}.enum`, names: item as unknown[] }] : listsIn(item, `${where}.${key}`));
}

const mentionsAnActivation = (names: unknown[]) => names.some((name) => Object.hasOwn(ACTIVATIONS, name as string));

describe('one list of activations', () => {
  for (const [file, json] of [['package.json', manifest], ['media/dataset.schema.json', datasetSchema], ['media/model.schema.json', modelSchema]] as const) {
    it(`every list of activation names in ${file} is one of the derived lists`, () => {
      const lists = listsIn(json).filter(({ names }) => mentionsAnActivation(names));
      assert.ok(lists.length > 0, 'found the lists');
      for (const { where, names } of lists) {
        const expected = names.includes('linear') ? OUTPUT_KIND_NAMES : HIDDEN_ACTIVATION_NAMES;
        assert.deepStrictEqual(names, [...expected], `${file}${where}`);
      }
    });
  }

  it('names them where each file must: the setting, the dataset\'s activation (with a description each), output and snippet, the model\'s', () => {
    const lists = (json: Json) => listsIn(json).filter(({ names }) => mentionsAnActivation(names)).map(({ where }) => where);
    assert.deepStrictEqual(lists(manifest), ['.contributes.configuration.properties.neuralNetworkLab.activation.enum']);
    assert.deepStrictEqual(lists(modelSchema), ['.properties.architecture.properties.activation.enum', '.properties.architecture.properties.output.enum']);
    const datasetLists = lists(datasetSchema);
    for (const where of ['.definitions.network.properties.activation.enum', '.definitions.network.properties.output.enum']) {
      assert.ok(datasetLists.includes(where), `${where} in ${datasetLists.join(', ')}`);
    }
    assert.ok(datasetLists.some((where) => where.endsWith('(snippet choice)')), datasetLists.join(', '));
    const network = (datasetSchema.definitions as Json).network as { properties: Record<string, { enum: unknown[]; enumDescriptions: unknown[] }> };
    for (const key of ['activation', 'output']) {
      assert.equal(network.properties[key].enumDescriptions.length, network.properties[key].enum.length, `one description per ${key}`);
    }
  });
});

describe('one set of network limits', () => {
  const setting = (name: string) =>
    ((manifest.contributes as Json).configuration as { properties: Record<string, Json & { items?: Json }> }).properties[`neuralNetworkLab.${name}`];
  const network = ((datasetSchema.definitions as Json).network as { properties: Record<string, Json & { items?: Json }> }).properties;

  it('the settings state them', () => {
    assert.equal(setting('hiddenLayers').maxItems, NETWORK_LIMITS.maxHiddenLayers);
    assert.equal(setting('hiddenLayers').items?.maximum, NETWORK_LIMITS.maxUnitsPerLayer);
    assert.equal(setting('iterations').maximum, NETWORK_LIMITS.maxIterations);
    assert.equal(setting('errorInterval').maximum, NETWORK_LIMITS.maxErrorInterval);
    assert.equal(setting('seed').maximum, NETWORK_LIMITS.maxSeed);
  });

  it('the dataset schema states them', () => {
    assert.equal(network.hiddenLayers.maxItems, NETWORK_LIMITS.maxHiddenLayers);
    assert.equal(network.hiddenLayers.items?.maximum, NETWORK_LIMITS.maxUnitsPerLayer);
    assert.equal(network.iterations.maximum, NETWORK_LIMITS.maxIterations);
    assert.equal(network.errorInterval.maximum, NETWORK_LIMITS.maxErrorInterval);
    assert.equal(network.seed.maximum, NETWORK_LIMITS.maxSeed);
    assert.equal(network.batchSize.maximum, NETWORK_LIMITS.maxBatchSize);
  });
});
