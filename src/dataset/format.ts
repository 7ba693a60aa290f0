// Writing dataset files the way we read them best: one row per line, settings one per line.
import type { DatasetNetworkSettings, DatasetToWrite, RowToWrite } from './types';
import { NETWORK_SETTING_NAMES } from './network';

/** JSON.stringify would silently write NaN or Infinity as null, which the next parse rejects. */
function finiteNumber(value: number, what: string): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(`Cannot write ${what} ${String(value)}: dataset files hold finite numbers only`);
  }
  return JSON.stringify(value);
}

function numberList(values: readonly number[], what: string): string {
  return `[${values.map((value) => finiteNumber(value, what)).join(', ')}]`;
}

/**
 * One row as one line, e.g. `{ "input": [3, 1.5], "target": 0 }`. "split" is written only for "test",
 * since "train" is what a row without it means. Throws a RangeError for NaN or ±Infinity.
 */
export function serializeRow(row: RowToWrite): string {
  const parts = [`"input": ${numberList(row.input, 'an input value')}`];
  if (row.target !== undefined) parts.push(`"target": ${finiteNumber(row.target, 'a target')}`);
  if (row.split === 'test') parts.push('"split": "test"');
  return `{ ${parts.join(', ')} }`;
}

function serializeSetting(name: keyof DatasetNetworkSettings, settings: DatasetNetworkSettings): string | undefined {
  switch (name) {
    case 'hiddenLayers':
      return settings.hiddenLayers && numberList(settings.hiddenLayers, 'a hidden layer size');
    case 'start':
      return settings.start &&
        `{ "weights": ${numberList(settings.start.weights, 'a start weight')}, "bias": ${finiteNumber(settings.start.bias, 'a start bias')} }`;
    case 'regularization':
      return settings.regularization && `{ "kind": ${JSON.stringify(settings.regularization.kind)}, "rate": ${finiteNumber(settings.regularization.rate, 'a regularization rate')} }`;
    case 'inputs':
      return settings.inputs && `[${settings.inputs.map((input) => JSON.stringify(input)).join(', ')}]`;
    case 'activation':
    case 'output':
      return settings[name] === undefined ? undefined : JSON.stringify(settings[name]);
    default: {
      const value = settings[name];
      return value === undefined ? undefined : finiteNumber(value, `"${name}"`);
    }
  }
}

/** A whole dataset file: description, features, rows one per line, then the network block. Ends with a newline. */
export function formatDataset(dataset: DatasetToWrite): string {
  const sections: string[] = [];
  if (dataset.description !== undefined) sections.push(`  "description": ${JSON.stringify(dataset.description)}`);
  if (dataset.features !== undefined) {
    sections.push(`  "features": [${dataset.features.map((name) => JSON.stringify(name)).join(', ')}]`);
  }
  if (dataset.generatedBy !== undefined) {
    const { weights, bias } = dataset.generatedBy;
    sections.push(`  "generatedBy": { "weights": ${numberList(weights, 'a generating weight')}, "bias": ${finiteNumber(bias, 'a generating bias')} }`);
  }
  if (dataset.generator !== undefined) {
    const { shape, points, noise, testRatio, seed } = dataset.generator;
    const numbers = Object.entries({ points, noise, testRatio, seed }).map(([name, value]) => `"${name}": ${finiteNumber(value, `"generator.${name}"`)}`);
    sections.push(`  "generator": { "shape": ${JSON.stringify(shape)}, ${numbers.join(', ')} }`);
  }
  const rows = dataset.rows.map((row) => `    ${serializeRow(row)}`);
  sections.push(rows.length === 0 ? '  "rows": []' : `  "rows": [\n${rows.join(',\n')}\n  ]`);
  if (dataset.network !== undefined) {
    const network = dataset.network;
    const settings = NETWORK_SETTING_NAMES.flatMap((name) => {
      const value = serializeSetting(name, network);
      return value === undefined ? [] : [`    "${name}": ${value}`];
    });
    sections.push(settings.length === 0 ? '  "network": {}' : `  "network": {\n${settings.join(',\n')}\n  }`);
  }
  return `{\n${sections.join(',\n')}\n}\n`;
}
