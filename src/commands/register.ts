// Every command the extension contributes, bound to its implementation.
import * as vscode from 'vscode';
import type { Services } from '../services';
import type { PredictionDecorations } from '../editor/predictionDecorations';
import { trainCommand, type TrainOverrides } from './train';
import { explainRow, predictAll, predictRow } from './predict';
import { compareLearningRates, openBundled, startLesson, step } from './teaching';
import { splitDataset } from './splitDataset';
import { generateDataset } from './generateDataset';
import { bagOfWordsCommand, createDatasetFromSentences } from './text';
import { exportModel, exportScript, loadModel } from './exportModel';
import { exportNotebook } from './exportNotebook';

export function registerCommands(services: Services, decorations: PredictionDecorations): vscode.Disposable[] {
  const register = (id: string, run: (...args: any[]) => unknown) => vscode.commands.registerCommand(`neuralNetworkLab.${id}`, run);
  return [
    register('train', (target?: unknown, overrides?: TrainOverrides) => trainCommand(services, target, overrides)),
    register('stop', () => services.training.stop()),
    register('openTutorialDataset', () => openBundled(services, 'tutorial.nn.json')),
    register('openBundledDataset', (name?: unknown) => openBundled(services, name)),
    register('showTrainingPanel', () => services.panel.show(false)),
    register('predictRow', (uri: vscode.Uri, row: number) => predictRow(services, decorations, uri, row)),
    register('explainRow', (uri: vscode.Uri, row: number) => explainRow(services, uri, row)),
    register('predictAll', (target?: unknown) => predictAll(services, decorations, target)),
    register('clearPredictions', () => {
      const document = vscode.window.activeTextEditor?.document;
      if (document) decorations.clear(document);
    }),
    register('startLesson', (checkpoint?: unknown) => startLesson(services, checkpoint)),
    // `until`: Run to that iteration (as the panel's Run to does); anything but a whole number in range is ignored.
    register('step', (target?: unknown, until?: unknown) => step(services, target, Number.isInteger(until) && (until as number) >= 0 && (until as number) <= 1e9 ? (until as number) : undefined)),
    register('compareLearningRates', (target?: unknown) => compareLearningRates(services, target)),
    register('bagOfWords', (text?: unknown) => bagOfWordsCommand(services, text)),
    register('createDatasetFromSentences', (source?: unknown) => createDatasetFromSentences(services, source)),
    register('exportModel', (target?: unknown) => exportModel(services, target)),
    register('loadModel', (target?: unknown, file?: unknown) => loadModel(services, target, file)),
    register('exportNumpy', (target?: unknown, options?: unknown) => exportScript(services, 'numpy', target, options)),
    register('exportPytorch', (target?: unknown, options?: unknown) => exportScript(services, 'pytorch', target, options)),
    register('exportNotebook', (target?: unknown, options?: unknown) => exportNotebook(services, target, options)),
    register('splitDataset', (target?: unknown, fraction?: unknown) => splitDataset(services, target, fraction)),
    register('generateDataset', (settings?: unknown) => generateDataset(settings)),
  ];
}
