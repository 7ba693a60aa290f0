// Restricted Mode: the workspace is not trusted, so Check My Code explains why and runs nothing,
// neither from the command nor from the Testing view's run buttons.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { LabApi } from '../../src/api';
import type { CheckOutcome } from '../../src/exercise/checkMyCode';

const EXTENSION_ID = 'neural-network-lab.neural-network-lab';

describe('Check My Code in Restricted Mode', function () {
  this.timeout(60_000);

  it('runs nothing in an untrusted workspace, and says why', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false, 'the folder opened in Restricted Mode');
    const api = await vscode.extensions.getExtension<LabApi>(EXTENSION_ID)!.activate();
    const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const marker = path.join(folder, 'ran.txt');
    // A class body runs when the file is loaded: had the harness run, the marker would exist.
    const file = path.join(folder, 'neural_network.py');
    fs.writeFileSync(file, `class NeuralNetwork:\n    open(${JSON.stringify(marker)}, "w").write("ran")\n\n    def predict(self, input_vector):\n        return 0.5\n`);
    const uri = vscode.Uri.file(file);
    // The workspace settings cannot pick the interpreter here: pythonPath is a restricted setting.
    const restricted = (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.capabilities.untrustedWorkspaces);
    assert.deepStrictEqual([restricted.supported, restricted.restrictedConfigurations], ['limited', ['neuralNetworkLab.pythonPath']]);

    const outcome = await vscode.commands.executeCommand<CheckOutcome>('neuralNetworkLab.checkMyCode', uri);
    assert.deepStrictEqual(outcome, { restricted: true });

    // The Testing view's run buttons go through the run profile: every item errors with the reason.
    const controller = api.exercises.controller;
    await vscode.workspace.openTextDocument(uri);
    const items = controller.items.byUri(uri)!;
    const reports = await controller.run(new vscode.TestRunRequest([items.item], undefined, controller.runProfile), new vscode.CancellationTokenSource().token);
    const predict = reports[0].items['NeuralNetwork.predict']!;
    assert.strictEqual(predict.status, 'errored');
    assert.match(predict.message!, /Restricted Mode: nothing was run/);
    assert.strictEqual(controller.processes.length, 0, 'no Python process was started');
    assert.ok(!fs.existsSync(marker), 'nothing from the file ran');
  });
});
