// Every message between the extension host and the webviews (Training panel, Error Chart view).
// Shared by both sides; a discriminated union on `type` in each direction. Imports only types,
// so the webview bundle gets no host code.
import type { Regularization } from './core/regularization';
import { isExerciseFunctionId, type ExerciseFunctionId } from './exercise/functions';
import type { ErrorPoint, ExplainedTerm, LayerParameters, HiddenActivation, OutputKind } from './core/types';
import { isHiddenActivation } from './core/activations';
import type { CheckpointId } from './lesson/checkpoints';
import type { PaneData, PaneMessage } from './panes';
import { isHiddenLayerList, isIterationCount } from './core/limits';

export type RunStatus = 'completed' | 'stopped' | 'diverged' | 'saturated' | 'failed';

export interface TrainingSettings {
  learningRate: number;
  iterations: number;
  errorInterval: number;
  seed: number;
  hiddenLayers: number[];
  activation: HiddenActivation;
  output: OutputKind;
  /** The file's "network.inputs" (feature crosses), canonical; absent: the rows as they are. */
  inputs?: string[];
  /** The file's "network.regularization"; absent: none. */
  regularization?: Regularization;
  /** The file's "network.batchSize"; absent: 1, the tutorial's SGD. */
  batchSize?: number;
}

export interface RunInfo {
  runId: string;
  datasetUri: string;
  /** File name shown in legends, e.g. "tutorial.nn.json". */
  datasetName: string;
  settings: TrainingSettings;
  trainRows: number;
  testRows: number;
  startedAt: number;
  /** The largest |input| among the rows: a learner's unscaled features explain a divergence. */
  largestInput?: number;
  /** The file's "generatedBy": the weights and bias its rows were made from, shown beside the learned ones. */
  generatedBy?: { weights: number[]; bias: number };
}

export interface RunEnd {
  status: RunStatus;
  message: string;
}

/** The spread of many numbers: what the panel shows of a layer too large to list. */
export interface ValueSpread {
  min: number;
  max: number;
  mean: number;
  /** Root mean square: the typical size of a value, whatever its sign. */
  rms: number;
}

/** One layer of a network too large to show weight by weight (see FULL_PARAMETERS_MAX_VALUES). */
export interface LayerSummary {
  units: number;
  inputs: number;
  weights: ValueSpread;
  biases: ValueSpread;
}

/** What a view needs to draw one run from scratch (sent in `state`). */
export interface RunView {
  run: RunInfo;
  /** Decimated when long (min/max buckets, the newest points as they are). */
  points: ErrorPoint[];
  testPoints: ErrorPoint[];
  /** Errors the run has recorded so far: more than the points drawn once a long series is thinned. */
  recordedPoints?: number;
  iteration: number;
  stepsPerSecond: number;
  /** Empty for a network too large to list: then `parameterSummary` describes it. */
  parameters: LayerParameters[];
  parameterSummary?: LayerSummary[];
  end?: RunEnd;
  /** With regularization: [iteration, cumulative error + the penalty once per training row], recorded at
   *  the iterations of `points` and bounded the same way (its older points min/max-reduced on their own
   *  values; the recent ones kept whole). Absent without regularization. */
  penalizedPoints?: ErrorPoint[];
}

export interface PredictionView {
  datasetUri: string;
  row: number;
  input: number[];
  target?: number;
  prediction: number;
  output: OutputKind;
  /** The model had never been trained: its weights are random or the file's start values. */
  untrained: boolean;
}

export interface ExplanationView {
  datasetUri: string;
  row: number;
  input: number[];
  target?: number;
  terms: ExplainedTerm[];
  /** What this network's forward and backward pass do, in words (names its real activation and output). */
  intro?: string;
}

/** One SGD iteration taken by the step debugger, with everything it touched. */
export interface StepView {
  datasetUri: string;
  /** The iteration just taken (0-based, as the tutorial's loop counts). */
  iteration: number;
  /** The row SGD picked: its index in the file's rows. */
  row: number;
  input: number[];
  target: number;
  prediction: number;
  /** A sigmoid output reads as a class; a linear one does not. */
  output: OutputKind;
  /** after = before − learningRate · gradient, parameter by parameter. */
  learningRate: number;
  gradients: LayerParameters[];
  before: LayerParameters[];
  after: LayerParameters[];
  /** Cumulative error over all training rows after the update, when this iteration records one. */
  cumulativeError?: number;
}

/** Predictions over a grid of the two input features, drawn under the data points. */
export interface BoundaryView {
  runId: string;
  datasetUri: string;
  iteration: number;
  x: { min: number; max: number; label: string };
  y: { min: number; max: number; label: string };
  columns: number;
  rows: number;
  /** rows × columns predictions at cell centres, (x.min + (column + 0.5)·width/columns, …), row-major from y.min. */
  values: number[];
  points: { x: number; y: number; target?: number; split: 'train' | 'test' }[];
  /** What each hidden unit sees: layers[l][u] is unit u of hidden layer l (first units only) over a
   *  size × size grid of the same area, cell centres placed as for `values`. Absent without hidden layers. */
  units?: { size: number; layers: number[][][] };
}

export interface BagOfWordsView {
  sentences: string[];
  /** Per sentence, every word with its lemma; stop words are shown but not counted. */
  tokens: { token: string; lemma: string; stopWord: boolean }[][];
  vocabulary: string[];
  vectors: number[][];
}

