// Every message between the extension host and the webviews (Training panel, Error Chart view).
// Shared by both sides; a discriminated union on `type` in each direction. Imports only types,
// so the webview bundle gets no host code.
import type { ErrorPoint, ExplainedTerm, LayerParameters, HiddenActivation, OutputKind } from './core/types';

export type RunStatus = 'completed' | 'stopped' | 'diverged' | 'saturated' | 'failed';

export interface TrainingSettings {
  learningRate: number;
  iterations: number;
  errorInterval: number;
  seed: number;
  hiddenLayers: number[];
  activation: HiddenActivation;
  output: OutputKind;
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
}

export interface RunEnd {
  status: RunStatus;
  message: string;
}

/** What a view needs to draw one run from scratch (sent in `state`). */
export interface RunView {
  run: RunInfo;
  /** Decimated when long; the host keeps the full series. */
  points: ErrorPoint[];
  testPoints: ErrorPoint[];
  iteration: number;
  stepsPerSecond: number;
  parameters: LayerParameters[];
  end?: RunEnd;
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
}

export type HostMessage =
  | { type: 'state'; runs: RunView[]; prediction?: PredictionView; explanation?: ExplanationView; defaults: { learningRate: number; iterations: number } }
  | { type: 'runStarted'; run: RunInfo }
  | {
      type: 'progress';
      runId: string;
      datasetUri: string;
      points: ErrorPoint[];
      testPoints: ErrorPoint[];
      iteration: number;
      stepsPerSecond: number;
      parameters: LayerParameters[];
    }
  | { type: 'runEnded'; runId: string; datasetUri: string; iteration: number; end: RunEnd }
  | { type: 'prediction'; prediction: PredictionView }
  | { type: 'explanation'; explanation: ExplanationView };

export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'train'; learningRate?: number; iterations?: number }
  | { type: 'stop' }
  | { type: 'step' }
  | { type: 'reset' };

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
      if (!only('type', 'learningRate', 'iterations')) return undefined;
      const { learningRate, iterations } = message;
      if (learningRate !== undefined && !isFinitePositive(learningRate)) return undefined;
      if (iterations !== undefined && !(isFinitePositive(iterations) && Number.isInteger(iterations) && iterations <= 1e9)) return undefined;
      return { type: 'train', learningRate: learningRate as number | undefined, iterations: iterations as number | undefined };
    }
    default:
      return undefined;
  }
}
