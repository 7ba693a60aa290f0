// Messages between the extension host and the training worker (not the webviews: see src/protocol.ts).
import type { ErrorPoint, LayerParameters, ModelSnapshot } from '../core/types';
import type { UnitHeatmaps } from '../core/heatmaps';
import type { LayerSummary, RunStatus, TrainingSettings } from '../protocol';
import type { RunDiagnosis } from './runDiagnosis';
import type { PackedModel } from './modelTransfer';

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
  /**
   * Shared counter: element 0 is how many progress and boundary messages the host has handled. The
   * worker posts the next only once the host has caught up, so the host's queue never grows and it
   * always gets its turn (points gathered meanwhile are thinned in a bounded buffer). Absent where
   * memory cannot be shared: then a WorkerAcknowledge message follows each one handled.
   */
  acknowledged?: SharedArrayBuffer;
  /** Minimum milliseconds between progress messages. */
  progressIntervalMs: number;
  /** For 2-input datasets: the area of the decision-boundary grid (the rows' extent). */
  boundary?: { x: [number, number]; y: [number, number]; size: number; units?: { size: number; maxPerLayer: number } };
}

/** Sent instead of setting the shared flag when there is none; the worker reads it between chunks. */
export interface WorkerStop {
  type: 'stop';
}

/** The host handled one progress or boundary message (sent only where there is no shared counter). */
export interface WorkerAcknowledge {
  type: 'acknowledge';
}

/** The parameters right after the update of a recorded iteration (a summary of them for a large network). */
export interface ParameterSnapshot {
  iteration: number;
  parameters: LayerParameters[];
  parameterSummary?: LayerSummary[];
}

export interface Accuracy {
  right: number;
  all: number;
}

export type WorkerReply =
  | {
      type: 'progress';
      iteration: number;
      /** Recorded since the last message; thinned (min/max buckets) past the worker's MESSAGE_POINTS. */
      points: ErrorPoint[];
      testPoints: ErrorPoint[];
      /** With regularization: the cumulative error plus the penalty at the iterations of `points` (TrainerChunk.penalizedErrors). */
      penalizedPoints?: ErrorPoint[];
      /** Training errors recorded since the start of the run. */
      recordedPoints: number;
      stepsPerSecond: number;
      /** Sent a few times a second, else absent; a large network sends `parameterSummary` instead. */
      parameters?: LayerParameters[];
      parameterSummary?: LayerSummary[];
      parameterSnapshots: ParameterSnapshot[];
    }
  | { type: 'boundary'; iteration: number; values: number[]; units?: UnitHeatmaps }
  | {
      type: 'ended';
      status: RunStatus;
      iteration: number;
      detail: string;
      /** Packed for the transfer (modelTransfer.ts); the host unpacks it into a ModelSnapshot. */
      model?: PackedModel;
      accuracy?: { train: Accuracy; test: Accuracy };
      /** For a completed run: the facts and followed advice the end message reports (runDiagnosis.ts). */
      diagnosis?: RunDiagnosis;
    };
