// "Split Dataset…": hold out a fraction of the rows as a test set, chosen by a seeded shuffle, and
// write "split" into those rows — one edit the learner asked for, undone with one Undo.
import * as vscode from 'vscode';
import { pickTestRows, splitChange } from '../editor/splitRows';
import type { Services } from '../services';
import { datasetFor } from './pickDataset';

export async function splitDataset(services: Services, target?: unknown, fractionArgument?: unknown): Promise<number | undefined> {
  const opened = await datasetFor(services, target, { title: vscode.l10n.t('Split Dataset'), requireClean: { purpose: vscode.l10n.t('splitting it') } });
  if (!opened) return undefined;
  const { document, dataset } = opened;
  let fraction = typeof fractionArgument === 'number' ? fractionArgument : NaN;
  if (!(fraction > 0 && fraction < 1)) {
    const answer = await vscode.window.showInputBox({
      title: vscode.l10n.t('Split Dataset'),
      prompt: vscode.l10n.t('Fraction of the labelled rows to hold out as a test set (the rest trains the network)'),
      value: '0.25',
      validateInput: (text) => (Number(text) > 0 && Number(text) < 1 ? undefined : 'Enter a number between 0 and 1, e.g. 0.25'),
    });
    if (answer === undefined) return undefined;
    fraction = Number(answer);
  }
  const labelled = dataset.rows.filter((row) => row.target !== undefined);
  const test = pickTestRows(labelled.length, fraction, dataset.network.seed ?? 1);
  const edit = new vscode.WorkspaceEdit();
  const text = document.getText();
  labelled.forEach((row, position) => {
    const change = splitChange(text.slice(row.offset, row.offset + row.length), test.has(position) ? 'test' : 'train');
    if (!change) return;
    const at = row.offset + change.offset;
    edit.replace(document.uri, new vscode.Range(document.positionAt(at), document.positionAt(at + change.length)), change.text);
  });
  if (!(await vscode.workspace.applyEdit(edit))) return undefined;
  void vscode.window.showInformationMessage(vscode.l10n.t('Held out {0} of {1} labelled rows as a test set ("split": "test"). Undo restores the file.', test.size, labelled.length));
  return test.size;
}
