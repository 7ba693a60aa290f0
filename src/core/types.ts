import type { HiddenActivation, OutputKind } from './activations';
import type { Regularization } from './regularization';

// Shared shapes of the core. Plain data only, so they cross worker and webview boundaries as JSON.

// The activation names are derived from the one record of activations.
export type { ActivationName, HiddenActivation, OutputKind } from './activations';

export interface NetworkOptions {
  learningRate: number;
  seed?: number;
  hiddenLayers?: number[];
  activation?: HiddenActivation;
  output?: OutputKind;
  /** Defaults to weights.length, else 2 (the tutorial's two features). */
  inputSize?: number;
  /** Start values of the tutorial net (no hidden layers). */
  weights?: number[];
  bias?: number;
  /** Feature crosses in canonical form ("x1*x2", "sin(x1)"; x1 is a row's first feature): the first
   *  layer takes these, derived from each row of `inputSize` features. Absent: the row as it is. */
  inputs?: string[];
  /** A weight penalty added to the squared error (regularization.ts). Absent: none, the tutorial's loss. */
  regularization?: Regularization;
}

/** One dense layer. weights[unit][input], biases[unit]. */
export interface LayerParameters {
  weights: number[][];
  biases: number[];
}

/** Everything needed to rebuild a network exactly: what the worker sends back and what is saved per dataset. */
export interface ModelSnapshot {
  inputSize: number;
  hiddenLayers: number[];
  activation: HiddenActivation;
  output: OutputKind;
  learningRate: number;
  seed: number;
  layers: LayerParameters[];
  /** The derived inputs (feature crosses), canonical; absent when the network takes the rows as they are. */
  inputs?: string[];
  /** The weight penalty it was trained with; absent: none. */
  regularization?: Regularization;
}

/** [iteration, cumulative error] as the tutorial records it. */
export type ErrorPoint = [number, number];

export interface TrainerOptions {
  iterations: number;
  errorInterval: number;
  /** Held-out rows: their cumulative error is recorded at the same iterations, never trained on. */
  testInputs?: number[][];
  testTargets?: number[];
  /** Rows whose gradients each step averages; 1 (the default) is the tutorial's SGD, bit for bit. */
  batchSize?: number;
}

export interface TrainerChunk {
  /** Iterations completed so far. */
  iteration: number;
  /** Points recorded during this chunk only. */
  errors: ErrorPoint[];
  testErrors: ErrorPoint[];
  /** With regularization: the cumulative error plus the penalty once per training row (Σ over rows of
   *  (prediction − target)² + penalty), at the same iterations as `errors`. */
  penalizedErrors?: ErrorPoint[];
  done: boolean;
  /** A parameter or the error became NaN/±Infinity: training stopped at `iteration`. */
  diverged: boolean;
}

/** One named value of the forward or backward pass, as the tutorial names it. */
export interface ExplainedTerm {
  name: string;
  value: number | number[];
  /** How it was computed, in the tutorial's notation, e.g. "2 · (prediction − target)". */
  formula: string;
  /** Which layer it belongs to for deeper nets (0 = first hidden layer); absent for the output of the tutorial net. */
  layer?: number;
}
