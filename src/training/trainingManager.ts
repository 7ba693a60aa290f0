// Owns the training runs: one live run per dataset (a new one stops the old), the last few
// finished runs for overlaying, and what the user sees while they last — the progress
// notification with Cancel, the status-bar item and the webviews.
import * as vscode from 'vscode';
import type { Dataset } from '../core';
import type { BoundaryView, HostMessage, RunInfo, RunView, TrainingSettings } from '../protocol';
import type { ModelStore } from './modelStore';
import { TrainingRun, type RunData } from './trainingRun';
import type { Platform } from '../platform/platform';
import { isTrainingRow } from './trainingRows';
import { baseName } from '../uriName';

/** Finished runs kept for the chart's overlay. */
const MAX_RUNS_SHOWN = 6;
const NOTIFICATION_UPDATE_MS = 250;

export interface TrainingEvents {
  post(message: HostMessage): void;
  /** A run ended; its model (if any) has been stored. */
  ended(run: TrainingRun): void;
}

export class TrainingManager implements vscode.Disposable {
  private readonly live = new Map<string, TrainingRun>();
  private runs: TrainingRun[] = [];
  private readonly frames = new Map<string, BoundaryFrame | undefined>();
  private readonly statusBar = vscode.window.createStatusBarItem('neuralNetworkLab.training', vscode.StatusBarAlignment.Left, 10);
  private nextRunNumber = 1;

  constructor(
    private readonly platform: Platform,
    private readonly models: ModelStore,
    private readonly events: TrainingEvents,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.statusBar.name = 'Neural Network Training';
    this.statusBar.command = 'neuralNetworkLab.showTrainingPanel';
  }

  /**
   * Starts a run on a dataset, stopping the one already running in the same session: by default
   * one session per dataset; a comparison gives each of its runs a session of its own.
   */
  async start(datasetUri: vscode.Uri, dataset: Dataset, settings: TrainingSettings, session = datasetUri.toString()): Promise<TrainingRun> {
    const key = datasetUri.toString();
    await this.live.get(session)?.stop();
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
    const data = splitRows(dataset);
    info.trainRows = data.inputs.length;
    info.testRows = data.testInputs.length;
    info.largestInput = data.inputs.reduce((largest, input) => input.reduce((row, value) => Math.max(row, Math.abs(value)), largest), 0);
    const boundary = boundaryFrame(dataset);
    const run: TrainingRun = new TrainingRun(info, data, this.platform, {
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
          parameters: progressed.parameters,
        }),
      boundary: (drawn) => {
        const view = boundary && drawn.boundary && boundaryView(drawn, boundary);
        if (view) this.events.post({ type: 'boundary', boundary: view });
      },
      ended: (ended) => void this.finish(ended, session),
    }, undefined, boundary?.area);
    this.frames.set(info.runId, boundary);
    this.live.set(session, run);
    this.runs.push(run);
    this.forgetOldRuns();
    this.log.info(`Training ${info.datasetName}: ${JSON.stringify(settings)}`);
    this.events.post({ type: 'runStarted', run: info });
    this.updateContext();
    this.showProgress(run);
    return run;
  }

  async stop(datasetUri?: vscode.Uri): Promise<void> {
    const targets = datasetUri ? [this.live.get(datasetUri.toString())] : [...this.live.values()];
    await Promise.all(targets.map((run) => run?.stop()));
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

  private async finish(run: TrainingRun, session: string): Promise<void> {
    if (this.live.get(session) === run) this.live.delete(session);
    this.updateContext();
    const end = run.end!;
    this.log.info(`${run.info.datasetName} ${end.status}: ${end.message}`);
    if (run.model && (end.status === 'completed' || end.status === 'stopped' || end.status === 'saturated')) {
      await this.models.set(run.info.datasetUri, run.model);
    }
    this.events.post({ type: 'runEnded', runId: run.info.runId, datasetUri: run.info.datasetUri, iteration: run.iteration, end });
    this.events.ended(run);
    if (end.status === 'diverged' || end.status === 'saturated' || end.status === 'failed') {
      void vscode.window.showWarningMessage(end.message);
    }
  }

  private updateContext(): void {
    const running = [...this.live.values()];
    void vscode.commands.executeCommand('setContext', 'neuralNetworkLab.training', running.length > 0);
    if (running.length === 0) {
      this.statusBar.hide();
      return;
    }
    const run = running[running.length - 1];
    this.statusBar.text = `$(sync~spin) Training ${run.info.datasetName}`;
    this.statusBar.tooltip = 'Neural Network Lab is training. Click to show the Training panel.';
    this.statusBar.show();
  }

  private showProgress(run: TrainingRun): void {
    const { iterations } = run.info.settings;
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Training ${run.info.datasetName}`, cancellable: true },
      async (progress, token) => {
        token.onCancellationRequested(() => void run.stop());
        let reported = 0;
        const timer = setInterval(() => {
          const done = Math.min(1, run.iteration / iterations);
          const error = run.lastError === undefined ? '' : ` · error ${run.lastError.toPrecision(4)}`;
          this.statusBar.text = `$(sync~spin) Training ${run.info.datasetName} ${Math.floor(done * 100)}%`;
          progress.report({
            increment: (done - reported) * 100,
            message: `iteration ${run.iteration.toLocaleString('en-US')} of ${iterations.toLocaleString('en-US')}${error}`,
          });
          reported = done;
        }, NOTIFICATION_UPDATE_MS);
        await run.whenEnded();
        clearInterval(timer);
      },
    );
  }

  dispose(): void {
    for (const run of this.live.values()) void run.stop();
    this.statusBar.dispose();
  }
}

function splitRows(dataset: Dataset): RunData {
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
