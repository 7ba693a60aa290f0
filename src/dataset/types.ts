// The shapes parseDataset returns. Plain data only, so they cross the worker and webview boundaries as JSON.
import type { HiddenActivation, OutputKind } from '../core/types';
import type { GeneratorSettings } from '../core/generators';
import type { Regularization } from '../core/regularization';

/** Something wrong (error: training must refuse) or suspicious (warning) in a dataset file. */
export interface Problem {
  severity: 'error' | 'warning';
  message: string;
  /** Where in the text the problem is: the offending row, value or key. */
  offset: number;
  length: number;
}

export interface DatasetRow {
  /** 0-based position in the file's "rows" array; messages call it "row index + 1", as a learner counts. */
  index: number;
  input: number[];
  /** Absent: the row is only predicted, never trained on. */
  target?: number;
  /** "test" rows are held out: scored for the test curve, never trained on. */
  split: 'train' | 'test';
  /** The row's object `{ … }` in the text. */
  offset: number;
  length: number;
}

export interface DatasetNetworkSettings {
  hiddenLayers?: number[];
  activation?: HiddenActivation;
  output?: OutputKind;
  learningRate?: number;
  iterations?: number;
  errorInterval?: number;
  seed?: number;
  /** Start values of the tutorial's single neuron (only without hidden layers). */
  start?: { weights: number[]; bias: number };
  /** Feature crosses: the network's inputs derived from each row's features (see features.ts), canonical. */
  inputs?: string[];
  /** A weight penalty added to the error (regularization.ts). */
  regularization?: Regularization;
  /** Rows whose gradients each step averages; 1 is the tutorial's SGD. */
  batchSize?: number;
}

export interface TextRange {
  offset: number;
  length: number;
}

export interface Dataset {
  description?: string;
  features?: string[];
  /** Only the valid rows; each invalid row has an error in `problems` instead. */
  rows: DatasetRow[];
  /** How many numbers every row's input has (0 when nothing says). */
  inputSize: number;
  /** Only the settings the file gives and that are valid; the editor's settings fill the rest. */
  network: DatasetNetworkSettings;
  /** offset/length of the "rows" property key, for a CodeLens */
  rowsKey?: TextRange;
  /** offset/length of the "network" object value `{ … }`, to replace or extend it in one edit. */
  networkRange?: TextRange;
  /** For synthetic data: the weights and bias the rows were generated from. */
  generatedBy?: { weights: number[]; bias: number };
  /** For a generated 2-D set (Generate Dataset…): how to make the same rows again. */
  generator?: GeneratorSettings;
}

export interface ParseDatasetOptions {
  /** The output unit the editor's settings choose; the file's "network.output" wins. Default 'sigmoid'. */
  outputHint?: OutputKind;
}

export interface ParseDatasetResult {
  dataset?: Dataset;
  problems: Problem[];
}

/** A row as we write it: "split" defaults to "train" and is then left out. */
export interface RowToWrite {
  input: number[];
  target?: number;
  split?: 'train' | 'test';
}

/** A whole file as we write it ("New Dataset", "Split Dataset"). */
export interface DatasetToWrite {
  description?: string;
  features?: string[];
  generatedBy?: { weights: number[]; bias: number };
  generator?: GeneratorSettings;
  rows: readonly RowToWrite[];
  network?: DatasetNetworkSettings;
}