/** How many training sessions are in each busy state: what the panel's Train and Stop follow. */
export interface SessionsView {
  starting: number;
  running: number;
  stopping: number;
}

/** A card of the live lesson (src/lesson/checkpoints.ts lists them). */
export type LessonCheckpoint = CheckpointId;

export type HostMessage =
  | {
      type: 'state';
      runs: RunView[];
      /** What each pane shows now (src/panes.ts); a pane without data is hidden. */
      panes?: Partial<PaneData>;
      boundary?: BoundaryView;
      sessions?: SessionsView;
      defaults: { learningRate: number; iterations: number; hiddenLayers: number[]; activation: HiddenActivation };
    }
  | { type: 'runStarted'; run: RunInfo }
  /** Sent at every start/stop transition. */
  | { type: 'sessions'; sessions: SessionsView }
  /** The answer to a `train` that carried a requestId: the run it started, if it started one. */
  | { type: 'trainHandled'; requestId: number; runId?: string }
  | {
      type: 'progress';
      runId: string;
      datasetUri: string;
      points: ErrorPoint[];
      testPoints: ErrorPoint[];
      /** Errors the run has recorded so far (the batches may carry fewer: see RunView). */
      recordedPoints?: number;
      iteration: number;
      stepsPerSecond: number;
      /** Empty when not resent with this message (the worker sends them a few times a second) or summarised. */
      parameters: LayerParameters[];
      /** With regularization: the cumulative error with the penalty at the iterations of `points` (see RunView). */
      penalizedPoints?: ErrorPoint[];
      parameterSummary?: LayerSummary[];
    }
  | { type: 'runEnded'; runId: string; datasetUri: string; iteration: number; end: RunEnd }
  /** One pane's new data (prediction, step, explanation, lesson, bag of words: src/panes.ts). */
  | PaneMessage
  /** The parameters a run had at a recorded iteration (answer to `inspect`). */
  | { type: 'parameterSnapshot'; runId: string; iteration: number; parameters: LayerParameters[]; parameterSummary?: LayerSummary[] }
  | { type: 'boundary'; boundary: BoundaryView };

export interface TrainRequest {
  type: 'train';
  learningRate?: number;
  iterations?: number;
  /** From the panel's layer editor: overrides the file's network block for this run. */
  hiddenLayers?: number[];
  activation?: HiddenActivation;
  /** Echoed in `trainHandled`, so the panel knows when its Train has been dealt with. */
  requestId?: number;
}

export type WebviewMessage =
  | { type: 'ready' }
  | TrainRequest
  | { type: 'stop' }
  | { type: 'step' }
  | { type: 'reset' }
  /** Run the step debugger on to this iteration. */
  | { type: 'runTo'; iteration: number }
  /** The learner clicked a point of a run's curve: show the parameters recorded there. */
  | { type: 'inspect'; runId: string; iteration: number }
  /** A lesson card's link: open the exercise file at this function. */
  | { type: 'openExercise'; function: ExerciseFunctionId };

const isFinitePositive = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value > 0;

/**
 * Checks a message that came from a webview. Anything that is not exactly one of the
 * `WebviewMessage` shapes yields undefined: a webview is untrusted input.
 */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const message = value as Record<string, unknown>;
  const keys = Object.keys(message);
  const only = (...allowed: string[]) => keys.every((key) => allowed.includes(key));
  switch (message.type) {
    case 'ready':
    case 'stop':
    case 'step':
    case 'reset':
      return only('type') ? { type: message.type } : undefined;
    case 'train': {
      if (!only('type', 'learningRate', 'iterations', 'hiddenLayers', 'activation', 'requestId')) return undefined;
      const { learningRate, iterations, hiddenLayers, activation, requestId } = message;
      if (requestId !== undefined && !(Number.isInteger(requestId) && (requestId as number) >= 0 && (requestId as number) <= 2 ** 31)) return undefined;
      if (learningRate !== undefined && !isFinitePositive(learningRate)) return undefined;
      if (iterations !== undefined && !isIterationCount(iterations)) return undefined;
      if (hiddenLayers !== undefined && !isHiddenLayerList(hiddenLayers)) return undefined;
      if (activation !== undefined && !isHiddenActivation(activation)) return undefined;
      const request: TrainRequest = { type: 'train', learningRate: learningRate as number | undefined, iterations: iterations as number | undefined };
      if (hiddenLayers !== undefined) request.hiddenLayers = [...(hiddenLayers as number[])];
      if (activation !== undefined) request.activation = activation as HiddenActivation;
      if (requestId !== undefined) request.requestId = requestId as number;
      return request;
    }
    case 'runTo':
      return only('type', 'iteration') && isIterationCount(message.iteration) ? { type: 'runTo', iteration: message.iteration } : undefined;
    case 'inspect':
      return only('type', 'runId', 'iteration') &&
        typeof message.runId === 'string' && message.runId.length <= 100 &&
        typeof message.iteration === 'number' && Number.isInteger(message.iteration) && message.iteration >= 0
        ? { type: 'inspect', runId: message.runId, iteration: message.iteration }
        : undefined;
    case 'openExercise':
      return only('type', 'function') && isExerciseFunctionId(message.function) ? { type: 'openExercise', function: message.function } : undefined;
    default:
      return undefined;
  }
}
