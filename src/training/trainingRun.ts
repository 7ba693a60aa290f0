// One training run in a worker thread, seen from the extension host: its series, its parameters,
// and how it ended. Knows nothing of views; the TrainingManager fans its events out.
import type { ErrorPoint, LayerParameters, ModelSnapshot } from '../core/types';
import type { UnitHeatmaps } from '../core/heatmaps';
import type { LayerSummary, RunEnd, RunInfo, RunStatus, RunView } from '../protocol';
import type { Accuracy, ParameterSnapshot, WorkerAcknowledge, WorkerReply, WorkerStart, WorkerStop } from './workerProtocol';
import { endMessage } from './runMessages';
import type { RunDiagnosis } from './runDiagnosis';
import type { Platform, StopFlag, WorkerHandle } from '../platform/platform';
import { unpackModel } from './modelTransfer';
import { BoundedSeries, type SeriesBounds } from './decimation';

export interface RunData {
  inputs: number[][];
  targets: number[];
  testInputs: number[][];
  testTargets: number[];
  start?: { weights: number[]; bias: number };
}

/** What one progress message brought; parameters only when the worker sent them with it. */
export interface ProgressBatch {
  points: ErrorPoint[];
  testPoints: ErrorPoint[];
  penalizedPoints?: ErrorPoint[];
  parameters?: LayerParameters[];
  parameterSummary?: LayerSummary[];
}

export interface RunListener {
  progress(run: TrainingRun, batch: ProgressBatch): void;
  boundary(run: TrainingRun): void;
  ended(run: TrainingRun): void;
}

/** Kept small so a `state` message stays cheap however long the run; chart decimation does the rest. */
const MAX_POINTS_IN_STATE = 4000;
/** At most 32,768 points per series in the host (about 1.5 MB), the newest 8,192 as received. */
export const HOST_SERIES_BOUNDS: SeriesBounds = { buckets: 4096, recent: 8192 };
/** If the worker has not answered a stop within this time it is terminated. */
const STOP_GRACE_MS = 1000;

export class TrainingRun {
  /** The training error curve, bounded: older points are min/max buckets once it is long. */
  readonly train = new BoundedSeries(HOST_SERIES_BOUNDS);
  readonly test = new BoundedSeries(HOST_SERIES_BOUNDS);
  iteration = 0;
  stepsPerSecond = 0;
  parameters: LayerParameters[] = [];
  /** For a network too large to list (then `parameters` stays empty). */
  parameterSummary?: LayerSummary[];
  /** Errors the run has recorded so far; the series holds fewer once thinned. */
  recordedPoints = 0;
  end?: RunEnd;
  model?: ModelSnapshot;
  readonly parameterSnapshots: ParameterSnapshot[] = [];
  boundary?: { iteration: number; values: number[]; units?: UnitHeatmaps };
  /** With regularization: the training error plus the penalty, recorded at the same iterations, bounded alike. */
  readonly penalized?: BoundedSeries;
  accuracy?: { train: Accuracy; test: Accuracy };
  /** What the end message's advice rests on, computed (and followed) in the worker. */
  diagnosis?: RunDiagnosis;
  private readonly worker: WorkerHandle;
  private readonly stopFlag: StopFlag;
  private readonly acknowledged?: SharedArrayBuffer;
  private readonly finished: Promise<void>;

