// Reading a model file defensively. A model file comes from anywhere (a colleague, an older or
// newer extension, a hand edit), so every field is checked before a network is built from it,
// and every problem is reported as one sentence naming the field, what was expected and what
// was found. Shapes are checked in full: a network built from a file that passes predicts.

import { InputDerivation } from '../core/features';
import { HIDDEN_ACTIVATION_NAMES, OUTPUT_KIND_NAMES } from '../core/activations';
import { NETWORK_LIMITS } from '../core/limits';
import { REGULARIZATION_KINDS, type Regularization } from '../core/regularization';
import type { LayerParameters, ModelSnapshot } from '../core/types';

/** A snapshot plus what the file says about where it came from (only the fields present). */
export type LoadedModel = ModelSnapshot & {
  features?: string[];
  datasetName?: string;
  iterations?: number;
  errorInterval?: number;
  trainedAt?: string;
};


/** Thrown inside this module only; readModelFile turns it into the returned message. */
class Invalid extends Error {}

function fail(message: string): never {
  throw new Invalid(message);
}

/** The model, or a message saying why the text is not a model this version can load. */
export function readModelFile(text: string, format: string, version: number): LoadedModel | string {
  try {
    return read(text, format, version);
  } catch (error) {
    if (error instanceof Invalid) return error.message;
    throw error;
  }
}

function read(text: string, format: string, supportedVersion: number): LoadedModel {
  const file = parseJson(text);
  if (!isRecord(file)) {
    fail(`This is not a Neural Network Lab model file: expected a JSON object with "format": "${format}", found ${describe(file)}.`);
  }
  if (file.format !== format) {
    if (file.format === undefined && own(file, 'rows')) {
      fail('This is a dataset file, not a model file: train a network on it, then use "Export Model…" to save the model.');
    }
    const found = file.format === undefined ? 'no "format"' : `"format": ${describe(file.format)}`;
    fail(`This is not a Neural Network Lab model file: expected "format": "${format}", found ${found}.`);
  }
  const version = file.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    fail(`The model file's "version" must be a whole number like ${supportedVersion}, found ${describe(version)}.`);
  }
  if (version > supportedVersion) {
    fail(`This model file was made by a newer version of Neural Network Lab (model file version ${version}; this version reads version ${supportedVersion}). Update the extension to load it.`);
  }

  const architecture = record(file, 'architecture');
  const inputSize = wholeNumber(architecture.inputSize, 'architecture.inputSize', 1);
  const hiddenLayers = list(architecture.hiddenLayers, 'architecture.hiddenLayers')
    .map((units, index) => wholeNumber(units, `architecture.hiddenLayers[${index}]`, 1));
  const activation = oneOf(architecture.activation, 'architecture.activation', 'activation', HIDDEN_ACTIVATION_NAMES);
  const output = oneOf(architecture.output, 'architecture.output', 'output', OUTPUT_KIND_NAMES);
  const inputs = architecture.inputs === undefined ? undefined : readDerivedInputs(architecture.inputs, inputSize);

  const layers = readLayers(file, inputs?.length ?? inputSize, hiddenLayers);

  const training = record(file, 'training');
  const learningRate = training.learningRate;
  if (typeof learningRate !== 'number' || !Number.isFinite(learningRate) || learningRate <= 0) {
    fail(`"training.learningRate" must be a number greater than 0, found ${describe(learningRate)}.`);
  }
  const seed = wholeNumber(training.seed, 'training.seed', 0, NETWORK_LIMITS.maxSeed);
  const regularization = training.regularization === undefined ? undefined : readRegularization(record(training, 'regularization'));
  const model: LoadedModel = {
    inputSize, hiddenLayers, activation, output, learningRate, seed, layers, ...(inputs ? { inputs } : {}), ...(regularization ? { regularization } : {}),
  };
  if (training.iterations !== undefined) model.iterations = wholeNumber(training.iterations, 'training.iterations', 1);
  if (training.errorInterval !== undefined) model.errorInterval = wholeNumber(training.errorInterval, 'training.errorInterval', 1);

  if (file.features !== undefined) {
    const features = list(file.features, 'features').map((name, index) =>
      typeof name === 'string' ? name : fail(`"features[${index}]" must be a name (a string), found ${describe(name)}.`));
    if (features.length !== inputSize) {
      fail(`"features" names ${features.length} inputs, but the model takes ${inputSize}.`);
    }
    model.features = features;
  }
  if (file.dataset !== undefined) {
    if (typeof file.dataset !== 'string') fail(`"dataset" must be a file name (a string), found ${describe(file.dataset)}.`);
    model.datasetName = file.dataset;
  }
  if (file.trainedAt !== undefined) {
    if (typeof file.trainedAt !== 'string' || Number.isNaN(Date.parse(file.trainedAt))) {
      fail(`"trainedAt" must be a date and time like "2025-01-31T12:00:00.000Z", found ${describe(file.trainedAt)}.`);
    }
    model.trainedAt = file.trainedAt;
  }
  return model;
}

