// Bundled datasets open as untitled copies named like the file (untitled:tutorial.nn.json), so the
// schema, lenses and diagnostics apply at once while the bundled file itself is never written.
import * as vscode from 'vscode';

export async function openBundledDataset(extensionUri: vscode.Uri, fileName: string): Promise<vscode.TextEditor> {
  const source = vscode.Uri.joinPath(extensionUri, 'media', 'datasets', fileName);
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(source));
  const untitled = vscode.Uri.from({ scheme: 'untitled', path: fileName });
  const document = await vscode.workspace.openTextDocument(untitled);
  // An untitled copy the learner already opened (and perhaps edited) is shown as it is.
  if (document.getText().length === 0) {
    const edit = new vscode.WorkspaceEdit();
    edit.insert(untitled, new vscode.Position(0, 0), text);
    await vscode.workspace.applyEdit(edit);
  }
  return vscode.window.showTextDocument(document, { preview: false });
}
