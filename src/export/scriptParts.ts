// What the NumPy and PyTorch exports share: the dataset they inline, their options, the order in
// which they print predictions, and the one-line description of the model in their headers.

import { InputDerivation } from '../core/features';
import { NeuralNetwork } from '../core/network';
import type { LayerParameters, ModelSnapshot } from '../core/types';
import { pythonFloat, pythonFloatList, pythonMatrix, pythonString } from './pythonLiterals';

/** A row as the core's parseDataset returns it (Dataset.rows can be passed as is). */
export interface ExportRow {
  input: readonly number[];
  /** Absent: the row is predicted, never trained on. */
  target?: number;
  /** "test" rows are held out: predicted and scored, never trained on. */
  split?: 'train' | 'test';
}

export interface ExportDataset {
  features?: readonly string[];
  rows: readonly ExportRow[];
}

export interface ScriptOptions {
  /** The dataset's file name, shown in the header. */
  datasetName?: string;
  /** For the commented training example; default 10,000 like the tutorial. */
  iterations?: number;
  /** How often train records the cumulative error; default 100 like the tutorial. */
  errorInterval?: number;
  /** ISO time the model was trained, shown in the header. */
  trainedAt?: string;
  /**
   * Where the exported network starts: 'learned' (default) holds the model's weights, predicts at
   * once and can replay the lab's run; 'random' starts from np.random.randn() as the tutorial
   * does, and trains when run.
   */
  start?: StartChoice;
  /** The dataset's "network.start" (the tutorial net's start weights and bias), if it gives one. */
  fileStart?: { weights: readonly number[]; bias: number };
  /** Rows per step of the lab's run ("network.batchSize"); default 1, the tutorial's SGD. */
  batchSize?: number;
}

export type StartChoice = 'learned' | 'random';

/**
 * The parameters the lab's run started from: what the core's constructor makes of the model's
 * seed and shape (or the file's start values, taken as they are). Training from them with the
 * lab's row order replays the lab's run.
 */
export function runStartParameters(snapshot: ModelSnapshot, fileStart?: ScriptOptions['fileStart']): LayerParameters[] {
  // The lab takes the file's start values only for the tutorial's neuron on the raw features.
  const start = fileStart && snapshot.hiddenLayers.length === 0 && !snapshot.inputs && fileStart.weights.length === snapshot.inputSize
    ? { weights: [...fileStart.weights], bias: fileStart.bias }
    : {};
  return new NeuralNetwork({
    learningRate: snapshot.learningRate, seed: snapshot.seed, inputSize: snapshot.inputSize,
    hiddenLayers: snapshot.hiddenLayers, activation: snapshot.activation, output: snapshot.output,
    ...(snapshot.inputs ? { inputs: snapshot.inputs } : {}), ...start,
  }).parameters();
}

/**
 * The rows grouped as the scripts inline them. Scripts print predictions in exactly this order
 * — training rows, then held-out test rows, then rows without a target — one per line.
 */
export interface RowGroups {
  training: { inputs: number[][]; targets: number[] };
  test: { inputs: number[][]; targets: number[] };
  unlabelled: { inputs: number[][] };
}

export function groupRows(dataset: ExportDataset, inputSize: number): RowGroups {
  const groups: RowGroups = {
    training: { inputs: [], targets: [] },
    test: { inputs: [], targets: [] },
    unlabelled: { inputs: [] },
  };
  dataset.rows.forEach((row, index) => {
    if (row.input.length !== inputSize) {
      throw new RangeError(`row ${index + 1} has ${row.input.length} inputs, but the model takes ${inputSize}`);
    }
    const input = [...row.input];
    if (row.target === undefined) groups.unlabelled.inputs.push(input);
    else if (row.split === 'test') {
      groups.test.inputs.push(input);
      groups.test.targets.push(row.target);
    } else {
      groups.training.inputs.push(input);
      groups.training.targets.push(row.target);
    }
  });
  return groups;
}

/** The rows in the order the scripts print their predictions (see RowGroups). */
export function predictionOrder(dataset: ExportDataset, inputSize: number): number[][] {
  const groups = groupRows(dataset, inputSize);
  return [...groups.training.inputs, ...groups.test.inputs, ...groups.unlabelled.inputs];
}

/** "2 inputs → hidden layers of 5 and 3 tanh units → 1 sigmoid output unit" */
export function describeArchitecture(snapshot: ModelSnapshot): string {
  const inputs = snapshot.inputs
    ? `${snapshot.inputSize} feature${snapshot.inputSize === 1 ? '' : 's'} → ${snapshot.inputs.length} derived input${snapshot.inputs.length === 1 ? '' : 's'} (${snapshot.inputs.join(', ')})`
    : `${snapshot.inputSize} input${snapshot.inputSize === 1 ? '' : 's'}`;
  const output = `1 ${snapshot.output} output unit`;
  const sizes = snapshot.hiddenLayers;
  if (sizes.length === 0) return `${inputs} → ${output} (the tutorial's single neuron)`;
  const list = sizes.length === 1 ? `${sizes[0]}` : `${sizes.slice(0, -1).join(', ')} and ${sizes[sizes.length - 1]}`;
  const layers = sizes.length === 1 ? 'a hidden layer' : 'hidden layers';
  return `${inputs} → ${layers} of ${list} ${snapshot.activation} units → ${output}`;
}

