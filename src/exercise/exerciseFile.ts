// Neural Network: Create Exercise File. Writes the tutorial's program with the bodies left for the
// learner (python/neural_network.py in the extension) into the workspace, asking where when there
// is no folder open. It never overwrites: an exercise file that exists is opened instead.
import * as os from 'node:os';
import * as vscode from 'vscode';
import { EXERCISE_FILE_NAME, isExerciseFunctionId, type ExerciseFunctionId } from './functions';
import { findDefinitions } from './pythonSource';

export async function createExerciseFile(extensionUri: vscode.Uri, reveal?: unknown): Promise<vscode.Uri | undefined> {
  const target = await exerciseFileLocation();
  if (!target) return undefined;
  if (!(await exists(target))) {
    const template = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'python', EXERCISE_FILE_NAME));
    // Checked again just before writing: a file made meanwhile is still never overwritten.
    if (!(await exists(target))) await vscode.workspace.fs.writeFile(target, template);
  }
  const document = await vscode.workspace.openTextDocument(target);
  const editor = await vscode.window.showTextDocument(document);
  const id = isExerciseFunctionId(reveal) ? reveal : undefined;
  if (id) revealFunction(editor, id);
  return target;
}

/** The exercise file in the workspace if there is one, else where to write it. */
async function exerciseFileLocation(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    return vscode.window.showSaveDialog({
      title: vscode.l10n.t('Where should the exercise file go?'),
      defaultUri: vscode.Uri.joinPath(vscode.Uri.file(os.homedir()), EXERCISE_FILE_NAME),
      filters: { Python: ['py'] },
      saveLabel: vscode.l10n.t('Create Exercise File'),
    });
  }
  const existing = await vscode.workspace.findFiles(`**/${EXERCISE_FILE_NAME}`, '{**/node_modules/**,**/.venv/**,**/venv/**}', 1);
  if (existing.length > 0) return existing[0];
  const folder = folders.length === 1
    ? folders[0]
    : await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Which folder should the exercise file go in?') });
  return folder ? vscode.Uri.joinPath(folder.uri, EXERCISE_FILE_NAME) : undefined;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Puts the cursor on a function's def line (lesson cards link to it). */
export function revealFunction(editor: vscode.TextEditor, id: ExerciseFunctionId): void {
  const line = findDefinitions(editor.document.getText()).functions.get(id);
  if (line === undefined) return;
  const position = new vscode.Position(line, editor.document.lineAt(line).firstNonWhitespaceCharacterIndex);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
