// Handing the model over: JSON to save and load, and runnable NumPy and PyTorch scripts.
// Files are written only where the user says, through a save dialog.
import * as vscode from 'vscode';
import { NeuralNetwork } from '../core';
import type { ModelSnapshot } from '../core/types';
import { checkModelFits, modelToFile, numpyScript, parseModelFile, pytorchScript, suggestedModelFileName, type StartChoice } from '../export';
import type { Services } from '../services';
import { COMMANDS } from './ids';
import { datasetFor } from './pickDataset';
import { baseName } from '../uriName';

async function trainedModel(services: Services, target: unknown, title: string) {
  const opened = await datasetFor(services, target, { title });
  if (!opened) return undefined;
  const { document, dataset, name } = opened;
  const model = await services.models.get(document.uri.toString());
  if (!model) {
    const train = vscode.l10n.t('Train Network');
    void vscode.window
      .showWarningMessage(vscode.l10n.t('{0} has no trained model yet. Train the network first.', name), train)
      .then((choice) => choice === train && vscode.commands.executeCommand(COMMANDS.train, document.uri));
    return undefined;
  }
  const misfit = checkModelFits(model, dataset.inputSize);
  if (misfit) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} Train the network again before exporting.', misfit));
    return undefined;
  }
  return { document, dataset, model, name };
}

function defaultFolder(document: vscode.TextDocument): vscode.Uri | undefined {
  if (document.uri.scheme !== 'untitled') return vscode.Uri.joinPath(document.uri, '..');
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

async function saveAs(document: vscode.TextDocument, fileName: string, filters: Record<string, string[]>, content: string): Promise<vscode.Uri | undefined> {
  const folder = defaultFolder(document);
  const target = await vscode.window.showSaveDialog({ defaultUri: folder ? vscode.Uri.joinPath(folder, fileName) : undefined, filters });
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
  void vscode.window.showInformationMessage(vscode.l10n.t('Wrote {0}.', vscode.workspace.asRelativePath(target)));
  return target;
}

export async function exportModel(services: Services, target?: unknown): Promise<vscode.Uri | undefined> {
  const found = await trainedModel(services, target, vscode.l10n.t('Export Model'));
  if (!found) return undefined;
  const settings = services.training.runFor(found.document.uri)?.info.settings;
  const content = modelToFile(found.model, {
    features: found.dataset.features,
    datasetName: found.name,
    iterations: settings?.iterations,
    errorInterval: settings?.errorInterval,
    trainedAt: new Date(),
  });
  return saveAs(found.document, suggestedModelFileName(found.name), { 'Neural Network Lab model': ['nnmodel.json'], JSON: ['json'] }, content);
}

export async function loadModel(services: Services, target?: unknown, modelFile?: unknown): Promise<ModelSnapshot | undefined> {
  const opened = await datasetFor(services, target, { title: vscode.l10n.t('Load Model') });
  if (!opened) return undefined;
  const { document, dataset } = opened;
  const file =
    modelFile instanceof vscode.Uri
      ? modelFile
      : (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'Neural Network Lab model': ['json'] }, title: vscode.l10n.t('Load Model') }))?.[0];
  if (!file) return undefined;
  let text: string;
  try {
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot read {0}: {1}', file.fsPath, error instanceof Error ? error.message : String(error)));
    return undefined;
  }
  const { model, error } = parseModelFile(text);
  const misfit = model && checkModelFits(model, dataset.inputSize);
  if (!model || misfit) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot load {0}: {1}', baseName(file), String(error ?? misfit)));
    return undefined;
  }
  const snapshot = NeuralNetwork.fromSnapshot(model).snapshot();
  await services.models.set(document.uri.toString(), snapshot);
  services.lenses.refresh();
  void vscode.window.showInformationMessage(vscode.l10n.t('Loaded the model into {0}: its Predict lenses use it now.', baseName(document.uri)));
  return snapshot;
}

export async function exportScript(services: Services, kind: 'numpy' | 'pytorch', target?: unknown, options?: unknown): Promise<vscode.Uri | undefined> {
  const found = await trainedModel(services, target, kind === 'numpy' ? vscode.l10n.t('Export as Python (NumPy)') : vscode.l10n.t('Export as PyTorch'));
  if (!found) return undefined;
  const start = startOf(options) ?? (await pickStart());
  if (!start) return undefined;
  const settings = services.training.runFor(found.document.uri)?.info.settings;
  const scriptOptions = {
    datasetName: found.name, iterations: settings?.iterations, errorInterval: settings?.errorInterval, start, fileStart: found.dataset.network.start,
    batchSize: settings?.batchSize ?? found.dataset.network.batchSize,
  };
  const script = kind === 'numpy' ? numpyScript(found.model, found.dataset, scriptOptions) : pytorchScript(found.model, found.dataset, scriptOptions);
  const base = found.name.replace(/\.nn\.json$/, '');
  return saveAs(found.document, `${base}_${kind}.py`, { Python: ['py'] }, script);
}

function startOf(options: unknown): StartChoice | undefined {
  const start = (options as { start?: unknown } | undefined)?.start;
  return start === 'learned' || start === 'random' ? start : undefined;
}

/** Learned weights (predict at once, replay the lab's run) or the tutorial's random start. */
async function pickStart(): Promise<StartChoice | undefined> {
  const items: (vscode.QuickPickItem & { start: StartChoice })[] = [
    { label: vscode.l10n.t('Learned weights'), detail: vscode.l10n.t('Predicts as the lab does at once; can replay the lab\'s run (its start values and row order).'), start: 'learned' },
    { label: vscode.l10n.t('Random start'), detail: vscode.l10n.t('Random values like the tutorial\'s np.random.randn(): the program trains from scratch when run.'), start: 'random' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Start the exported network from…') });
  return picked?.start;
}
