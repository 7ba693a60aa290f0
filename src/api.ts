// What activate() returns: a small surface for tests and for other extensions, nothing the UI needs.
import type { ErrorPoint, ModelSnapshot } from './core/types';
import type { RunEnd, SessionsView } from './protocol';
import type * as vscode from 'vscode';
import type { Services } from './services';
import type { MessageCounts } from './views/messageMeter';
import { parseDataset } from './dataset';
import type { PredictionDecorations } from './editor/predictionDecorations';
import type { ExerciseApi } from './exercise/register';

export interface RunResult extends RunEnd {
  iteration: number;
  /** The host's series: every recorded point of a short run, min/max buckets of a long one. */
  points: ErrorPoint[];
  testPoints: ErrorPoint[];
  /** Errors the run recorded (more than `points` once the series is thinned). */
  recordedPoints: number;
  model?: ModelSnapshot;
}

export interface LabApi {
  /** How long activate() took, start to return (a budget the benchmark reports). */
  readonly activationMs: number;
  /** Resolves when the run with this id has ended. */
  waitForRun(runId: string): Promise<RunResult>;
  /** Iterations a run has done so far (from its latest progress message). */
  iterationOf(runId: string): number | undefined;
  /** The model kept for a dataset (what its Predict lenses use). */
  modelFor(datasetUri: string): Promise<ModelSnapshot | undefined>;
  /** Feeds a raw message through the same validation a webview's message goes through. */
  receiveWebviewMessage(raw: unknown): void;
  /** How long the lens provider's last answer took inside the extension host. */
  lensProvideMs(): number;
  /**
   * The lens provider's answer asked for in this turn of the event loop, before any parse the edit
   * schedules can run (the workbench asks later, through its own round trip). Lenses come unresolved.
   */
  lensesNow(document: vscode.TextDocument): Promise<vscode.CodeLens[]>;
  /** What placed the lens provider's last lenses, and how often a parse has corrected lenses placed or titled before it. */
  lensPlacement(): { placedBy: 'carried' | 'parse' | 'waited for parse'; correctionsAfterParse: number };
  /** Parses a document afresh, timed by the benchmark. */
  parseForBenchmark(document: vscode.TextDocument): Promise<unknown>;
  /** The last parse on the host's thread: how long it took, and whether it read only the rows an edit fell in. */
  lastParse(): { ms: number; rowsOnly: boolean };
  /** The text shown at the end of a row after Predict, if any. */
  predictionText(document: vscode.TextDocument, row: number): string | undefined;
  /** Check My Code's test controller and what its runs found. */
  readonly exercises: ExerciseApi;
  /** Whether a run is still training. */
  isRunning(runId: string): boolean;
  /** How many webviews (Training panel, Error Chart view) are open and visible. */
  visibleViews(): number;
  /** Counts the training messages sent to the views, and their bytes as JSON, until stop(). */
  measureMessages(): { stop(): MessageCounts };
  /** The training sessions now: the context key's value, how many are starting/running/stopping, and worker threads alive. */
  trainingSnapshot(): { contextKey: boolean; sessions: SessionsView; workers: number };
}

const NEVER_CANCELLED: vscode.CancellationToken = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) };

export function createApi(services: Services, decorations: PredictionDecorations, activationMs: number, exercises: ExerciseApi): LabApi {
  return {
    activationMs,
    exercises,
    async waitForRun(runId) {
      const run = services.training.byId(runId);
      if (!run) throw new Error(`No run ${runId}`);
      await run.whenEnded();
      return { ...run.end!, iteration: run.iteration, points: run.train.points(), testPoints: run.test.points(), recordedPoints: run.recordedPoints, model: run.model };
    },
    iterationOf: (runId) => services.training.byId(runId)?.iteration,
    modelFor: (datasetUri) => services.models.get(datasetUri),
    receiveWebviewMessage: (raw) => services.hub.receiveRaw(raw),
    predictionText: (document, row) => decorations.textFor(document, row),
    trainingSnapshot: () => services.training.snapshot(),
    lensProvideMs: () => services.lenses.lastProvideMs,
    lensesNow: (document) => services.lenses.provideCodeLenses(document, NEVER_CANCELLED),
    lensPlacement: () => ({ placedBy: services.lenses.lastPlacedBy, correctionsAfterParse: services.lenses.correctionsAfterParse }),
    isRunning: (runId) => services.training.byId(runId)?.running === true,
    visibleViews: () => services.hub.visibleCount,
    measureMessages: () => services.meter.start(),
    parseForBenchmark: async (document) => parseDataset(document.getText()),
    lastParse: () => ({ ...services.documents.lastParse }),
  };
}
