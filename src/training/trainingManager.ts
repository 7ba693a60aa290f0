// Owns the training runs: one session per dataset (or per run of a comparison), each a small
// state machine (RunSessions) so that starts and Stops never race; the last few finished runs
// for overlaying; and what the user sees while they last — the progress notification with
// Cancel, the status-bar item, the `neuralNetworkLab.training` context key and the webviews, all
// derived from the sessions' state at every transition.
import * as vscode from 'vscode';
import type { Dataset } from '../dataset';
import type { BoundaryView, HostMessage, RunInfo, RunView, SessionsView, TrainingSettings } from '../protocol';
import { INLINE_MAX_VALUES, type ModelStore } from './modelStore';
import { valueCount } from './modelCodec';
import { TrainingRun, type RunData } from './trainingRun';
import type { Platform } from '../platform/platform';
import { isTrainingRow } from './trainingRows';
import { baseName } from '../uriName';
import { RunSessions } from './runSessions';
import { TrainingIndicators } from './trainingIndicators';

/** Finished runs kept for the chart's overlay. */
const MAX_RUNS_SHOWN = 6;
/**
 * The notification's message says the iteration and the error: once a second is plenty to read, and
 * each update makes the workbench lay its notifications out again (8% of its main thread at 4 a second).
 */
const NOTIFICATION_UPDATE_MS = 1000;

export interface TrainingEvents {
  post(message: HostMessage): void;
  /** A run ended; its model (if any) has been stored. */
  ended(run: TrainingRun): void;
}

interface StartRequest {
  datasetUri: vscode.Uri;
  dataset: Dataset;
  settings: TrainingSettings;
}

export class TrainingManager implements vscode.Disposable {
  private readonly sessions = new RunSessions<StartRequest, TrainingRun>(
    (session, request, ended) => this.launch(session, request, ended),
    () => this.showState(),
  );
  private runs: TrainingRun[] = [];
  private readonly frames = new Map<string, BoundaryFrame | undefined>();
  private readonly indicators = new TrainingIndicators();
  private nextRunNumber = 1;
  /** Training workers created and not yet exited: an orphan would show here. */
  private workers = 0;
  private readonly workerPlatform: Pick<Platform, 'startTrainingWorker' | 'createStopFlag'>;

  constructor(
    platform: Platform,
    private readonly models: ModelStore,
    private readonly events: TrainingEvents,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.workerPlatform = {
      createStopFlag: () => platform.createStopFlag(),
      startTrainingWorker: () => {
        const worker = platform.startTrainingWorker();
        this.workers++;
        worker.onExit(() => this.workers--);
        return worker;
      },
    };
  }

  /**
   * Starts a run on a dataset, stopping the one already going in the same session: by default one
   * session per dataset; a comparison gives each of its runs a session of its own. Resolves with
   * the run once it has started, or with undefined when a newer start or a Stop replaced this one
   * while it waited for the previous run to end.
   */
  start(datasetUri: vscode.Uri, dataset: Dataset, settings: TrainingSettings, session = datasetUri.toString()): Promise<TrainingRun | undefined> {
    return this.sessions.start(session, datasetUri.toString(), { datasetUri, dataset, settings });
  }

  /** Stops every run of a dataset (every run when omitted), starting or running; resolves when they have ended. */
  stop(datasetUri?: vscode.Uri): Promise<void> {
    return this.sessions.stop(datasetUri?.toString());
  }

  /** What the context key says, the sessions' states, and the training workers alive (for tests). */
  snapshot(): { contextKey: boolean; sessions: SessionsView; workers: number } {
    return { contextKey: this.indicators.contextValue, sessions: this.sessionsView(), workers: this.workers };
  }

  sessionsView(): SessionsView {
    const view: SessionsView = { starting: 0, running: 0, stopping: 0 };
    for (const { state } of this.sessions.states()) if (state !== 'idle') view[state]++;
    return view;
  }

