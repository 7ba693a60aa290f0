// "Train Network" in the real VS Code: commands, the worker, stop, divergence, webview input.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { NeuralNetwork } from '../../src/core';
import { activeApi, openDataset, tutorialRows, TUTORIAL_INPUTS, TUTORIAL_TARGETS, waitFor, EXTENSION_ID } from './helpers';

describe('Training in the extension host', function () {
  this.timeout(60000);

  it('registers every command the manifest contributes', async () => {
    await activeApi();
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { commands: { command: string }[] } };
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = manifest.contributes.commands.map((entry) => entry.command).filter((id) => !registered.has(id));
    assert.deepStrictEqual(missing, []);
  });

  it('trains the tutorial dataset in a worker exactly as the core does with the same seed', async () => {
    const api = await activeApi();
    const network = { learningRate: 0.1, iterations: 10000, errorInterval: 100, seed: 7 };
    const document = await openDataset({ features: ['x1', 'x2'], network, rows: tutorialRows() });
    const runId = await vscode.commands.executeCommand<string>('neuralNetworkLab.train', document.uri);
    assert.ok(runId, 'the command returns the run id');
    const result = await api.waitForRun(runId);
    assert.strictEqual(result.status, 'completed', result.message);

    const reference = new NeuralNetwork({ learningRate: 0.1, seed: 7 });
    const errors = reference.train(TUTORIAL_INPUTS, TUTORIAL_TARGETS, 10000, { errorInterval: 100 });
    assert.strictEqual(result.points.length, 100);
    assert.deepStrictEqual(result.points.map(([, error]) => error), errors, 'the same cumulative errors, bit for bit');
    assert.deepStrictEqual(result.model?.layers, reference.snapshot().layers, 'the same parameters');

    const predicted = await vscode.commands.executeCommand<number>('neuralNetworkLab.predictRow', document.uri, 3);
    assert.strictEqual(predicted, reference.predict(TUTORIAL_INPUTS[3]));
  });

  it('stops a long run promptly when asked', async () => {
    const api = await activeApi();
    const document = await openDataset({ network: { iterations: 500000000, seed: 3 }, rows: tutorialRows() });
    const runId = (await vscode.commands.executeCommand<string>('neuralNetworkLab.train', document.uri))!;
    // Let it get going: the first progress batch proves the worker is in its loop.
    await waitFor('progress', () => ((api.iterationOf(runId) ?? 0) > 0 ? true : undefined));
    const asked = Date.now();
    await vscode.commands.executeCommand('neuralNetworkLab.stop');
    const result = await api.waitForRun(runId);
    const took = Date.now() - asked;
    assert.strictEqual(result.status, 'stopped');
    assert.ok(took < 1000, `stopped after ${took} ms`);
    assert.ok(result.iteration > 0 && result.iteration < 500000000);
  });

  it('keeps training when the Training panel is closed', async () => {
    const api = await activeApi();
    const document = await openDataset({ network: { iterations: 3000000, seed: 6 }, rows: tutorialRows() });
    const runId = (await vscode.commands.executeCommand<string>('neuralNetworkLab.train', document.uri))!;
    await waitFor('progress', () => ((api.iterationOf(runId) ?? 0) > 0 ? true : undefined));
    const panel = vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((tab) => tab.label === 'Neural Network Training');
    assert.ok(panel, 'the panel opened with the run');
    await vscode.window.tabGroups.close(panel);
    const result = await api.waitForRun(runId);
    assert.strictEqual(result.status, 'completed', result.message);
    // 30,000 errors recorded; the worker sends at most 128 per message (min/max buckets beyond).
    assert.strictEqual(result.recordedPoints, 30000);
    assert.strictEqual(result.points[result.points.length - 1][0], 2999900, 'the last recorded iteration');
    assert.ok(result.points.length <= 30000);
  });

  it('starting again on the same dataset stops the first run', async () => {
    const api = await activeApi();
    const document = await openDataset({ network: { iterations: 500000000, seed: 4 }, rows: tutorialRows() });
    const first = (await vscode.commands.executeCommand<string>('neuralNetworkLab.train', document.uri))!;
    const second = (await vscode.commands.executeCommand<string>('neuralNetworkLab.train', document.uri, { iterations: 1000 }))!;
    assert.notStrictEqual(first, second);
    assert.strictEqual((await api.waitForRun(first)).status, 'stopped');
    assert.strictEqual((await api.waitForRun(second)).status, 'completed');
  });

  it('ends a diverging run as diverged and advises a smaller learning rate', async () => {
    const api = await activeApi();
    // A linear output has nothing to squash its overshoot: the weights grow until they overflow.
    const document = await openDataset({
      network: { hiddenLayers: [8], activation: 'relu', output: 'linear', learningRate: 100, iterations: 100000, seed: 1 },
      rows: tutorialRows(),
    });
    const runId = (await vscode.commands.executeCommand<string>('neuralNetworkLab.train', document.uri))!;
    const result = await api.waitForRun(runId);
    assert.strictEqual(result.status, 'diverged', result.message);
    assert.match(result.message, /NaN or Infinity/);
    assert.match(result.message, /Lower the learning rate \(try 10\)/);
    assert.ok(result.iteration < 100000, 'it stopped early');
    assert.strictEqual(await api.modelFor(document.uri.toString()), undefined, 'a diverged model is not kept for predictions');
  });

  it('reports a sigmoid run whose output saturates, with the same advice', async () => {
    const api = await activeApi();
    const document = await openDataset({ network: { learningRate: 1000, iterations: 20000, seed: 1 }, rows: tutorialRows() });
    const runId = (await vscode.commands.executeCommand<string>('neuralNetworkLab.train', document.uri))!;
    const result = await api.waitForRun(runId);
    assert.strictEqual(result.status, 'saturated', result.message);
    assert.match(result.message, /pinned near 0 or 1/);
    assert.match(result.message, /Lower the learning rate \(try 100\)/);
  });

  it('ignores malformed webview messages without throwing or starting anything', async () => {
    const api = await activeApi();
    const document = await openDataset({ network: { iterations: 2000, seed: 5 }, rows: tutorialRows() });
    const runId = (await vscode.commands.executeCommand<string>('neuralNetworkLab.train', document.uri))!;
    await api.waitForRun(runId);
    const before = await api.modelFor(document.uri.toString());
    for (const raw of [null, 42, 'train', [], { type: 'train', learningRate: 'fast' }, { type: 'train', iterations: -1 },
      { type: 'train', iterations: 1.5 }, { type: 'stop', extra: true }, { type: 'launch' }, { type: 'train', learningRate: Infinity }]) {
      assert.doesNotThrow(() => api.receiveWebviewMessage(raw));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepStrictEqual(await api.modelFor(document.uri.toString()), before, 'no new run replaced the model');
  });

  it('opens the tutorial dataset as an untitled *.nn.json with lenses, diagnostics and the schema', async () => {
    await activeApi();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('neuralNetworkLab.openTutorialDataset');
    assert.strictEqual(uri.scheme, 'untitled');
    assert.match(uri.path, /tutorial\.nn\.json$/);
    const document = await vscode.workspace.openTextDocument(uri);
    assert.strictEqual(document.languageId, 'json');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100);
    const predicts = lenses.filter((lens) => lens.command?.command === 'neuralNetworkLab.predictRow');
    assert.strictEqual(predicts.length, 8);
    // The schema: a wrongly typed setting gets a diagnostic from VS Code's JSON language service.
    const editor = await vscode.window.showTextDocument(document);
    const at = document.getText().indexOf('"learningRate": 0.1');
    await editor.edit((edit) => edit.replace(new vscode.Range(document.positionAt(at), document.positionAt(at + '"learningRate": 0.1'.length)), '"learningRate": "fast"'));
    const fromSchema = await waitFor('a schema diagnostic', () => {
      const found = vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source !== 'Neural Network Lab');
      return found.length ? found : undefined;
    });
    assert.ok(fromSchema.some((diagnostic) => document.getText(diagnostic.range).includes('fast')));
    const ours = await waitFor('our diagnostic', () => {
      const found = vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'Neural Network Lab');
      return found.length ? found : undefined;
    });
    assert.ok(ours.some((diagnostic) => /learningRate/.test(diagnostic.message)));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
