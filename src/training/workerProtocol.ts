// Messages between the extension host and the training worker (not the webviews: see src/protocol.ts).
import type { ErrorPoint, LayerParameters, ModelSnapshot } from '../core/types';
import type { RunStatus, TrainingSettings } from '../protocol';

export interface WorkerStart {
  type: 'start';
  settings: TrainingSettings;
  inputs: number[][];
  targets: number[];
  testInputs: number[][];
  testTargets: number[];
  /** The tutorial's worked-example start values, from the file's `network.start`. */
  start?: { weights: number[]; bias: number };
  /** Shared flag: the host sets element 0 to 1 to stop; read between chunks, so no message has to get through. */
  stopFlag: SharedArrayBuffer;
  /** Minimum milliseconds between progress messages. */
  progressIntervalMs: number;
}

export type WorkerReply =
  | {
      type: 'progress';
      iteration: number;
      points: ErrorPoint[];
      testPoints: ErrorPoint[];
      stepsPerSecond: number;
      parameters: LayerParameters[];
    }
  | { type: 'ended'; status: RunStatus; iteration: number; detail: string; model?: ModelSnapshot; seed: number };
