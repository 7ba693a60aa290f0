// Smoke test of the harness itself: the extension under development is loaded into the real (remote)
// extension host, activates, and sees the test workspace (a copy of media/datasets/*.nn.json).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'neural-network-lab.neural-network-lab';

describe('smoke: extension host', () => {
  it('reports the host', () => {
    console.log(`    vscode.version=${vscode.version} appHost=${vscode.env.appHost} remoteName=${vscode.env.remoteName} uiKind=${vscode.env.uiKind}`);
    assert.match(vscode.version, /^1\.\d+\.\d+/);
  });

  it('finds the extension under development', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} not found among ${vscode.extensions.all.length} extensions`);
    assert.strictEqual(ext.packageJSON.name, 'neural-network-lab');
  });

  it('activates without throwing', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    await ext.activate();
    assert.strictEqual(ext.isActive, true);
  });

  it('opens the test workspace with a copy of the bundled datasets', async () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.strictEqual(folders.length, 1, 'exactly one workspace folder');
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const bundled = path.join(ext.extensionPath, 'media', 'datasets');
    const expected = fs.existsSync(bundled) ? fs.readdirSync(bundled).filter((f) => f.endsWith('.nn.json')).sort() : [];
    // Other suites add their own test-*.nn.json files to the same workspace: look for the bundled ones.
    const found = new Set((await vscode.workspace.findFiles('*.nn.json')).map((u) => path.basename(u.fsPath)));
    assert.ok(expected.length > 0, 'the extension bundles datasets');
    assert.deepStrictEqual(expected.filter((name) => !found.has(name)), []);
  });
});
