// Owns the training runs: one live run per dataset (a new one stops the old), the last few
// finished runs for overlaying, and what the user sees while they last — the progress
// notification with Cancel, the status-bar item and the webviews.
import * as vscode from 'vscode';
import * as path from 'node:path';
import type { Dataset } from '../core';
import type { HostMessage, RunInfo, RunView, TrainingSettings } from '../protocol';
import type { ModelStore } from './modelStore';
import { TrainingRun, type RunData } from './trainingRun';

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
  private readonly statusBar = vscode.window.createStatusBarItem('neuralNetworkLab.training', vscode.StatusBarAlignment.Left, 10);
  private nextRunNumber = 1;

  constructor(
    private readonly workerPath: string,
    private readonly models: ModelStore,
    private readonly events: TrainingEvents,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.statusBar.name = 'Neural Network Training';
    this.statusBar.command = 'neuralNetworkLab.showTrainingPanel';
  }

  /** Starts a run on a dataset, stopping the one already running on it. */
  async start(datasetUri: vscode.Uri, dataset: Dataset, settings: TrainingSettings): Promise<TrainingRun> {
    const key = datasetUri.toString();
    await this.live.get(key)?.stop();
    const info: RunInfo = {
      runId: `run-${Date.now().toString(36)}-${this.nextRunNumber++}`,
      datasetUri: key,
      datasetName: path.posix.basename(datasetUri.path),
      settings,
      trainRows: 0,
      testRows: 0,
      startedAt: Date.now(),
    };
    const data = splitRows(dataset);
    info.trainRows = data.inputs.length;
    info.testRows = data.testInputs.length;
    const run = new TrainingRun(info, data, this.workerPath, {
      progress: (progressed, batch) =>
        this.events.post({
          type: 'progress',
          runId: progressed.info.runId,
          datasetUri: key,
          points: batch.points,
          testPoints: batch.testPoints,
          iteration: progressed.iteration,
          stepsPerSecond: progressed.stepsPerSecond,
          parameters: progressed.parameters,
        }),
      ended: (ended) => void this.finish(ended),
    });
    this.live.set(key, run);
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
      this.runs.splice(oldestFinished, 1);
    }
  }

  /** Forgets finished runs (the chart's Reset); live runs keep going. */
  clearFinished(): void {
    this.runs = this.runs.filter((run) => run.running);
  }

  private async finish(run: TrainingRun): Promise<void> {
    if (this.live.get(run.info.datasetUri) === run) this.live.delete(run.info.datasetUri);
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
    if (row.target === undefined) continue;
    if (row.split === 'test') {
      data.testInputs.push(row.input);
      data.testTargets.push(row.target);
    } else {
      data.inputs.push(row.input);
      data.targets.push(row.target);
    }
  }
  return data;
}
