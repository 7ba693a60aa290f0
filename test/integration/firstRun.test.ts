// The walkthrough opens on a first activation only where VS Code's own walkthroughs-on-install
// setting allows it: the test profile turns it off (test/harness/code-server.js), so a learner or an
// admin who did the same is left alone. The opening itself is tested end to end (test/e2e/start.e2e.test.ts).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { openWalkthroughOnFirstRun } from '../../src/commands/firstRun';
import { activeApi, EXTENSION_ID } from './helpers';

class MemoryMemento implements vscode.Memento {
  private readonly values = new Map<string, unknown>();
  keys(): readonly string[] { return [...this.values.keys()]; }
  get<T>(key: string, defaultValue?: T): T | undefined { return (this.values.has(key) ? this.values.get(key) : defaultValue) as T | undefined; }
  async update(key: string, value: unknown): Promise<void> { this.values.set(key, value); }
}

const welcomeTabs = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => /welcome|walkthrough/i.test(tab.label));

describe('first run: the walkthrough', () => {
  it('stays closed, and nothing is marked, while walkthroughs-on-install is off', async () => {
    await activeApi();
    assert.strictEqual(vscode.workspace.getConfiguration('workbench.welcomePage').get('walkthroughs.openOnInstall'), false, 'the test profile turns it off');
    assert.deepStrictEqual(welcomeTabs().map((tab) => tab.label), [], 'activation opened no walkthrough');
    const globalState = new MemoryMemento();
    assert.strictEqual(await openWalkthroughOnFirstRun({ globalState, extension: { id: EXTENSION_ID } }), false);
    assert.deepStrictEqual(globalState.keys(), [], 'a later start with the setting on still counts as the first');
    assert.deepStrictEqual(welcomeTabs().map((tab) => tab.label), []);
  });
});
