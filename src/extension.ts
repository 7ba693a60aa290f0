// Wiring only: create the long-lived parts and register commands, views and providers.
// Nothing is computed here; everything waits for the user. The entry points (src/platform/node and
// src/platform/web) call activateLab with the platform they run on and what registers Check My Code
// there (on the web: only a message that it needs the desktop).
import * as vscode from 'vscode';
import { DatasetDocuments, isDatasetDocument } from './editor/datasetDocuments';
import { DatasetDiagnostics } from './editor/datasetDiagnostics';
import { DatasetCodeLensProvider } from './editor/datasetCodeLensProvider';
import { PredictionDecorations } from './editor/predictionDecorations';
import { ModelStore } from './training/modelStore';
import { PredictionModels } from './editor/predictionModel';
import { TrainingManager } from './training/trainingManager';
import { TrainingPanel, TRAINING_PANEL_TYPE } from './views/trainingPanel';
import { ErrorChartViewProvider, ERROR_CHART_VIEW_ID } from './views/errorChartView';
import { ViewHub } from './views/viewHub';
import { ViewState } from './views/viewState';
import { MessageMeter } from './views/messageMeter';
import { StepSession } from './training/stepSession';
import { handleWebviewMessage, currentState } from './views/webviewMessages';
import { registerCommands } from './commands/register';
import { refreshPredictions } from './commands/predict';
import { createApi, type LabApi } from './api';
import type { ExerciseRegistration } from './exercise/register';
import type { Services } from './services';
import type { Platform } from './platform/platform';
import { useLocalizer } from './l10n';
import { openWalkthroughOnFirstRun } from './commands/firstRun';
import { registerRowSchemaHelp } from './editor/rowSchemaHelp';

const DATASET_SELECTOR: vscode.DocumentSelector = [{ pattern: '**/*.nn.json' }];

export function activateLab(context: vscode.ExtensionContext, platform: Platform, registerExercises: ExerciseRegistration): LabApi {
  const started = performance.now();
  useLocalizer(vscode.l10n);
  const log = vscode.window.createOutputChannel('Neural Network Lab', { log: true });
  const documents = new DatasetDocuments(platform);
  // Large models go to files: under the workspace's storage, or the global one without a workspace.
  const models = new ModelStore(context.workspaceState, context.storageUri ?? context.globalStorageUri, log);
  const predictionModels = new PredictionModels(models);
  const lenses = new DatasetCodeLensProvider({ documents, models, predictionModels });
  const decorations = new PredictionDecorations();
  // The hub calls back only once a view opens or writes, after activation: `services` is complete by then.
  const hub = new ViewHub(() => currentState(services), (message) => handleWebviewMessage(services, message), log);
  const views = new ViewState((message) => hub.broadcast(message));
  const meter = new MessageMeter();
  const training = new TrainingManager(
    platform,
    models,
    {
      post: (message) => {
        meter.see(message);
        hub.broadcast(message);
      },
      // Lenses and the predictions on screen are recomputed with the model the run left.
      ended: (run) => {
        lenses.refresh();
        void refreshPredictions(services, decorations, run.info.datasetUri);
      },
    },
    log,
  );
  const panel = new TrainingPanel(context.extensionUri, hub);
  const services: Services = { extensionUri: context.extensionUri, log, platform, documents, models, predictionModels, lenses, hub, views, training, panel, steps: new StepSession(), meter };
  const diagnostics = new DatasetDiagnostics(documents, (document) => {
    decorations.refresh(document, documents.parse(document).dataset);
    // Lenses placed before this parse (see rowLayouts.ts) are refreshed if it disagrees with them.
    lenses.checkAgainstParse(document);
  });
  const exercises = registerExercises(context.extensionUri, log);

  context.subscriptions.push(
    log,
    documents,
    hub,
    training,
    panel,
    decorations,
    diagnostics,
    lenses,
    vscode.languages.registerCodeLensProvider(DATASET_SELECTOR, lenses),
    ...registerRowSchemaHelp(context.extensionUri, documents, DATASET_SELECTOR),
    vscode.window.onDidChangeVisibleTextEditors((editors) => {
      for (const editor of editors) {
        if (isDatasetDocument(editor.document)) decorations.reapply(editor, documents.parse(editor.document).dataset);
      }
    }),
    vscode.window.registerWebviewPanelSerializer(TRAINING_PANEL_TYPE, panel.serializer()),
    vscode.window.registerWebviewViewProvider(ERROR_CHART_VIEW_ID, new ErrorChartViewProvider(context.extensionUri, hub)),
    ...registerCommands(services, decorations),
    ...exercises.disposables,
  );
  // After activation returns, so it costs activation nothing.
  setTimeout(() => void openWalkthroughOnFirstRun(context), 0);
  return createApi(services, decorations, performance.now() - started, exercises.api);
}
