// Datasets the extension makes open as untitled documents named like the file
// (untitled:tutorial.nn.json), so the schema, lenses and diagnostics apply at once while nothing
// is written to disk until the learner saves; the bundled files themselves are never written.
import * as vscode from 'vscode';

/**
 * Shows `text` as the untitled document `fileName`. An untitled copy already open is kept as the
 * learner left it unless `replace` says the new text supersedes it.
 */
export async function openUntitledDataset(fileName: string, text: string, replace: boolean): Promise<vscode.TextEditor> {
  const untitled = vscode.Uri.from({ scheme: 'untitled', path: fileName });
  const document = await vscode.workspace.openTextDocument(untitled);
  if (replace || document.getText().length === 0) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(untitled, new vscode.Range(0, 0, document.lineCount, 0), text);
    await vscode.workspace.applyEdit(edit);
  }
  return vscode.window.showTextDocument(document, { preview: false });
}

export async function openBundledDataset(extensionUri: vscode.Uri, fileName: string): Promise<vscode.TextEditor> {
  const source = vscode.Uri.joinPath(extensionUri, 'media', 'datasets', fileName);
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(source));
  return openUntitledDataset(fileName, text, false);
}