/** Header lines naming where the model came from; user text only ever as escaped literals. */
export function provenanceLines(snapshot: ModelSnapshot, dataset: ExportDataset, options: ScriptOptions): string[] {
  const lines = [`Model: ${describeArchitecture(snapshot)}.`];
  const where = options.datasetName === undefined ? '' : ` on ${pythonString(options.datasetName)}`;
  const when = options.trainedAt === undefined ? '' : ` at ${pythonString(options.trainedAt)}`;
  lines.push(`Trained in Neural Network Lab${where}${when}, learning rate ${snapshot.learningRate}.`);
  if (dataset.features && dataset.features.length > 0) {
    lines.push(`Inputs, in order: ${dataset.features.map(pythonString).join(', ')}.`);
  }
  return lines;
}

export function iterationsOf(options: ScriptOptions): number {
  return positiveInteger(options.iterations, 10000, 'iterations');
}

export function batchSizeOf(options: Pick<ScriptOptions, 'batchSize'>): number {
  return positiveInteger(options.batchSize, 1, 'batchSize');
}

export function errorIntervalOf(options: ScriptOptions): number {
  return positiveInteger(options.errorInterval, 100, 'errorInterval');
}

function positiveInteger(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
}

/**
 * The one place where a dataset row becomes the network's input vector: a Python function every
 * export defines and applies to its rows, written from the same derivation the lab trains with
 * (core/features.ts): products left to right, sin and cos. Without feature crosses there is nothing
 * to define (the scripts stay the tutorial's, as before).
 */
export function networkInputsFunction(snapshot: Pick<ModelSnapshot, 'inputSize' | 'inputs'>, library: 'numpy' | 'torch'): string {
  if (!snapshot.inputs) return '';
  const derivation = InputDerivation.fromText(snapshot.inputSize, snapshot.inputs);
  const ns = library === 'numpy' ? 'np' : 'torch';
  const columns = derivation.inputs.map((input) => input.map(({ fn, feature }) =>
    (fn === 'identity' ? `rows[:, ${feature}]` : `${ns}.${fn}(rows[:, ${feature}])`)).join(' * '));
  const stack = library === 'numpy' ? `np.column_stack([${columns.join(', ')}])` : `torch.stack([${columns.join(', ')}], dim=1)`;
  return [
    'def network_inputs(rows):',
    '    """The network\'s input vectors for rows of the dataset: the lab\'s feature crosses',
    `    ${derivation.texts().join(', ')} (x1 is a row's first number), products left to right."""`,
    `    return ${stack}`,
  ].join('\n') + '\n\n\n';
}

/** `array` (Python source of an n × inputSize array of rows) as the network's input vectors. */
export function asNetworkInputs(snapshot: Pick<ModelSnapshot, 'inputs'>, array: string): string {
  return snapshot.inputs ? `network_inputs(${array})` : array;
}

/** How many numbers the network's first layer takes: the derived inputs, else the row's features. */
export function firstLayerSize(snapshot: Pick<ModelSnapshot, 'inputSize' | 'inputs'>): number {
  return snapshot.inputs?.length ?? snapshot.inputSize;
}

/**
 * Parameters as Python constants named `${prefix}_WEIGHTS` and `${prefix}_BIAS` (the tutorial's
 * single neuron: a vector and a number) or `${prefix}_BIASES` (a matrix and a vector per layer).
 */
export function parameterConstants(prefix: string, snapshot: ModelSnapshot, layers: readonly LayerParameters[]): string {
  if (snapshot.hiddenLayers.length === 0) {
    return `${prefix}_WEIGHTS = ${pythonFloatList(layers[0].weights[0])}\n${prefix}_BIAS = ${pythonFloat(layers[0].biases[0])}`;
  }
  return [
    `${prefix}_WEIGHTS = [`,
    ...layers.map((layer) => `    ${pythonMatrix(layer.weights, '    ')},`),
    ']',
    `${prefix}_BIASES = [`,
    ...layers.map((layer) => `    ${pythonFloatList(layer.biases)},`),
    ']',
  ].join('\n');
}

/** The arguments that give NumPy's NeuralNetwork the parameters named by `prefix`. */
export function parameterArguments(prefix: string, snapshot: ModelSnapshot): string {
  return snapshot.hiddenLayers.length === 0 ? `${prefix}_WEIGHTS, ${prefix}_BIAS` : `${prefix}_WEIGHTS, ${prefix}_BIASES`;
}
