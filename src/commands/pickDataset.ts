// Which dataset a command acts on, read: the one it was invoked on, else the active editor's, else
// the only one on screen, else one the user picks from the workspace (or the tutorial's, opened
// fresh). Every command that needs a dataset goes through datasetFor.
import * as vscode from 'vscode';
import { hasErrors, isDatasetDocument } from '../editor/datasetDocuments';
import type { Dataset } from '../dataset';
import type { Services } from '../services';
import { baseName } from '../uriName';
import { openBundledDataset } from './openDataset';

export interface DatasetRequest {
  /** Titles the quick pick when the command has to ask which dataset (the command's own title). */
  title: string;
  /**
   * Refuse a dataset with any error, pointing at the Problems panel; `purpose` finishes "… to fix
   * before …" (training, splitting it). Without it, rows with errors are left out, as Predict and
   * the exports do, and only a file that is no dataset at all is refused.
   */
  requireClean?: { purpose: string };
}

export interface OpenedDataset {
  document: vscode.TextDocument;
  dataset: Dataset;
  /** The file's name, for messages. */
  name: string;
}

/** The dataset a command acts on, parsed; undefined when the user cancelled or was told why not. */
export async function datasetFor(services: Services, target: unknown, request: DatasetRequest): Promise<OpenedDataset | undefined> {
  const document = await resolveDatasetDocument(services.extensionUri, target, request.title);
  if (!document) return undefined;
  const parsed = await services.documents.parseCurrent(document);
  const name = baseName(document.uri);
  if (request.requireClean && (hasErrors(parsed) || !parsed.dataset)) {
    const count = parsed.problems.filter((problem) => problem.severity === 'error').length;
    const showProblems = vscode.l10n.t('Show Problems');
    // Not awaited: the command answers at once; the message waits for the learner on its own.
    void vscode.window
      .showErrorMessage(
        vscode.l10n.t('{0} has {1} problem{2} to fix before {3}. The Problems panel lists them, each at its row.', name, count, count === 1 ? '' : 's', request.requireClean.purpose),
        showProblems,
      )
      .then((choice) => choice === showProblems && vscode.commands.executeCommand('workbench.actions.view.problems'));
    return undefined;
  }
  if (!parsed.dataset) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} cannot be read as a dataset: see the Problems panel.', name));
    return undefined;
  }
  return { document, dataset: parsed.dataset, name };
}

async function resolveDatasetDocument(extensionUri: vscode.Uri, target: unknown, title: string): Promise<vscode.TextDocument | undefined> {
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
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Which dataset (*.nn.json)?') });
  if (!picked) return undefined;
  if (picked.tutorial) return (await openBundledDataset(extensionUri, 'tutorial.nn.json')).document;
  return vscode.workspace.openTextDocument(picked.uri!);
}
