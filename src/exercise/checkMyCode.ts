// Neural Network: Check My Code. Checks the Python file in the active editor when it defines the
// tutorial's functions, else the workspace's exercise file, through the same test run as the
// Testing view's buttons; then says in one line how it went. In Restricted Mode it runs nothing.
import * as vscode from 'vscode';
import { restrictedModeText, type ExerciseController, type FileReport } from './controller';
import { isPythonDocument, type FileItems } from './exerciseItems';
import { EXERCISE_FILE_NAME } from './functions';
import { COMMANDS } from '../commands/ids';

export type CheckOutcome = { restricted: true } | { reports: FileReport[] } | undefined;

export async function checkMyCode(exercises: ExerciseController, target?: unknown): Promise<CheckOutcome> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(restrictedModeText(), vscode.l10n.t('Manage Workspace Trust')).then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.trust.manage');
    });
    return { restricted: true };
  }
  const file = await fileToCheck(exercises, target);
  if (!file) {
    const create = vscode.l10n.t('Create Exercise File');
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('There is no Python file with the tutorial’s functions to check. Create the exercise file {0}, or open your own file.', EXERCISE_FILE_NAME), create);
    if (choice === create) await vscode.commands.executeCommand(COMMANDS.createExerciseFile);
    return undefined;
  }
  const request = new vscode.TestRunRequest([file.item], undefined, exercises.runProfile);
  const cancellation = new vscode.CancellationTokenSource();
  try {
    const reports = await exercises.run(request, cancellation.token);
    summarize(reports);
    return { reports };
  } finally {
    cancellation.dispose();
  }
}

async function fileToCheck(exercises: ExerciseController, target: unknown): Promise<FileItems | undefined> {
  const uri = target instanceof vscode.Uri ? target : undefined;
  const active = vscode.window.activeTextEditor?.document;
  const candidate = uri ?? (active && isPythonDocument(active) ? active.uri : undefined);
  if (candidate) {
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === candidate.toString());
    const text = open ? open.getText() : await readText(candidate);
    if (text !== undefined) exercises.items.update(candidate, text);
    const found = exercises.items.byUri(candidate);
    if (found || uri) return found;
  }
  await exercises.discoverWorkspace();
  return exercises.items.all.find((file) => file.uri.path.endsWith(`/${EXERCISE_FILE_NAME}`)) ?? exercises.items.all[0];
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

function summarize(reports: FileReport[]): void {
  const items = reports.flatMap((report) => Object.values(report.items));
  if (items.length === 0) return;
  const passed = items.filter((item) => item!.status === 'passed').length;
  const which = reports.length === 1 ? reports[0].uri.split('/').pop()! : '';
  const checked = reports.some((report) => report.unsaved) ? vscode.l10n.t('the editor’s unsaved text') : vscode.l10n.t('the saved file');
  const text = passed === items.length
    ? vscode.l10n.t('Check My Code: all {0} functions of {1} pass ({2}).', String(items.length), which, checked)
    : vscode.l10n.t('Check My Code: {0} of {1} functions of {2} pass ({3}). The Testing view says what differs.', String(passed), String(items.length), which, checked);
  const show = vscode.l10n.t('Show Testing View');
  void vscode.window.showInformationMessage(text, show).then((choice) => {
    if (choice) void vscode.commands.executeCommand('workbench.view.testing.focus');
  });
}
