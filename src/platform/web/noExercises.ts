// Check My Code runs the learner's Python in a child process: VS Code for the Web has neither. Its
// commands are hidden there by the context key the web entry sets (package.json `when` clauses);
// run anyway (a keybinding, a link, before activation), each says so in one clear message.
import * as vscode from 'vscode';
import { COMMANDS } from '../../commands/ids';
import type { ExerciseApi, ExerciseRegistration } from '../../exercise/register';

export const EXERCISE_COMMANDS = [COMMANDS.checkMyCode, COMMANDS.createExerciseFile] as const;

export function notAvailableOnTheWeb(): string {
  return vscode.l10n.t('Check My Code runs your Python on your computer, which VS Code for the Web cannot do. Open this folder in VS Code on the desktop to check your code; everything else in the lab works here.');
}

export const registerNoExercises: ExerciseRegistration = () => {
  const api: ExerciseApi = {
    get controller(): never {
      throw new Error(notAvailableOnTheWeb());
    },
    reports: [],
  };
  const disposables = EXERCISE_COMMANDS.map((command) =>
    vscode.commands.registerCommand(command, () => void vscode.window.showInformationMessage(notAvailableOnTheWeb())),
  );
  return { disposables, api };
};
