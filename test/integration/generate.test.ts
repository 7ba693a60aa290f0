// Generate Dataset… in the real VS Code: an untitled spiral.nn.json that parses cleanly, with the
// diagnostics and lenses of any dataset, and the same text for the same seed.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { generatedDataset } from '../../src/core';
import { formatDataset, parseDataset } from '../../src/dataset';
import { activeApi } from './helpers';

describe('Generate Dataset', function () {
  this.timeout(60000);

  it('opens the seeded set as an untitled *.nn.json, exactly the core\'s text, without problems', async () => {
    await activeApi();
    const settings = { shape: 'spiral', points: 120, noise: 0.2, testRatio: 0.25, seed: 5 } as const;
    const uri = await vscode.commands.executeCommand<vscode.Uri>('neuralNetworkLab.generateDataset', settings);
    assert.ok(uri, 'a document was opened');
    assert.strictEqual(uri.scheme, 'untitled');
    assert.ok(uri.path.endsWith('spiral.nn.json'), uri.path);
    const document = await vscode.workspace.openTextDocument(uri);
    assert.strictEqual(document.getText(), formatDataset(generatedDataset(settings)));
    const { dataset, problems } = parseDataset(document.getText());
    assert.deepStrictEqual(problems, []);
    assert.strictEqual(dataset?.rows.filter((row) => row.split === 'test').length, 30);
    // Bad settings from a link or another extension get a message, not a document.
    assert.strictEqual(await vscode.commands.executeCommand('neuralNetworkLab.generateDataset', { ...settings, points: 1e6 }), undefined);
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