  private launch(session: string, { datasetUri, dataset, settings }: StartRequest, ended: () => void): TrainingRun {
    const key = datasetUri.toString();
    const info: RunInfo = {
      runId: `run-${Date.now().toString(36)}-${this.nextRunNumber++}`,
      datasetUri: key,
      datasetName: baseName(datasetUri),
      settings,
      trainRows: 0,
      testRows: 0,
      startedAt: Date.now(),
      generatedBy: dataset.generatedBy,
    };
    const data = trainingAndTestRows(dataset);
    info.trainRows = data.inputs.length;
    info.testRows = data.testInputs.length;
    info.largestInput = data.inputs.reduce((largest, input) => input.reduce((row, value) => Math.max(row, Math.abs(value)), largest), 0);
    const boundary = boundaryFrame(dataset);
    const run: TrainingRun = new TrainingRun(info, data, this.workerPlatform, {
      progress: (progressed, batch) =>
        this.events.post({
          type: 'progress',
          runId: progressed.info.runId,
          datasetUri: key,
          points: batch.points,
          testPoints: batch.testPoints,
          recordedPoints: progressed.recordedPoints,
          iteration: progressed.iteration,
          stepsPerSecond: progressed.stepsPerSecond,
          parameters: batch.parameters ?? [],
          parameterSummary: batch.parameterSummary,
          ...(batch.penalizedPoints ? { penalizedPoints: batch.penalizedPoints } : {}),
        }),
      boundary: (drawn) => {
        const view = boundary && drawn.boundary && boundaryView(drawn, boundary);
        if (view) this.events.post({ type: 'boundary', boundary: view });
      },
      ended: (finished) => {
        // The views hear of the end before the session moves on (and maybe starts the next run).
        this.announceEnd(finished);
        ended();
        void this.keepModel(finished);
      },
    }, undefined, boundary?.area);
    this.frames.set(info.runId, boundary);
    this.runs.push(run);
    this.forgetOldRuns();
    this.log.info(`Training ${info.datasetName}: ${JSON.stringify(settings)}`);
    this.events.post({ type: 'runStarted', run: info });
    this.showProgress(run, session);
    return run;
  }

  runFor(datasetUri: vscode.Uri): TrainingRun | undefined {
    const key = datasetUri.toString();
    return [...this.runs].reverse().find((run) => run.info.datasetUri === key);
  }

  byId(runId: string): TrainingRun | undefined {
    return this.runs.find((run) => run.info.runId === runId);
  }

  get latest(): TrainingRun | undefined {
    return this.runs[this.runs.length - 1];
  }

  views(): RunView[] {
    return this.runs.map((run) => run.view());
  }

  private forgetOldRuns(): void {
    while (this.runs.length > MAX_RUNS_SHOWN) {
      const oldestFinished = this.runs.findIndex((run) => !run.running);
      if (oldestFinished < 0) return;
      this.frames.delete(this.runs[oldestFinished].info.runId);
      this.runs.splice(oldestFinished, 1);
    }
  }

  /** Forgets finished runs (the chart's Reset); live runs keep going. */
  clearFinished(): void {
    this.runs = this.runs.filter((run) => run.running);
  }

  /** The decision boundary of the latest run that has one, for views that open later. */
  latestBoundary(): BoundaryView | undefined {
    for (const run of [...this.runs].reverse()) {
      const frame = this.frames.get(run.info.runId);
      if (frame && run.boundary) return boundaryView(run, frame);
    }
    return undefined;
  }

  private announceEnd(run: TrainingRun): void {
    const end = run.end!;
    this.log.info(`${run.info.datasetName} ${end.status}: ${end.message}`);
    this.events.post({ type: 'runEnded', runId: run.info.runId, datasetUri: run.info.datasetUri, iteration: run.iteration, end });
    if (end.status === 'diverged' || end.status === 'saturated' || end.status === 'failed') {
      void vscode.window.showWarningMessage(end.message);
    }
  }

  private async keepModel(run: TrainingRun): Promise<void> {
    const status = run.end!.status;
    if (run.model && (status === 'completed' || status === 'stopped' || status === 'saturated')) {
      await this.models.set(run.info.datasetUri, run.model);
      // The store keeps it (in memory, and a large one in a file): a finished run need not also hold millions of weights.
      if (valueCount(run.model.layers) > INLINE_MAX_VALUES) run.model = undefined;
    }
    this.events.ended(run);
  }

  /** Context key, status bar and the views' Train/Stop: all from the sessions, at every transition. */
  private showState(): void {
    this.indicators.show(this.sessions.states());
    this.events.post({ type: 'sessions', sessions: this.sessionsView() });
  }

