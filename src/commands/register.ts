// Every command the extension contributes, bound to its implementation. Arguments come from
// anywhere (a menu, a command link, another extension), so each handler takes `unknown` and checks.
import * as vscode from 'vscode';
import type { Services } from '../services';
import type { PredictionDecorations } from '../editor/predictionDecorations';
import { isIterationCount } from '../core/limits';
import { COMMANDS, type CommandName } from './ids';
import { trainCommand } from './train';
import { explainRow, predictAll, predictRow } from './predict';
import { compareLearningRates, openBundled, startLesson, step } from './teaching';
import { splitDataset } from './splitDataset';
import { generateDataset } from './generateDataset';
import { bagOfWordsCommand, createDatasetFromSentences } from './text';
import { exportModel, exportScript, loadModel } from './exportModel';
import { exportNotebook } from './exportNotebook';

type Handler = (...args: unknown[]) => unknown;
/** Registered with the Testing controller they drive (src/exercise/register.ts). */
export type ExerciseCommandName = 'createExerciseFile' | 'checkMyCode';

/** Registers `run` under the command's id. */
export function registerCommand(name: CommandName, run: Handler): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS[name], run);
}

const isRowIndex = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

export function registerCommands(services: Services, decorations: PredictionDecorations): vscode.Disposable[] {
  // One handler per command: the compiler reports a command without one.
  const handlers: Record<Exclude<CommandName, ExerciseCommandName>, Handler> = {
    train: (target, overrides) => trainCommand(services, target, overrides),
    stop: () => services.training.stop(),
    openTutorialDataset: () => openBundled(services, 'tutorial.nn.json'),
    openBundledDataset: (name) => openBundled(services, name),
    showTrainingPanel: () => services.panel.show(false),
    // From a row's lens: the file and the row's index in it.
    predictRow: (uri, row) => (uri instanceof vscode.Uri && isRowIndex(row) ? predictRow(services, decorations, uri, row) : undefined),
    explainRow: (uri, row) => (uri instanceof vscode.Uri && isRowIndex(row) ? explainRow(services, uri, row) : undefined),
    predictAll: (target) => predictAll(services, decorations, target),
    clearPredictions: () => {
      const document = vscode.window.activeTextEditor?.document;
      if (document) decorations.clear(document);
    },
    startLesson: (checkpoint) => startLesson(services, checkpoint),
    // `until`: Run to that iteration (as the panel's Run to does); anything but a whole number in range is ignored.
    step: (target, until) => step(services, target, until === 0 || isIterationCount(until) ? until : undefined),
    compareLearningRates: (target) => compareLearningRates(services, target),
    bagOfWords: (text) => bagOfWordsCommand(services, text),
    createDatasetFromSentences: (source) => createDatasetFromSentences(services, source),
    exportModel: (target) => exportModel(services, target),
    loadModel: (target, file) => loadModel(services, target, file),
    exportNumpy: (target, options) => exportScript(services, 'numpy', target, options),
    exportPytorch: (target, options) => exportScript(services, 'pytorch', target, options),
    exportNotebook: (target, options) => exportNotebook(services, target, options),
    splitDataset: (target, fraction) => splitDataset(services, target, fraction),
    generateDataset: (settings) => generateDataset(settings),
  };
  return (Object.keys(handlers) as (keyof typeof handlers)[]).map((name) => registerCommand(name, handlers[name]));
}
