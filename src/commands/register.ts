// Every command the extension contributes, bound to its implementation.
import * as vscode from 'vscode';
import type { Services } from '../services';
import type { PredictionDecorations } from '../editor/predictionDecorations';
import { trainCommand, type TrainOverrides } from './train';
import { openBundledDataset } from './openDataset';
import { explainRow, predictAll, predictRow } from './predict';

export function registerCommands(services: Services, decorations: PredictionDecorations): vscode.Disposable[] {
  const register = (id: string, run: (...args: any[]) => unknown) => vscode.commands.registerCommand(id, run);
  return [
    register('neuralNetworkLab.train', (target?: unknown, overrides?: TrainOverrides) => trainCommand(services, target, overrides)),
    register('neuralNetworkLab.stop', () => services.training.stop()),
    register('neuralNetworkLab.openTutorialDataset', async () => (await openBundledDataset(services.extensionUri, 'tutorial.nn.json')).document.uri),
    register('neuralNetworkLab.showTrainingPanel', () => services.panel.show(false)),
    register('neuralNetworkLab.predictRow', (uri: vscode.Uri, row: number) => predictRow(services, decorations, uri, row)),
    register('neuralNetworkLab.explainRow', (uri: vscode.Uri, row: number) => explainRow(services, uri, row)),
    register('neuralNetworkLab.predictAll', (target?: unknown) => predictAll(services, decorations, target)),
    register('neuralNetworkLab.clearPredictions', () => {
      const document = vscode.window.activeTextEditor?.document;
      if (document) decorations.clear(document);
    }),
  ];
}
