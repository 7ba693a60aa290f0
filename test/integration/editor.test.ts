// Dataset files in the real editor: lenses on every row, Predict and Explain, diagnostics at
// the right lines, and the user's text never changed by any of it.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { NeuralNetwork } from '../../src/core';
import { activeApi, openDataset, tutorialRows, waitFor } from './helpers';

const lensesOf = (uri: vscode.Uri) => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 1000);

describe('Dataset files in the editor', function () {
  this.timeout(60000);

  it('puts a Predict and an Explain lens on each of the 8 tutorial rows, and Train on "rows"', async () => {
    await activeApi();
    const document = await openDataset({ features: ['x1', 'x2'], network: { seed: 42 }, rows: tutorialRows() });
    const lenses = await lensesOf(document.uri);
    const lines = (command: string) => lenses.filter((lens) => lens.command?.command === command).map((lens) => lens.range.start.line);
    const rowLines = tutorialRows().map((_, index) => document.getText().split('\n').findIndex((line) => line.includes(JSON.stringify(tutorialRows()[index]))));
    assert.deepStrictEqual(lines('neuralNetworkLab.predictRow'), rowLines);
    assert.deepStrictEqual(lines('neuralNetworkLab.explainRow'), rowLines);
    const train = lenses.filter((lens) => lens.command?.command === 'neuralNetworkLab.train');
    assert.strictEqual(train.length, 1);
    assert.match(document.lineAt(train[0].range.start.line).text, /"rows"/);
    const titles = new Set(lenses.filter((lens) => lens.command?.command === 'neuralNetworkLab.predictRow').map((lens) => lens.command!.title));
    assert.deepStrictEqual([...titles], ['Predict (untrained)'], 'no model and no start weights: the lens says so');
  });

  it("predicts the tutorial's worked example from the file's start weights", async () => {
    const api = await activeApi();
    const document = await openDataset({
      network: { start: { weights: [1.45, -0.66], bias: 0 } },
      rows: [{ input: [1.66, 1.56], target: 1 }, { input: [2, 1.5], target: 0 }],
    });
    const lenses = await lensesOf(document.uri);
    const predict = lenses.find((lens) => lens.command?.command === 'neuralNetworkLab.predictRow' && lens.command.arguments?.[1] === 0)!;
    assert.strictEqual(predict.command!.title, 'Predict');
    const before = document.getText();
    const prediction = await vscode.commands.executeCommand<number>(predict.command!.command, ...predict.command!.arguments!);
    const core = new NeuralNetwork({ learningRate: 0.1, weights: [1.45, -0.66], bias: 0 }).predict([1.66, 1.56]);
    assert.strictEqual(prediction, core);
    assert.ok(Math.abs(prediction - 0.7985731) < 1e-7, 'the tutorial prints 0.7985731');
    assert.strictEqual(api.predictionText(document, 0), '→ 0.799 ⇒ class 1 ✓');
    await vscode.commands.executeCommand('neuralNetworkLab.predictRow', document.uri, 1);
    assert.strictEqual(api.predictionText(document, 1), '→ 0.871 ⇒ class 1 ✗');
    const explanation = await vscode.commands.executeCommand<{ terms: { name: string; value: number | number[] }[] }>('neuralNetworkLab.explainRow', document.uri, 1);
    const term = (name: string) => explanation.terms.find((candidate) => candidate.name === name)?.value as number;
    assert.ok(Math.abs(term('prediction') - 0.87101915) < 1e-8);
    assert.ok(Math.abs(term('derror_dprediction') - 1.7420383) < 1e-7);
    assert.strictEqual(document.getText(), before, 'Predict and Explain never edit the file');
    assert.match((explanation as { intro?: string }).intro ?? '', /applies the sigmoid to get the prediction \(the tutorial's layer_2\)/);
    assert.strictEqual(document.isDirty, false);
  });

  it('Explain names the activation and output the network really has', async () => {
    await activeApi();
    const document = await openDataset({ network: { hiddenLayers: [3], activation: 'tanh', output: 'linear', seed: 4 }, rows: [{ input: [1, 2], target: 0.5 }] });
    const explanation = await vscode.commands.executeCommand<{ intro: string; terms: { name: string }[] }>('neuralNetworkLab.explainRow', document.uri, 0);
    assert.match(explanation.intro, /applies tanh to them \(layer_2\)/);
    assert.match(explanation.intro, /\(layer_3\); with a linear output that sum is the prediction itself/);
    assert.doesNotMatch(explanation.intro, /sigmoid/);
    assert.deepStrictEqual(explanation.terms.slice(0, 4).map((term) => term.name), ['layer_1', 'layer_2', 'layer_3', 'prediction']);
  });

  it('puts diagnostics on the lines of malformed rows and blocks training with a clear message', async () => {
    await activeApi();
    const text = [
      '{',
      '  "rows": [',
      '    { "input": [3, 1.5], "target": 0 },',
      '    { "input": [2, "one"], "target": 1 },',
      '    { "input": [4, 1.5, 7], "target": 0 },',
      '    { "input": [3, 4], "target": 1.5 },',
      '    { "input": [3, 1e400], "target": 1 }',
      '  ],',
      '  "network": { "learningrate": 0.1 }',
      '}',
      '',
    ].join('\n');
    const document = await openDataset(text);
    const diagnostics = await waitFor('diagnostics', () => {
      const found = vscode.languages.getDiagnostics(document.uri).filter((diagnostic) => diagnostic.source === 'Neural Network Lab');
      return found.length >= 5 ? found : undefined;
    });
    const lineOf = (pattern: RegExp) => diagnostics.filter((diagnostic) => pattern.test(diagnostic.message)).map((diagnostic) => diagnostic.range.start.line);
    assert.deepStrictEqual(lineOf(/string/i), [3]);
    assert.deepStrictEqual(lineOf(/expected 2 numbers/i), [4]);
    assert.deepStrictEqual(lineOf(/outside \[0, 1\]/), [5]);
    assert.deepStrictEqual(lineOf(/too large/i), [6]);
    assert.deepStrictEqual(lineOf(/learningRate/), [8]);
    const runId = await vscode.commands.executeCommand('neuralNetworkLab.train', document.uri);
    assert.strictEqual(runId, undefined, 'training refused');
    assert.strictEqual(document.getText(), text);
  });

  it("rows: completion and hovers from the schema's row description, problems from the extension alone", async () => {
    await activeApi();
    const text = [
      '{',
      '  "rows": [',
      '    { "input": [3, 1.5], "target": 0 },',
      '    { "input": [2, "one"], "target": 1, "colour": 2 },',
      '    { "input": [1, 1], "split": "" },',
      '    {  "input": [1, 2] }',
      '  ],',
      '  "network": { "activation": "softmax" }',
      '}',
      '',
    ].join('\n');
    const document = await openDataset(text);
    const lines = text.split('\n');
    const position = (line: number, pattern: string, shift = 0) => new vscode.Position(line, lines[line].indexOf(pattern) + shift);
    // The schema still checks the settings (its diagnostic means the JSON service has validated)…
    const fromSchema = await waitFor('the JSON service\'s diagnostic on the activation', () => {
      const found = vscode.languages.getDiagnostics(document.uri).filter((diagnostic) => diagnostic.source !== 'Neural Network Lab');
      return found.some((diagnostic) => diagnostic.range.start.line === 7) ? found : undefined;
    });
    // …and leaves the rows to the extension, which finds both problems of row 2.
    assert.deepStrictEqual(fromSchema.filter((diagnostic) => diagnostic.range.start.line < 7).map((d) => d.message), []);
    const ours = await waitFor('our diagnostics on row 2', () => {
      const found = vscode.languages.getDiagnostics(document.uri).filter((diagnostic) => diagnostic.source === 'Neural Network Lab' && diagnostic.range.start.line === 3);
      return found.length >= 2 ? found : undefined;
    });
    assert.ok(ours.some((diagnostic) => /string/i.test(diagnostic.message)), ours.map((d) => d.message).join(' | '));
    assert.ok(ours.some((diagnostic) => /colour/.test(diagnostic.message)), ours.map((d) => d.message).join(' | '));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position(2, '"input"', 2));
    const hoverText = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.match(hoverText, /input vector/i);
    const keys = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position(5, '{', 2));
    const keyLabels = keys.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    assert.ok(keyLabels.some((label) => /target/.test(label)) && keyLabels.some((label) => /split/.test(label)), keyLabels.join(', '));
    const values = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position(4, '""', 1));
    const valueLabels = values.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    assert.ok(valueLabels.some((label) => /test/.test(label)), valueLabels.join(', '));
    // Between rows: the row snippets.
    const between = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(5, lines[5].length));
    const snippetLabels = between.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    assert.ok(['row', 'test row', 'row to predict'].every((label) => snippetLabels.includes(label)), snippetLabels.join(', '));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('rows of a large file (over LARGE_DOCUMENT_CHARS): the same hovers and completion, located within the row', async () => {
    await activeApi();
    const rows = Array.from({ length: 25_000 }, (_, index) => `    { "input": [${(index % 997) / 1000}, ${(index % 991) / 1000}], "target": ${index % 2} },`);
    const lines = ['{', '  "rows": [', ...rows, '    {  "input": [1, 2] }', '  ]', '}', ''];
    const text = lines.join('\n');
    assert.ok(text.length > 1_000_000, `${text.length} characters`);
    const document = await openDataset(text);
    const last = lines.length - 4;
    const at = (line: number, pattern: string, shift = 0) => new vscode.Position(line, lines[line].indexOf(pattern) + shift);
    const labelsAt = async (position: vscode.Position) =>
      (await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position)).items.map((item) =>
        typeof item.label === 'string' ? item.label : item.label.label,
      );
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at(last - 1, '"input"', 2));
    const hoverText = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.match(hoverText, /input vector/i);
    const keyLabels = await labelsAt(at(last, '{', 2));
    assert.ok(keyLabels.some((label) => /target/.test(label)) && keyLabels.some((label) => /split/.test(label)), keyLabels.join(', '));
    assert.ok(!keyLabels.some((label) => /"input"/.test(label)), `a key the row has is not offered again: ${keyLabels.join(', ')}`);
    const snippetLabels = await labelsAt(new vscode.Position(12_000, lines[12_000].length));
    assert.ok(['row', 'test row', 'row to predict'].every((label) => snippetLabels.includes(label)), snippetLabels.join(', '));
    // Outside the rows, nothing of ours (the row input's own text).
    const outside = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at(1, '"rows"', 2));
    const outsideText = outside.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.doesNotMatch(outsideText, /dot\(input_vector, weights\)/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('offers "Train first" when the rows no longer fit the trained model', async () => {
    const api = await activeApi();
    const document = await openDataset({ network: { iterations: 500, seed: 9 }, rows: tutorialRows() });
    const runId = (await vscode.commands.executeCommand<string>('neuralNetworkLab.train', document.uri))!;
    await api.waitForRun(runId);
    const trained = await lensesOf(document.uri);
    assert.ok(trained.some((lens) => lens.command?.title === 'Predict'));
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) => {
      for (let line = 0; line < document.lineCount; line++) {
        const text = document.lineAt(line).text;
        const match = /"input":\s*\[([^\]]*)\]/.exec(text);
        if (match) edit.insert(new vscode.Position(line, match.index + match[0].length - 1), ', 1');
      }
    });
    const lenses = await lensesOf(document.uri);
    assert.ok(lenses.some((lens) => lens.command?.title === 'Train first'));
    assert.ok(!lenses.some((lens) => lens.command?.title === 'Predict'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
