// Messages between the extension host and a worker that runs the step debugger on ("Run to
// iteration"): the debugger's whole state goes over, the worker trains on, the state comes back.
import type { ModelSnapshot } from '../core/types';

export interface RunToState {
  /** The network as it is now (parameters and settings). */
  model: ModelSnapshot;
  /** The network's row sampler, so the worker draws the very rows the debugger would. */
  sampler: number[];
}

export interface WorkerRunTo extends RunToState {
  type: 'runTo';
  inputs: number[][];
  targets: number[];
  /** Iterations to train. */
  steps: number;
  /** Rows per step (1, the tutorial's SGD, when absent). */
  batchSize?: number;
  /** As for a training run: set by the host to cancel; absent where memory cannot be shared (a WorkerStop then). */
  stopFlag?: SharedArrayBuffer;
  progressIntervalMs: number;
}

export type RunToReply =
  | { type: 'runToProgress'; done: number }
  /** `done` iterations were taken; the state after them (none when cancelled or failed). */
  | ({ type: 'runToEnded'; status: 'completed' | 'diverged'; done: number } & RunToState)
  | { type: 'runToEnded'; status: 'stopped'; done: number }
  | { type: 'runToEnded'; status: 'failed'; done: number; detail?: string };