  private showProgress(run: TrainingRun, session: string): void {
    const { iterations } = run.info.settings;
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Training {0}', run.info.datasetName), cancellable: true },
      async (progress, token) => {
        // Cancel stops this run only (not the other runs of a comparison); once it is stopping, nothing more to do.
        token.onCancellationRequested(() => {
          if (this.sessions.runOf(session) === run && this.sessions.stateOf(session) === 'running') void this.sessions.stopSession(session);
        });
        let reported = 0;
        const timer = setInterval(() => {
          const done = Math.min(1, run.iteration / iterations);
          const count = vscode.l10n.t('iteration {0} of {1}', run.iteration.toLocaleString('en-US'), iterations.toLocaleString('en-US'));
          progress.report({
            increment: (done - reported) * 100,
            message: run.lastError === undefined ? count : `${count} · ${vscode.l10n.t('error {0}', run.lastError.toPrecision(4))}`,
          });
          reported = done;
        }, NOTIFICATION_UPDATE_MS);
        await run.whenEnded();
        clearInterval(timer);
      },
    );
  }

  dispose(): void {
    void this.sessions.stop();
    this.indicators.dispose();
  }
}

/** The rows a run trains on and the test rows it is measured on (editor/splitRows.ts is what splits a file). */
function trainingAndTestRows(dataset: Dataset): RunData {
  const data: RunData = { inputs: [], targets: [], testInputs: [], testTargets: [], start: dataset.network.start };
  for (const row of dataset.rows) {
    if (isTrainingRow(row)) {
      data.inputs.push(row.input);
      data.targets.push(row.target);
    } else if (row.target !== undefined) {
      data.testInputs.push(row.input);
      data.testTargets.push(row.target);
    }
  }
  return data;
}

/** Rows a decision boundary is drawn for: enough to show the shape, few enough to stay cheap. */
const MAX_BOUNDARY_POINTS = 2000;
const BOUNDARY_GRID = 48;
/** Each hidden unit's heatmap: a small grid (the units are drawn about 20 px wide), for the units the diagram draws. */
const UNIT_GRID = 12;
const MAX_UNIT_HEATMAPS_PER_LAYER = 12;

interface BoundaryFrame {
  area: { x: [number, number]; y: [number, number]; size: number; units: { size: number; maxPerLayer: number } };
  labels: [string, string];
  points: BoundaryView['points'];
}

/** For datasets of two features: the grid's extent (the rows' range plus a margin) and the points. */
function boundaryFrame(dataset: Dataset): BoundaryFrame | undefined {
  if (dataset.inputSize !== 2 || dataset.rows.length === 0 || (dataset.network.output ?? 'sigmoid') !== 'sigmoid') return undefined;
  const range = (axis: 0 | 1): [number, number] => {
    let min = Infinity;
    let max = -Infinity;
    for (const row of dataset.rows) {
      min = Math.min(min, row.input[axis]);
      max = Math.max(max, row.input[axis]);
    }
    const margin = Math.max((max - min) * 0.1, 0.5);
    return [min - margin, max + margin];
  };
  const stride = Math.ceil(dataset.rows.length / MAX_BOUNDARY_POINTS);
  return {
    area: { x: range(0), y: range(1), size: BOUNDARY_GRID, units: { size: UNIT_GRID, maxPerLayer: MAX_UNIT_HEATMAPS_PER_LAYER } },
    labels: [dataset.features?.[0] ?? 'x1', dataset.features?.[1] ?? 'x2'],
    points: dataset.rows
      .filter((_, index) => index % stride === 0)
      .map((row) => ({ x: row.input[0], y: row.input[1], target: row.target, split: row.split })),
  };
}

function boundaryView(run: TrainingRun, frame: BoundaryFrame): BoundaryView | undefined {
  if (!run.boundary) return undefined;
  return {
    runId: run.info.runId,
    datasetUri: run.info.datasetUri,
    iteration: run.boundary.iteration,
    x: { min: frame.area.x[0], max: frame.area.x[1], label: frame.labels[0] },
    y: { min: frame.area.y[0], max: frame.area.y[1], label: frame.labels[1] },
    columns: frame.area.size,
    rows: frame.area.size,
    values: run.boundary.values,
    points: frame.points,
    units: run.boundary.units && { size: frame.area.units.size, layers: run.boundary.units },
  };
}
