// The teaching features in the real VS Code: the walkthrough's buttons, the step debugger, the
// learning-rate comparison, Split Dataset, models in and out, and the text and regression lessons.
import * as assert from 'assert';
import * as vscode from 'vscode';
import * as fs from 'fs';
import * as path from 'path';
import { NeuralNetwork } from '../../src/core';
import { parseDataset } from '../../src/dataset';
import { activeApi, openDataset, tutorialRows, workspaceFolder, EXTENSION_ID, TUTORIAL_INPUTS, TUTORIAL_TARGETS } from './helpers';

interface WalkthroughStep { id: string; description: string; completionEvents?: string[] }

describe('Teaching features', function () {
  this.timeout(60000);

  it('contributes the walkthrough with every step, and every button runs a registered command', async () => {
    await activeApi();
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const manifest = extension.packageJSON;
    const [walkthrough] = manifest.contributes.walkthroughs as { id: string; steps: WalkthroughStep[] }[];
    // Descriptions may be "%key%" placeholders for package.nls.json.
    const nls = JSON.parse(fs.readFileSync(path.join(extension.extensionPath, 'package.nls.json'), 'utf8')) as Record<string, string>;
    for (const step of walkthrough.steps) step.description = step.description.replace(/^%(.+)%$/, (_, key: string) => nls[key] ?? _);
    assert.deepStrictEqual(walkthrough.steps.map((step) => step.id), [
      'rules-vs-learning', 'supervised-learning', 'features', 'linear-regression', 'dot-product', 'first-prediction',
      'error', 'gradient-descent', 'backpropagation', 'the-class', 'build-it-yourself', 'training', 'more-layers',
    ]);
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const step of walkthrough.steps) {
      const links = [...step.description.matchAll(/\(command:([\w.]+)(?:\?([^)]*))?\)/g)];
      assert.ok(links.length > 0, `${step.id} has a button`);
      for (const [, command] of links) assert.ok(registered.has(command), `${step.id}: ${command} is registered`);
    }
    // The buttons with arguments run for real: each lesson checkpoint and each bundled dataset.
    for (const step of walkthrough.steps) {
      for (const [, command, args] of step.description.matchAll(/\(command:(neuralNetworkLab\.(?:startLesson|openBundledDataset))\?([^)]*)\)/g)) {
        const result = await vscode.commands.executeCommand(command, ...JSON.parse(decodeURIComponent(args)));
        assert.ok(result, `${command} ${args} did something`);
      }
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('steps through SGD exactly as training does, one iteration at a time', async () => {
    const document = await openDataset({ network: { seed: 11, learningRate: 0.1 }, rows: tutorialRows() });
    const reference = new NeuralNetwork({ learningRate: 0.1, seed: 11 });
    for (let iteration = 0; iteration < 3; iteration++) {
      const step = await vscode.commands.executeCommand<{ iteration: number; row: number; after: { weights: number[][]; biases: number[] }[] }>('neuralNetworkLab.step', document.uri);
      reference.train(TUTORIAL_INPUTS, TUTORIAL_TARGETS, 1, { errorInterval: 100 });
      assert.strictEqual(step.iteration, iteration);
      assert.deepStrictEqual(step.after, reference.parameters());
      assert.ok(step.row >= 0 && step.row < 8);
    }
  });

  it('compares three learning rates from the same seed', async () => {
    const api = await activeApi();
    const document = await openDataset({ network: { iterations: 2000, seed: 5 }, rows: tutorialRows() });
    const runIds = await vscode.commands.executeCommand<string[]>('neuralNetworkLab.compareLearningRates', document.uri);
    assert.strictEqual(runIds.length, 3);
    const results = await Promise.all(runIds.map((runId) => api.waitForRun(runId)));
    assert.deepStrictEqual(results.map((result) => result.status), ['completed', 'completed', 'completed']);
    assert.deepStrictEqual(results.map((result) => result.model!.learningRate), [0.01, 0.1, 1]);
    assert.strictEqual(new Set(results.map((result) => result.model!.seed)).size, 1, 'seeded identically');
    assert.notStrictEqual(results[0].points[19][1], results[2].points[19][1]);
  });

  it('splits a dataset as one undoable edit', async () => {
    const document = await openDataset({ network: { seed: 3 }, rows: tutorialRows() });
    const before = document.getText();
    const held = await vscode.commands.executeCommand<number>('neuralNetworkLab.splitDataset', document.uri, 0.25);
    assert.strictEqual(held, 2);
    assert.strictEqual((document.getText().match(/"split": "test"/g) ?? []).length, 2);
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(document.getText(), before, 'one Undo restores the file');
  });

  it('loads a model file, and refuses one whose input size does not fit', async () => {
    const api = await activeApi();
    const document = await openDataset({ rows: tutorialRows() });
    const folder = workspaceFolder();
    const model = (inputSize: number) => ({
      format: 'neural-network-lab.model', version: 1,
      architecture: { inputSize, hiddenLayers: [], activation: 'sigmoid', output: 'sigmoid' },
      layers: [{ weights: [Array.from({ length: inputSize }, (_, index) => 0.5 - index)], biases: [0.25] }],
      training: { learningRate: 0.1, seed: 1 },
    });
    fs.writeFileSync(path.join(folder, 'three.nnmodel.json'), JSON.stringify(model(3)));
    fs.writeFileSync(path.join(folder, 'two.nnmodel.json'), JSON.stringify(model(2)));
    const refused = await vscode.commands.executeCommand('neuralNetworkLab.loadModel', document.uri, vscode.Uri.file(path.join(folder, 'three.nnmodel.json')));
    assert.strictEqual(refused, undefined);
    assert.strictEqual(await api.modelFor(document.uri.toString()), undefined);
    await vscode.commands.executeCommand('neuralNetworkLab.loadModel', document.uri, vscode.Uri.file(path.join(folder, 'two.nnmodel.json')));
    const prediction = await vscode.commands.executeCommand<number>('neuralNetworkLab.predictRow', document.uri, 0);
    assert.strictEqual(prediction, 1 / (1 + Math.exp(-(3 * 0.5 + 1.5 * -0.5 + 0.25))));
  });

  it('makes a dataset from sentences that parses cleanly and trains', async () => {
    const api = await activeApi();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('neuralNetworkLab.createDatasetFromSentences', '1\tI loved watching it\n0\tI hated the watching\n1\tLoving it\n');
    assert.strictEqual(uri.scheme, 'untitled');
    const document = await vscode.workspace.openTextDocument(uri);
    assert.match(document.getText(), /"features": \[/);
    assert.match(document.getText(), /"watch"/, 'watching → watch');
    assert.deepStrictEqual(parseDataset(document.getText()).problems, []);
    const runId = (await vscode.commands.executeCommand<string>('neuralNetworkLab.train', uri))!;
    assert.strictEqual((await api.waitForRun(runId)).status, 'completed');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('predicts a price, not a class, on the houses dataset', async () => {
    const api = await activeApi();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('neuralNetworkLab.openBundledDataset', 'houses.nn.json');
    const document = await vscode.workspace.openTextDocument(uri);
    const runId = (await vscode.commands.executeCommand<string>('neuralNetworkLab.train', uri))!;
    assert.strictEqual((await api.waitForRun(runId)).status, 'completed');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 1000);
    const predict = lenses.find((lens) => lens.command?.command === 'neuralNetworkLab.predictRow')!;
    await vscode.commands.executeCommand(predict.command!.command, ...predict.command!.arguments!);
    const text = api.predictionText(document, predict.command!.arguments![1])!;
    assert.match(text, /^→ -?\d+(\.\d+)?/);
    assert.doesNotMatch(text, /class|✓|✗/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('diverges on unscaled house features and says to scale them', async () => {
    const api = await activeApi();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('neuralNetworkLab.openBundledDataset', 'houses-unscaled.nn.json');
    const runId = (await vscode.commands.executeCommand<string>('neuralNetworkLab.train', uri))!;
    const result = await api.waitForRun(runId);
    assert.strictEqual(result.status, 'diverged', result.message);
    assert.match(result.message, /inputs are large \(up to 2\d\d\)/);
    assert.match(result.message, /Scale the features/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
