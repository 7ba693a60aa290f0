// "Export as Notebook…" in the real VS Code: the command writes the .ipynb where it is told and
// VS Code opens it in its notebook editor (workspace.notebookDocuments sees it, cell for cell).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activeApi, openDataset, tutorialRows, waitFor, workspaceFolder } from './helpers';

interface WrittenNotebook {
  nbformat: number;
  nbformat_minor: number;
  cells: { id: string; cell_type: string; source: string[] }[];
}

let exportNumber = 0;

async function exportNotebook(document: vscode.TextDocument, folder = 'notebooks'): Promise<{ uri: vscode.Uri; written: WrittenNotebook; opened: vscode.NotebookDocument }> {
  const uri = vscode.Uri.file(path.join(workspaceFolder(), folder, `export-${process.pid}-${exportNumber++}.ipynb`));
  const result = await vscode.commands.executeCommand<vscode.Uri>('neuralNetworkLab.exportNotebook', document.uri, { destination: uri });
  assert.strictEqual(result?.toString(), uri.toString(), 'the command returns where it wrote');
  const written = JSON.parse(fs.readFileSync(uri.fsPath, 'utf8')) as WrittenNotebook;
  const opened = await waitFor('the notebook among workspace.notebookDocuments',
    () => vscode.workspace.notebookDocuments.find((notebook) => notebook.uri.toString() === uri.toString()));
  return { uri, written, opened };
}

function cellText(written: WrittenNotebook, id: string): string {
  return written.cells.find((cell) => cell.id === id)?.source.join('') ?? '';
}

describe('Export as Notebook in the extension host', function () {
  this.timeout(60000);

  it('writes the lesson notebook of a trained dataset and opens it as a notebook, replaying the lab\'s run', async () => {
    const api = await activeApi();
    const document = await openDataset({ features: ['x1', 'x2'], network: { iterations: 2000, errorInterval: 100, seed: 5 }, rows: tutorialRows() });
    const runId = await vscode.commands.executeCommand<string>('neuralNetworkLab.train', document.uri);
    const run = await api.waitForRun(runId!);
    assert.strictEqual(run.status, 'completed', run.message);

    const { written, opened } = await exportNotebook(document);
    assert.strictEqual(written.nbformat, 4);
    assert.strictEqual(written.nbformat_minor, 5);
    assert.ok(written.cells.length >= 20, `${written.cells.length} cells`);
    assert.strictEqual(opened.notebookType, 'jupyter-notebook');
    assert.strictEqual(opened.cellCount, written.cells.length, 'VS Code sees every cell');
    assert.deepStrictEqual(opened.getCells().map((cell) => cell.kind === vscode.NotebookCellKind.Code ? 'code' : 'markdown'), written.cells.map((cell) => cell.cell_type));
    assert.strictEqual(opened.cellAt(opened.cellCount - 1).document.getText(), written.cells[written.cells.length - 1].source.join(''));
    assert.match(cellText(written, 'data-code'), /^iterations = 2000$/m);
    assert.match(cellText(written, 'data-code'), new RegExp(`^LEARNED_WEIGHTS = \\[${run.model!.layers[0].weights[0].map((w) => String(w).replace(/[.-]/g, '\\$&')).join(', ')}\\]$`, 'm'));
    assert.match(cellText(written, 'training-code'), /NeuralNetwork\(learning_rate, START_WEIGHTS, START_BIAS\)/);
  });

  it('starts from random weights, and says so, for a dataset without a trained model', async () => {
    const document = await openDataset({ network: { seed: 9 }, rows: tutorialRows() });
    const { written, opened } = await exportNotebook(document);
    assert.strictEqual(opened.cellCount, written.cells.length);
    assert.match(written.cells[0].source.join(''), /no trained model for this dataset yet, so the network starts from random weights/);
    assert.match(cellText(written, 'class-code'), /np\.random\.randn\(\)/);
  });

  it('reads a dataset larger than neuralNetworkLab.notebookInlineRows from its file, by a path relative to the notebook', async () => {
    const configuration = vscode.workspace.getConfiguration('neuralNetworkLab');
    await configuration.update('notebookInlineRows', 3, vscode.ConfigurationTarget.Global);
    try {
      const document = await openDataset({ rows: tutorialRows() });
      const { written } = await exportNotebook(document, 'nested/notebooks');
      const name = path.basename(document.uri.fsPath);
      assert.ok(cellText(written, 'data-code').includes(`with open("../../${name}", encoding="utf-8") as file:`), cellText(written, 'data-code'));
      assert.ok(!cellText(written, 'data-code').includes('np.array([\n'), 'no rows written into the notebook');
    } finally {
      await configuration.update('notebookInlineRows', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
