// Which dataset a command acts on: the one it was invoked on, else the active editor's, else the
// only one on screen, else one the user picks from the workspace (or the tutorial's, opened fresh).
import * as vscode from 'vscode';
import { hasErrors, isDatasetDocument } from '../editor/datasetDocuments';
import type { Dataset } from '../dataset';
import type { Services } from '../services';
import { openBundledDataset } from './openDataset';

export async function resolveDatasetDocument(extensionUri: vscode.Uri, target?: unknown): Promise<vscode.TextDocument | undefined> {
  if (target instanceof vscode.Uri) return vscode.workspace.openTextDocument(target);
  const active = vscode.window.activeTextEditor?.document;
  if (active && isDatasetDocument(active)) return active;
  // With the Training panel (a webview) focused there is no active editor: one dataset on screen is the one meant.
  const visible = [...new Set(vscode.window.visibleTextEditors.map((editor) => editor.document).filter(isDatasetDocument))];
  if (visible.length === 1) return visible[0];
  const openDataset = vscode.workspace.textDocuments.find((document) => isDatasetDocument(document) && !document.isClosed);
  const files = await vscode.workspace.findFiles('**/*.nn.json', '**/node_modules/**', 200);
  type Item = vscode.QuickPickItem & { uri?: vscode.Uri; tutorial?: true };
  const items: Item[] = [
    ...(openDataset && !files.some((file) => file.toString() === openDataset.uri.toString())
      ? [{ label: `$(file) ${openDataset.uri.path.split('/').pop()}`, description: 'open in the editor', uri: openDataset.uri }]
      : []),
    ...files.map((uri) => ({ label: `$(file) ${vscode.workspace.asRelativePath(uri)}`, uri })),
    { label: '$(book) Open the tutorial dataset', description: "the tutorial's 8 rows", tutorial: true },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Train Network'),
    placeHolder: vscode.l10n.t('Which dataset (*.nn.json) should the network train on?'),
  });
  if (!picked) return undefined;
  if (picked.tutorial) return (await openBundledDataset(extensionUri, 'tutorial.nn.json')).document;
  return vscode.workspace.openTextDocument(picked.uri!);
}

/**
 * The dataset a command needs, parsed and free of errors; otherwise the learner is told to fix
 * the problems first (`purpose` finishes the sentence "Fix the problems in the dataset before …").
 */
export async function datasetWithoutErrors(services: Services, document: vscode.TextDocument, purpose: string): Promise<Dataset | undefined> {
  const parsed = await services.documents.parseCurrent(document);
  if (parsed.dataset && !hasErrors(parsed)) return parsed.dataset;
  void vscode.window.showErrorMessage(vscode.l10n.t('Fix the problems in the dataset before {0} (see the Problems panel).', purpose));
  return undefined;
}
