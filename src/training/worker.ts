// Runs one training session on the core, off the extension host's thread.
// What it sends is bounded whatever the dataset says: a progress message per progressIntervalMs at
// most, and only once the host has handled the previous one (so the host's queue never grows); at
// most MESSAGE_POINTS of each error series per message (min/max buckets beyond); the parameters a
// few times a second, as a summary for a network too large to list; parameter snapshots within a byte budget.
// The same loop runs in a worker thread (Node) and in a Web Worker: the entry files in
// src/platform/node and src/platform/web hand serveTraining the port to the host.
import { NeuralNetwork, createTrainer, assessSaturation, countCorrect, unitHeatmaps } from '../core';
import type { ErrorPoint, LayerParameters, ModelSnapshot } from '../core/types';
import type { LayerSummary } from '../protocol';
import { BoundedSeries, type SeriesBounds } from './decimation';
import { FULL_PARAMETERS_MAX_VALUES, summarizeLayerValues } from './parameterSummary';
import type { Accuracy, ParameterSnapshot, WorkerAcknowledge, WorkerReply, WorkerStart, WorkerStop } from './workerProtocol';
import { nextTask, type WorkerPort } from '../platform/workerPort';
import { runTo } from './runToWorker';
import { packModel } from './modelTransfer';
import type { RunToReply, WorkerRunTo } from './runToProtocol';
import { TAIL_RECORDS } from '../core/errorTail';
import { diagnoseRun, type RunDiagnosis } from './runDiagnosis';

/** Steps per chunk are tuned so a chunk takes about this long: the stop flag is read at least this often. */
const CHUNK_TARGET_MS = 10;
/**
 * At most 128 points of each series per message: 20 messages a second carry ~2,500, more than a chart
 * can draw. (512 a message was most of what the extension host allocated in worst case 2: every
 * point is an array to receive, merge and write out as JSON to each view.)
 */
const MESSAGE_POINTS: SeriesBounds = { buckets: 16, recent: 32 };
/**
 * A chunk records at most this many errors: its arrays of error points then stay small enough for
 * V8's young generation. (At errorInterval 1, 10 ms chunks of ~14,000 steps grew arrays past 128 KB,
 * which V8 places in the old generation's large-object space: the worker's heap reached ~50 MB.)
 */
const CHUNK_RECORDS = 4096;
/** The parameters (or a large network's summary) go with a progress message at most this often. */
const PARAMETERS_INTERVAL_MS = 250;
/** Parameters are kept at no more than this many recorded iterations (evenly spread) per run… */
const MAX_SNAPSHOTS = 1000;
/** …and no more than this many numbers in all (1.6 MB), whatever the network's size. */
const MAX_SNAPSHOT_VALUES = 200_000;
const BOUNDARY_INTERVAL_MS = 250;
/**
 * A wide network's boundary grid takes long (48² forward passes: over a second for [256]×8), so the
 * next one waits this many times as long as the last took: boundaries get at most a fifth of the
 * worker's time, and training goes on between them.
 */
const BOUNDARY_COST_FACTOR = 4;

let port: WorkerPort | undefined;

function post(reply: WorkerReply): void {
  port?.post(reply);
}

/** The parameters as sent: in full for a small network, else a summary read from its own arrays. */
function parametersOf(network: NeuralNetwork, summarised: boolean, parameters?: LayerParameters[]): { parameters: LayerParameters[]; parameterSummary?: LayerSummary[] } {
  return summarised ? { parameters: [], parameterSummary: summarizeLayerValues(network.layers) } : { parameters: parameters ?? network.parameters() };
}

/**
 * `stopRequested` is asked after every chunk; where it has to wait for a message, it yields.
 * `stopSeen` answers at once (a shared flag; where there is none, a stop message already received):
 * long work between chunks (a wide network's boundary) reads it as it goes.
 * `acknowledged`: how many of the progress and boundary messages posted the host has handled.
 */