  constructor(
    readonly info: RunInfo,
    data: RunData,
    platform: Pick<Platform, 'startTrainingWorker' | 'createStopFlag'>,
    listener: RunListener,
    progressIntervalMs = 50,
    boundary?: WorkerStart['boundary'],
  ) {
    if (info.settings.regularization) this.penalized = new BoundedSeries(HOST_SERIES_BOUNDS);
    this.worker = platform.startTrainingWorker();
    this.stopFlag = platform.createStopFlag();
    // Shared memory for the acknowledgements wherever the stop flag has it.
    this.acknowledged = this.stopFlag.shared ? new SharedArrayBuffer(4) : undefined;
    this.finished = new Promise((resolve) => {
      const finish = (status: RunStatus, detail: string, model?: ModelSnapshot) => {
        if (this.end) return;
        this.model = model;
        this.end = { status, message: endMessage(status, this, detail) };
        this.worker.terminate();
        listener.ended(this);
        resolve();
      };
      // The worker waits for these before it posts again: the host's queue holds one message at most.
      const counter = this.acknowledged && new Int32Array(this.acknowledged);
      const acknowledge = () => {
        if (counter) Atomics.add(counter, 0, 1);
        else if (this.running) this.worker.postMessage({ type: 'acknowledge' } satisfies WorkerAcknowledge);
      };
      this.worker.onMessage((reply: WorkerReply) => {
        if (reply.type === 'progress') {
          this.iteration = reply.iteration;
          this.stepsPerSecond = reply.stepsPerSecond;
          this.recordedPoints = reply.recordedPoints;
          if (reply.parameters) this.parameters = reply.parameters;
          if (reply.parameterSummary) this.parameterSummary = reply.parameterSummary;
          this.train.append(reply.points);
          this.test.append(reply.testPoints);
          if (reply.penalizedPoints) this.penalized?.append(reply.penalizedPoints);
          for (const snapshot of reply.parameterSnapshots) this.parameterSnapshots.push(snapshot);
          try {
            listener.progress(this, reply);
          } finally {
            acknowledge();
          }
        } else if (reply.type === 'boundary') {
          this.boundary = { iteration: reply.iteration, values: reply.values, units: reply.units };
          try {
            listener.boundary(this);
          } finally {
            acknowledge();
          }
        } else {
          this.iteration = reply.iteration;
          this.accuracy = reply.accuracy;
          this.diagnosis = reply.diagnosis;
          finish(reply.status, reply.detail, reply.model && unpackModel(reply.model));
        }
      });
      this.worker.onError((error) => finish('failed', error.message));
      this.worker.onExit(() => finish(this.stopFlag.isSet ? 'stopped' : 'failed', 'the training worker exited unexpectedly'));
    });
    const start: WorkerStart = {
      type: 'start', settings: info.settings, ...data, stopFlag: this.stopFlag.shared, acknowledged: this.acknowledged, progressIntervalMs, boundary,
    };
    this.worker.postMessage(start);
  }

  get running(): boolean {
    return this.end === undefined;
  }

  /** Resolves once the run has ended (whatever the reason). */
  whenEnded(): Promise<void> {
    return this.finished;
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.stopFlag.set();
    // Without shared memory the worker hears of the stop between chunks, when it yields.
    if (!this.stopFlag.shared) this.worker.postMessage({ type: 'stop' } satisfies WorkerStop);
    const timer = setTimeout(() => this.worker.terminate(), STOP_GRACE_MS);
    await this.finished;
    clearTimeout(timer);
  }

  view(): RunView {
    return {
      run: this.info,
      points: this.train.sample(MAX_POINTS_IN_STATE),
      testPoints: this.test.sample(MAX_POINTS_IN_STATE),
      recordedPoints: this.recordedPoints,
      parameterSummary: this.parameterSummary,
      iteration: this.iteration,
      stepsPerSecond: this.stepsPerSecond,
      parameters: this.parameters,
      end: this.end,
      ...(this.penalized ? { penalizedPoints: this.penalized.sample(MAX_POINTS_IN_STATE) } : {}),
    };
  }

  /** The parameter snapshot nearest to an iteration (clicking the chart need not hit one exactly). */
  parameterSnapshotNear(iteration: number): ParameterSnapshot | undefined {
    let best: ParameterSnapshot | undefined;
    for (const snapshot of this.parameterSnapshots) {
      if (!best || Math.abs(snapshot.iteration - iteration) < Math.abs(best.iteration - iteration)) best = snapshot;
    }
    return best;
  }

  get lastError(): number | undefined {
    return this.train.last?.[1];
  }
}
