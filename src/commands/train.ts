// "Neural Network: Train Network": check the dataset, resolve the settings, start the run.
import * as vscode from 'vscode';
import { networkTooLarge } from '../core/limits';
import { resolveSettings, sanitizeUserDefaults, type UserDefaults } from '../training/resolveSettings';
import { freshSeed, isTrainingRow } from '../training/trainingRows';
import type { Services } from '../services';
import { parseWebviewMessage } from '../protocol';
import { datasetFor } from './pickDataset';
import type { HiddenActivation } from '../core/types';

export interface TrainOverrides {
  learningRate?: number;
  iterations?: number;
  hiddenLayers?: number[];
  activation?: HiddenActivation;
}

export function readUserDefaults(): UserDefaults {
  const configuration = vscode.workspace.getConfiguration('neuralNetworkLab');
  return sanitizeUserDefaults((key) => configuration.get(key));
}

/** Returns the run's id, or undefined when nothing was started (and the user was told why). */
export async function trainCommand(services: Services, target?: unknown, overrides?: unknown): Promise<string | undefined> {
  const opened = await datasetFor(services, target, { title: vscode.l10n.t('Train Network'), requireClean: { purpose: vscode.l10n.t('training') } });
  if (!opened) return undefined;
  const { document, dataset, name } = opened;
  if (!dataset.rows.some(isTrainingRow)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} has no training rows: give some rows a "target" (and no "split": "test") to learn from.', name));
    return undefined;
  }
  const settings = resolveSettings(readUserDefaults(), dataset.network, checkedOverrides(overrides), freshSeed);
  // The layers may come from the settings or the panel's layer editor, not only the file.
  const tooLarge = networkTooLarge(dataset.network.inputs?.length ?? dataset.inputSize, settings.hiddenLayers);
  if (tooLarge) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} cannot be trained: {1}.', name, tooLarge));
    return undefined;
  }
  services.panel.show(true);
  // Undefined when a newer start or a Stop took this request's place before it could start.
  const run = await services.training.start(document.uri, dataset, settings);
  return run?.info.runId;
}

/** Command arguments can come from anywhere (a command link, another extension): same checks as a webview's. */
function checkedOverrides(overrides: unknown): TrainOverrides {
  if (typeof overrides !== 'object' || overrides === null) return {};
  const { learningRate, iterations, hiddenLayers, activation } = overrides as Record<string, unknown>;
  const defined = Object.fromEntries(Object.entries({ learningRate, iterations, hiddenLayers, activation }).filter(([, value]) => value !== undefined));
  const request = parseWebviewMessage({ type: 'train', ...defined });
  if (request?.type !== 'train') return {};
  const { type: _type, ...checked } = request;
  return checked;
}