function parseJson(text: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // editors may add a BOM
  if (body.trim() === '') fail('The model file is empty.');
  try {
    return JSON.parse(body);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    fail(`This is not a Neural Network Lab model file: it is not valid JSON (${reason}).`);
  }
}

/** "training.regularization": the weight penalty the model was trained with. */
function readRegularization(value: Record<string, unknown>): Regularization {
  const kind = oneOf(value.kind, 'training.regularization.kind', 'penalty', REGULARIZATION_KINDS);
  const rate = value.rate;
  if (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0) {
    fail(`"training.regularization.rate" must be a number of at least 0, found ${describe(rate)}.`);
  }
  return { kind, rate };
}

/** "architecture.inputs": the feature crosses the first layer takes, in the lab's canonical form. */
function readDerivedInputs(value: unknown, inputSize: number): string[] {
  const inputs = list(value, 'architecture.inputs').map((entry, index) =>
    typeof entry === 'string' ? entry : fail(`"architecture.inputs[${index}]" must be a derived input like "x1*x2", found ${describe(entry)}.`));
  try {
    InputDerivation.fromText(inputSize, inputs);
  } catch (error) {
    fail(`"architecture.inputs" cannot be read: ${error instanceof Error ? error.message : String(error)}.`);
  }
  return inputs;
}

/** One entry per hidden layer, then the output unit; each sized to chain onto the one before. */
function readLayers(file: Record<string, unknown>, inputSize: number, hiddenLayers: number[]): LayerParameters[] {
  const layers = list(file.layers, 'layers');
  const expected = hiddenLayers.length + 1;
  if (layers.length !== expected) {
    const hidden = hiddenLayers.length === 1 ? '1 hidden layer' : `${hiddenLayers.length} hidden layers`;
    fail(`The model has ${hidden}, so "layers" needs ${expected} ${expected === 1 ? 'entry' : 'entries'} (one per hidden layer, then the output unit), but it has ${layers.length}.`);
  }
  const units = [...hiddenLayers, 1];
  return layers.map((layer, l) => {
    const path = `layers[${l}]`;
    const name = l < hiddenLayers.length ? `hidden layer ${l + 1}` : 'the output layer';
    const fanIn = l === 0 ? inputSize : units[l - 1];
    const perInput = l === 0 ? 'one per input' : `one per unit of hidden layer ${l}`;
    if (!isRecord(layer)) fail(`"${path}" (${name}) must be an object with "weights" and "biases", found ${describe(layer)}.`);
    const rows = list(layer.weights, `${path}.weights`);
    if (rows.length !== units[l]) {
      fail(`"${path}.weights" (${name}) needs ${count(units[l], 'row')}, one per unit, but it has ${rows.length}.`);
    }
    const weights = rows.map((row, u) => {
      const values = list(row, `${path}.weights[${u}]`);
      if (values.length !== fanIn) {
        fail(`"${path}.weights[${u}]" (${name}) needs ${count(fanIn, 'weight')}, ${perInput}, but it has ${values.length}.`);
      }
      return values.map((value, i) => finite(value, `${path}.weights[${u}][${i}]`));
    });
    const biasValues = list(layer.biases, `${path}.biases`);
    if (biasValues.length !== units[l]) {
      fail(`"${path}.biases" (${name}) needs ${count(units[l], 'bias', 'biases')}, one per unit, but it has ${biasValues.length}.`);
    }
    return { weights, biases: biasValues.map((value, u) => finite(value, `${path}.biases[${u}]`)) };
  });
}

function record(parent: Record<string, unknown>, key: string): Record<string, unknown> {
  const value = parent[key];
  if (!isRecord(value)) fail(`The model file needs "${key}" to be an object, found ${describe(value)}.`);
  return value;
}

function list(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) fail(`"${path}" must be a list, found ${describe(value)}.`);
  return value;
}

function finite(value: unknown, path: string): number {
  // JSON has no NaN or Infinity, but 1e999 parses as Infinity.
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(`"${path}" must be a finite number, found ${describe(value)}.`);
  return value;
}

function wholeNumber(value: unknown, path: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `${min} or more` : `from ${min} to ${max}`;
    fail(`"${path}" must be a whole number ${range}, found ${describe(value)}.`);
  }
  return value;
}

function oneOf<T extends string>(value: unknown, path: string, what: string, allowed: readonly T[]): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  const choices = allowed.map((name) => `"${name}"`).join(', ').replace(/, ([^,]*)$/, ' or $1');
  const found = typeof value === 'string' ? `unknown ${what} ${describe(value)}` : describe(value);
  fail(`"${path}" must be ${choices}, found ${found}.`);
}

function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own(value: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(value, key);
}

/** A short, safe rendering of a value for a message. */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object' && value !== null) return 'an object';
  const text = typeof value === 'number' && !Number.isFinite(value) ? String(value) : JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
