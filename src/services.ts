// The extension's long-lived parts, created once in activate() (in dependency order, each with its
// own state) and handed to commands and providers. Nothing here is reassigned after activation.
import type * as vscode from 'vscode';
import type { DatasetDocuments } from './editor/datasetDocuments';
import type { DatasetCodeLensProvider } from './editor/datasetCodeLensProvider';
import type { ModelStore } from './training/modelStore';
import type { PredictionModels } from './editor/predictionModel';
import type { TrainingManager } from './training/trainingManager';
import type { StepSession } from './training/stepSession';
import type { TrainingPanel } from './views/trainingPanel';
import type { ViewHub } from './views/viewHub';
import type { ViewState } from './views/viewState';
import type { MessageMeter } from './views/messageMeter';
import type { Platform } from './platform/platform';

export interface Services {
  readonly extensionUri: vscode.Uri;
  readonly log: vscode.LogOutputChannel;
  /** How workers start on this platform (worker threads, or Web Workers). */
  readonly platform: Platform;
  readonly documents: DatasetDocuments;
  readonly models: ModelStore;
  /** The network each dataset's Predict and Explain use, built once per model and settings. */
  readonly predictionModels: PredictionModels;
  /** Lens titles depend on the stored model: refresh them after a model changes. */
  readonly lenses: DatasetCodeLensProvider;
  readonly hub: ViewHub;
  /** What the panes show; `set` stores and sends. */
  readonly views: ViewState;
  readonly training: TrainingManager;
  readonly panel: TrainingPanel;
  /** The step debugger's stepper and its Run to in a worker, if the learner has stepped. */
  readonly steps: StepSession;
  /** Counts what the views are sent, while a benchmark measures. */
  readonly meter: MessageMeter;
}
