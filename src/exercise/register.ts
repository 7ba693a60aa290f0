// Wires Check My Code: the test controller, its two commands and the settings it reads. The specs
// are built on first use, so activation only registers.
import * as vscode from 'vscode';
import { ExerciseController, type FileReport } from './controller';
import { checkMyCode } from './checkMyCode';
import { createExerciseFile } from './exerciseFile';
import { chooseInterpreter, findOnPath, isFile } from './interpreter';
import { buildSpecs, type Specs } from './specs';
import { MistakeClassifier } from './mistakes';
import { EXERCISE_FUNCTIONS } from './functions';
import { pythonExtensionInterpreter } from './pythonExtension';
import { COMMANDS } from '../commands/ids';

const SETTINGS = 'neuralNetworkLab';
export const DEFAULT_TIME_LIMIT_SECONDS = 10;

/** What the tests reach through the extension's API. */
export interface ExerciseApi {
  readonly controller: ExerciseController;
  /** Reports of every run so far, newest last. */
  readonly reports: FileReport[];
}

/** Chosen by the entry point: this one on the desktop; on the web, src/platform/web/noExercises.ts. */
export type ExerciseRegistration = (extensionUri: vscode.Uri, log: vscode.LogOutputChannel) => { disposables: vscode.Disposable[]; api: ExerciseApi };

export function registerExercises(extensionUri: vscode.Uri, log: vscode.LogOutputChannel): { disposables: vscode.Disposable[]; api: ExerciseApi } {
  let specs: Specs | undefined;
  let classifier: MistakeClassifier | undefined;
  const reports: FileReport[] = [];
  const controller = new ExerciseController({
    harnessPath: vscode.Uri.joinPath(extensionUri, 'python', 'exercise_harness.py').fsPath,
    get specs() {
      specs ??= buildSpecs();
      return specs;
    },
    classify: (id, observed) => {
      classifier ??= new MistakeClassifier(undefined, specs ?? buildSpecs());
      return classifier.classify(id, observed);
    },
    timeLimitSeconds: () => {
      const seconds = vscode.workspace.getConfiguration(SETTINGS).get<number>('checkTimeLimit', DEFAULT_TIME_LIMIT_SECONDS);
      return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 600) : DEFAULT_TIME_LIMIT_SECONDS;
    },
    chooseInterpreter: (uri) => chooseInterpreter({
      fromPythonExtension: () => pythonExtensionInterpreter(uri),
      setting: () => vscode.workspace.getConfiguration(SETTINGS, uri).get<string>('pythonPath'),
      isFile,
      onPath: (name) => findOnPath(name),
    }),
    log,
    onReports: (done) => {
      reports.push(...done);
      // The walkthrough's "Build it yourself" step is done when every function of a file passes.
      const allPassed = done.some((report) => {
        const items = Object.values(report.items);
        return items.length === EXERCISE_FUNCTIONS.length && items.every((item) => item!.status === 'passed');
      });
      if (allPassed) void vscode.commands.executeCommand('setContext', 'neuralNetworkLab.done.exercise_passed', true);
    },
  });
  const disposables = [
    controller,
    vscode.commands.registerCommand(COMMANDS.createExerciseFile, (reveal?: unknown) => createExerciseFile(extensionUri, reveal)),
    vscode.commands.registerCommand(COMMANDS.checkMyCode, (target?: unknown) => checkMyCode(controller, target)),
  ];
  return { disposables, api: { controller, reports } };
}
