// "Neural Network: Export as Notebook…": writes the lesson notebook (src/export/notebookLesson.ts)
// where the user says and opens it in VS Code's notebook editor. With a learned model the
// notebook replays the lab's run; without one it starts from random weights and says so.
import * as vscode from 'vscode';
import { NeuralNetwork, type ModelSnapshot } from '../core';
import type { Dataset } from '../dataset';
import {
  checkModelFits, chooseDataSource, DEFAULT_NOTEBOOK_INLINE_ROWS, lessonNotebook, relativeUriPath, serializeNotebook, type DataSource,
} from '../export';
import { resolveSettings } from '../training/resolveSettings';
import { freshSeed, isTrainingRow } from '../training/trainingRows';
import type { TrainingSettings } from '../protocol';
import type { Services } from '../services';
import { datasetFor } from './pickDataset';
import { readUserDefaults } from './train';

const JUPYTER_EXTENSION = 'ms-toolsai.jupyter';

export interface ExportNotebookOptions {
  /** Where to write, instead of asking with a save dialog (for command links and tests). */
  destination?: vscode.Uri;
}

export async function exportNotebook(services: Services, target?: unknown, options?: unknown): Promise<vscode.Uri | undefined> {
  const opened = await datasetFor(services, target, { title: vscode.l10n.t('Export as Notebook'), requireClean: { purpose: vscode.l10n.t('exporting a notebook') } });
  if (!opened) return undefined;
  const { document, dataset, name } = opened;
  if (!dataset.rows.some(isTrainingRow)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} has no training rows: give some rows a "target" (and no "split": "test") to learn from.', name));
    return undefined;
  }
  const destination = destinationOf(options) ?? (await askDestination(document, `${name.replace(/\.nn\.json$/i, '')}.ipynb`));
  if (!destination) return undefined;

  const { snapshot, learned, settings, iterations } = await whatToReplay(services, document, dataset);
  const notebook = lessonNotebook(snapshot, dataset, {
    datasetName: name,
    learned,
    iterations,
    errorInterval: settings.errorInterval,
    batchSize: settings.batchSize,
    fileStart: dataset.network.start,
    source: dataSource(document, dataset, destination),
  });
  await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(serializeNotebook(notebook)));
  await openAsNotebook(destination);
  if (!learned) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} has no trained model yet: the notebook starts from random weights, as the tutorial does.', name));
  }
  if (!vscode.extensions.getExtension(JUPYTER_EXTENSION)) {
    void vscode.window
      .showInformationMessage(vscode.l10n.t('To run the notebook, install the Jupyter extension and Python with NumPy and Matplotlib (pip install numpy matplotlib ipykernel).'), vscode.l10n.t('Show Jupyter Extension'))
      .then((choice) => choice && vscode.commands.executeCommand('workbench.extensions.search', JUPYTER_EXTENSION));
  }
  return destination;
}

function destinationOf(options: unknown): vscode.Uri | undefined {
  const destination = (options as ExportNotebookOptions | undefined)?.destination;
  return destination instanceof vscode.Uri ? destination : undefined;
}

async function askDestination(document: vscode.TextDocument, fileName: string): Promise<vscode.Uri | undefined> {
  const folder = document.uri.scheme === 'untitled' ? vscode.workspace.workspaceFolders?.[0]?.uri : vscode.Uri.joinPath(document.uri, '..');
  return vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, fileName) : undefined,
    filters: { [vscode.l10n.t('Jupyter Notebook')]: ['ipynb'] },
    title: vscode.l10n.t('Export as Notebook'),
  });
}

/**
 * The learned model if there is one that fits, with the settings of the run that made it when
 * the lab still has that run (its iterations, or where it was stopped); else the settings a new
 * run would use, and a network of that shape for the notebook's random start.
 */
async function whatToReplay(services: Services, document: vscode.TextDocument, dataset: Dataset) {
  const stored = await services.models.get(document.uri.toString());
  const model = stored && !checkModelFits(stored, dataset.inputSize) ? stored : undefined;
  const run = services.training.runFor(document.uri);
  const runOfModel = run && !run.running && model && run.model?.seed === model.seed ? run : undefined;
  const settings: TrainingSettings = runOfModel?.info.settings
    ?? resolveSettings(readUserDefaults(), dataset.network, {}, () => model?.seed ?? freshSeed());
  if (model) {
    return { snapshot: model, learned: true, settings, iterations: runOfModel ? runOfModel.iteration : settings.iterations };
  }
  const snapshot: ModelSnapshot = new NeuralNetwork({
    learningRate: settings.learningRate, seed: settings.seed, inputSize: dataset.inputSize,
    hiddenLayers: settings.hiddenLayers, activation: settings.activation, output: settings.output,
    ...(settings.inputs ? { inputs: settings.inputs } : {}),
  }).snapshot();
  return { snapshot, learned: false, settings, iterations: settings.iterations };
}

/** Inline rows up to the setting; past it, the notebook reads the saved file if Python can. */
function dataSource(document: vscode.TextDocument, dataset: Dataset, notebook: vscode.Uri): DataSource {
  const configured = vscode.workspace.getConfiguration('neuralNetworkLab').get<number>('notebookInlineRows');
  const limit = Number.isSafeInteger(configured) && (configured as number) >= 0 ? (configured as number) : DEFAULT_NOTEBOOK_INLINE_ROWS;
  if (dataset.rows.length <= limit) return { kind: 'inline' };
  const sameFileSystem = document.uri.scheme === notebook.scheme && document.uri.authority === notebook.authority && document.uri.scheme !== 'untitled';
  return chooseDataSource({
    rowCount: dataset.rows.length,
    path: sameFileSystem ? relativeUriPath(notebook.path, document.uri.path) : undefined,
    unsaved: document.isDirty,
    plainJson: isPlainJson(document.getText()),
  }, limit);
}

function isPlainJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** VS Code's own ipynb support opens it as a notebook; if that is missing, as text. */
async function openAsNotebook(uri: vscode.Uri): Promise<void> {
  try {
    await vscode.window.showNotebookDocument(await vscode.workspace.openNotebookDocument(uri));
  } catch {
    await vscode.commands.executeCommand('vscode.open', uri);
  }
}
