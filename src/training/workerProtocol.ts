// Messages between the extension host and the training worker (not the webviews: see src/protocol.ts).
import type { ErrorPoint, LayerParameters, ModelSnapshot } from '../core/types';
import type { UnitHeatmaps } from '../core/heatmaps';
import type { RunStatus, TrainingSettings } from '../protocol';
import type { RunDiagnosis } from './runDiagnosis';

export interface WorkerStart {
  type: 'start';
  settings: TrainingSettings;
  inputs: number[][];
  targets: number[];
  testInputs: number[][];
  testTargets: number[];
  /** The tutorial's worked-example start values, from the file's `network.start`. */
  start?: { weights: number[]; bias: number };
  /**
   * Shared flag: the host sets element 0 to 1 to stop; read between chunks, so no message has to get
   * through. Absent where memory cannot be shared (the web): then a WorkerStop message says it.
   */
  stopFlag?: SharedArrayBuffer;
  /** Minimum milliseconds between progress messages. */
  progressIntervalMs: number;
  /** For 2-input datasets: the area of the decision-boundary grid (the rows' extent). */
  boundary?: { x: [number, number]; y: [number, number]; size: number; units?: { size: number; maxPerLayer: number } };
}

/** Sent instead of setting the shared flag when there is none; the worker reads it between chunks. */
export interface WorkerStop {
  type: 'stop';
}

/** The parameters right after the update of a recorded iteration. */
export interface Checkpoint {
  iteration: number;
  parameters: LayerParameters[];
}

export interface Accuracy {
  right: number;
  all: number;
}

export type WorkerReply =
  | {
      type: 'progress';
      iteration: number;
      points: ErrorPoint[];
      testPoints: ErrorPoint[];
      /** With regularization: the cumulative error plus the penalty at the iterations of `points` (TrainerChunk.penalizedErrors). */
      penalizedPoints?: ErrorPoint[];
      stepsPerSecond: number;
      parameters: LayerParameters[];
      checkpoints: Checkpoint[];
    }
  | { type: 'boundary'; iteration: number; values: number[]; units?: UnitHeatmaps }
  | {
      type: 'ended';
      status: RunStatus;
      iteration: number;
      detail: string;
      model?: ModelSnapshot;
      accuracy?: { train: Accuracy; test: Accuracy };
      /** For a completed run: the facts and followed advice the end message reports (runDiagnosis.ts). */
      diagnosis?: RunDiagnosis;
    };
