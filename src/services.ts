// The extension's long-lived parts, created once in activate() and handed to commands and providers.
import type * as vscode from 'vscode';
import type { DatasetDocuments } from './editor/datasetDocuments';
import type { ModelStore } from './training/modelStore';
import type { TrainingManager } from './training/trainingManager';
import type { TrainingPanel } from './views/trainingPanel';
import type { ViewHub } from './views/viewHub';
import type { BagOfWordsView, PredictionView, ExplanationView, LessonCheckpoint, StepView } from './protocol';
import type { Stepper } from './training/stepper';
import type { Platform } from './platform/platform';

export interface Services {
  readonly extensionUri: vscode.Uri;
  readonly documents: DatasetDocuments;
  readonly models: ModelStore;
  readonly training: TrainingManager;
  readonly panel: TrainingPanel;
  readonly hub: ViewHub;
  readonly log: vscode.LogOutputChannel;
  /** The last prediction and explanation, re-sent with the state to views that open later. */
  lastPrediction?: PredictionView;
  lastExplanation?: ExplanationView;
  lastLesson?: LessonCheckpoint;
  lastStep?: StepView;
  lastBag?: BagOfWordsView;
  /** Lens titles depend on the stored model: call after a model changes. */
  refreshLenses(): void;
  /** How long the lens provider's last answer took in the extension host. */
  lensProvideMs(): number;
  /** The step debugger's session, if the learner has stepped. */
  stepper?: Stepper;
  /** A Run to of the step debugger going on in a worker. */
  stepperJob?: { until: number; cancel(): void };
  /** How workers start on this platform (worker threads, or Web Workers). */
  readonly platform: Platform;
}