async function train(
  start: WorkerStart, stopRequested: () => boolean | Promise<boolean>, stopSeen: () => boolean, acknowledged: () => number,
): Promise<void> {
  const { settings } = start;
  const network = new NeuralNetwork({
    learningRate: settings.learningRate,
    seed: settings.seed,
    hiddenLayers: settings.hiddenLayers,
    activation: settings.activation,
    output: settings.output,
    inputSize: start.inputs[0]?.length,
    ...(settings.inputs ? { inputs: settings.inputs } : {}),
    ...(settings.regularization ? { regularization: settings.regularization } : {}),
    ...(start.start && settings.hiddenLayers.length === 0 && !settings.inputs ? start.start : {}),
  });
  const trainer = createTrainer(network, start.inputs, start.targets, {
    iterations: settings.iterations,
    errorInterval: settings.errorInterval,
    testInputs: start.testInputs,
    testTargets: start.testTargets,
    batchSize: settings.batchSize,
  });
  let posted = 0;
  const hostCaughtUp = () => acknowledged() >= posted;
  const postCounted = (reply: WorkerReply) => {
    posted++;
    post(reply);
  };
  const values = network.layers.reduce((sum, layer) => sum + layer.units * (layer.inputSize + 1), 0);
  const summarised = values > FULL_PARAMETERS_MAX_VALUES;
  // Parameter snapshots fall on every `snapshotEvery`-th recorded iteration. A chunk is cut to end right
  // after such an iteration's update, so the parameters read then are exactly the recorded ones
  // (chunking never changes the results). A summarised network's parameter snapshots are summaries.
  const recorded = Math.ceil(settings.iterations / settings.errorInterval);
  const valuesPerSnapshot = summarised ? 8 * (network.hiddenLayers.length + 1) : values;
  const snapshotBudget = Math.min(MAX_SNAPSHOTS, Math.floor(MAX_SNAPSHOT_VALUES / valuesPerSnapshot));
  const snapshotEvery = settings.errorInterval * Math.max(1, Math.ceil(recorded / snapshotBudget));
  let nextSnapshot = 0;
  const points = new BoundedSeries(MESSAGE_POINTS);
  const testPoints = new BoundedSeries(MESSAGE_POINTS);
  // With regularization, a third series beside the training error: the same error plus the penalty.
  const penalizedPoints = network.regularization ? new BoundedSeries(MESSAGE_POINTS) : undefined;
  let recordedPoints = 0;
  let parameterSnapshots: ParameterSnapshot[] = [];
  // The first chunk is one step: a thousand of a [256]×8 net take seconds, which no Stop could interrupt.
  // The size then doubles (or follows the measured speed) up to CHUNK_TARGET_MS of work.
  let steps = 1;
  const maxChunkSteps = Math.min(1e7, CHUNK_RECORDS * settings.errorInterval);
  let lastPost = performance.now();
  let lastParameters = -Infinity;
  let lastBoundary = -Infinity;
  let boundaryEvery = BOUNDARY_INTERVAL_MS;
  let iterationAtLastPost = 0;
  // The last records of the training error, for the end-of-run advice (which reads a robust tail, not the last point).
  const recentErrors: number[] = [];
  /** `final`: the run's last parameters, read once for this message and the end. */
  const flush = (now: number, final?: LayerParameters[]) => {
    const elapsed = Math.max(now - lastPost, 1e-3);
    const withParameters = final !== undefined || now - lastParameters >= PARAMETERS_INTERVAL_MS;
    postCounted({
      type: 'progress',
      iteration: trainer.iteration,
      points: points.drain(),
      testPoints: testPoints.drain(),
      recordedPoints,
      penalizedPoints: penalizedPoints?.drain(),
      stepsPerSecond: ((trainer.iteration - iterationAtLastPost) * 1000) / elapsed,
      ...(withParameters ? parametersOf(network, summarised, final) : {}),
      parameterSnapshots,
    });
    if (withParameters) lastParameters = now;
    parameterSnapshots = [];
    lastPost = now;
    iterationAtLastPost = trainer.iteration;
  };

  for (;;) {
    const chunkStart = performance.now();
    const iterationBefore = trainer.iteration;
    const untilSnapshot = nextSnapshot + 1 - trainer.iteration;
    const chunk = trainer.run(Math.min(steps, untilSnapshot));
    const now = performance.now();
    points.append(chunk.errors);
    testPoints.append(chunk.testErrors);
    recordedPoints += chunk.errors.length;
    for (const [, error] of chunk.errors) recentErrors.push(error);
    if (recentErrors.length > 2 * TAIL_RECORDS) recentErrors.splice(0, recentErrors.length - TAIL_RECORDS);
    if (penalizedPoints && chunk.penalizedErrors) penalizedPoints.append(chunk.penalizedErrors);
    if (trainer.iteration === nextSnapshot + 1 && !chunk.diverged) {
      parameterSnapshots.push({ iteration: nextSnapshot, ...parametersOf(network, summarised) });
      nextSnapshot += snapshotEvery;
    }
    // Adapt the chunk size so the stop flag is checked about every CHUNK_TARGET_MS.
    // (A chunk cut short by a parameter snapshot says as much about the speed as a full one.)
    const took = now - chunkStart;
    const done = chunk.iteration - iterationBefore;
    if (took > 0.5 && done > 0) steps = Math.max(1, Math.min(maxChunkSteps, Math.round((done / took) * CHUNK_TARGET_MS)));
    else steps = Math.min(maxChunkSteps, steps * 2);
    const stopped = await stopRequested();
    const finished = chunk.diverged || chunk.done || stopped;
    // Not once Stop is asked: the run ends now, with the boundary last drawn.
    if (start.boundary && !chunk.diverged && !stopped && (chunk.done || (now - lastBoundary >= boundaryEvery && hostCaughtUp()))) {
      const { units } = start.boundary;
      const values = boundaryGrid(network, start.boundary, stopSeen);
      // What each hidden unit sees, at the same moments as the boundary (the same throttle).
      // Stopped halfway, it is not sent: the run ends now, with the boundary last drawn.
      const heatmaps = values && units && network.hiddenLayers.length > 0 ? unitHeatmaps(network, start.boundary, units.size, units.maxPerLayer, stopSeen) : undefined;
      if (values && !stopSeen()) postCounted({ type: 'boundary', iteration: trainer.iteration, values, units: heatmaps });
      lastBoundary = performance.now();
      boundaryEvery = Math.max(BOUNDARY_INTERVAL_MS, BOUNDARY_COST_FACTOR * (lastBoundary - now));
    }
    // The run's last parameters are read once, for the last progress message and the model.
    const last = finished ? network.snapshot() : undefined;
    if (last || (now - lastPost >= start.progressIntervalMs && hostCaughtUp())) flush(now, last?.layers);
    if (!last) continue;
    if (chunk.diverged) return end('diverged', trainer.iteration, 'non-finite', network, last, start);
    if (stopped) return end('stopped', trainer.iteration, '', network, last, start);
    const health = assessSaturation(network, start.inputs, start.targets);
    if (health.saturated) {
      return end('saturated', trainer.iteration, `mean gradient ${health.meanGradientNorm.toExponential(2)}`, network, last, start);
    }
    return end('completed', trainer.iteration, '', network, last, start, { recentErrors, stopRequested });
  }
}

/**
 * Predictions over a size × size grid spanning the rows' two features, row-major from the minima;
 * undefined when a stop is seen before it is done (it is read after every row of the grid).
 */
function boundaryGrid(network: NeuralNetwork, area: NonNullable<WorkerStart['boundary']>, stopSeen: () => boolean): number[] | undefined {
  const values: number[] = new Array(area.size * area.size);
  const point = [0, 0];
  for (let row = 0; row < area.size; row++) {
    if (stopSeen()) return undefined;
    point[1] = area.y[0] + ((area.y[1] - area.y[0]) * (row + 0.5)) / area.size;
    for (let column = 0; column < area.size; column++) {
      point[0] = area.x[0] + ((area.x[1] - area.x[0]) * (column + 0.5)) / area.size;
      values[row * area.size + column] = network.predict(point);
    }
  }
  return values;
}

function accuracy(network: NeuralNetwork, inputs: number[][], targets: number[]): Accuracy {
  return countCorrect((input) => network.predict(input), inputs, targets);
}

async function end(
  status: 'completed' | 'stopped' | 'diverged' | 'saturated',
  iteration: number,
  detail: string,
  network: NeuralNetwork,
  snapshot: ModelSnapshot,
  start: WorkerStart,
  completed?: { recentErrors: number[]; stopRequested: () => boolean | Promise<boolean> },
): Promise<void> {
  const finite = network.hasFiniteParameters();
  const model = finite ? packModel(snapshot, network.layers) : undefined;
  const classifies = finite && network.output === 'sigmoid';
  const accuracies = classifies
    ? { train: accuracy(network, start.inputs, start.targets), test: accuracy(network, start.testInputs, start.testTargets) }
    : undefined;
  let diagnosis: RunDiagnosis | undefined;
  if (completed && accuracies) {
    // Bounded (TRIAL_WORK_BUDGET per trial) and stopped between chunks like the run itself.
    diagnosis = await diagnoseRun({ ...start, network, accuracy: accuracies, recentErrors: completed.recentErrors }, completed.stopRequested);
  }
  post({ type: 'ended', status, iteration, detail, model, accuracy: accuracies, diagnosis });
}

/** Serves one run (or one Run to of the step debugger): the first message starts it; a later `stop` message ends it between chunks. */
export function serveTraining(workerPort: WorkerPort): void {
  port = workerPort;
  let started = false;
  let stopMessage = false;
  let acknowledgements = 0;
  port.onMessage((message: WorkerStart | WorkerStop | WorkerRunTo | WorkerAcknowledge) => {
    if (message.type === 'stop') {
      stopMessage = true;
      return;
    }
    if (message.type === 'acknowledge') {
      acknowledgements++;
      return;
    }
    if (started) return;
    started = true;
    const flag = message.stopFlag && new Int32Array(message.stopFlag);
    // A shared flag is read at once. Otherwise the loop gives the event loop one turn per chunk
    // (about CHUNK_TARGET_MS), so a stop message gets in: that bounds how long Stop takes.
    const stopSeen = flag ? () => Atomics.load(flag, 0) === 1 : () => stopMessage;
    const stopRequested = flag ? stopSeen : () => nextTask().then(() => stopMessage);
    if (message.type === 'runTo') {
      runTo(message, stopRequested, (reply) => port?.post(reply)).catch((error: unknown) => {
        port?.post({ type: 'runToEnded', status: 'failed', done: 0, detail: error instanceof Error ? error.message : String(error) } satisfies RunToReply);
      });
      return;
    }
    const counter = message.acknowledged && new Int32Array(message.acknowledged);
    const acknowledged = counter ? () => Atomics.load(counter, 0) : () => acknowledgements;
    train(message, stopRequested, stopSeen, acknowledged).catch((error: unknown) => {
      post({ type: 'ended', status: 'failed', iteration: 0, detail: error instanceof Error ? error.message : String(error) });
    });
  });
}
