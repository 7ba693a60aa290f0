// `npm start`'s first start, as a learner sees it: a code-server with npm start's user settings
// (scripts/start.mjs START_SETTINGS) and a fresh profile, opened at the address the script prints,
// shows the tutorial dataset and the extension's walkthrough.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type * as Harness from '../harness/code-server';
import { ROOT, editorTab, screenshot, sharedWorkbench } from './workbench';

const harness: typeof Harness = require(path.join(ROOT, 'test', 'harness', 'code-server.js'));
// An ES module (the script npm start runs), loaded as one: tsc would turn import() into require().
const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<Record<string, unknown>>;

describe('e2e: npm start opens the walkthrough and tutorial.nn.json on first start', function () {
  this.timeout(240_000);
  let server: Harness.CodeServer | undefined;
  let workspace: string | undefined;

  after(async () => {
    await server?.stop();
    if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('the printed address opens tutorial.nn.json, and the first activation opens "Build a neural network from scratch"', async () => {
    const start = await importModule(path.join(ROOT, 'scripts', 'start.mjs'));
    const startUrl = start.startUrl as (origin: string, workspace: string, file: string) => string;
    const shared = await sharedWorkbench();
    // A fresh profile, as on the first npm start: its own user data (global state), npm start's settings.
    server = await harness.startCodeServer({
      userDataDir: path.join(shared.stateDir, 'ud-start'), extensionsDir: shared.extensionsDir,
      settings: start.START_SETTINGS as Record<string, unknown>, echo: !!process.env.NNL_HARNESS_DEBUG,
    });
    workspace = harness.makeWorkspace({ datasets: false, prefix: 'nnl-e2e-start-' });
    const tutorial = path.join(workspace, 'tutorial.nn.json');
    fs.copyFileSync(path.join(ROOT, 'media', 'datasets', 'tutorial.nn.json'), tutorial);
    const context = await shared.newContext();
    const page = await context.newPage();
    try {
      await page.goto(startUrl(server.origin, workspace, tutorial));
      await editorTab(page, 'tutorial.nn.json').waitFor({ timeout: 90_000 });
      // The walkthrough page, on our walkthrough (its title in the detail view).
      await page.locator('.gettingStartedContainer', { hasText: 'Build a neural network from scratch' }).first().waitFor({ timeout: 90_000 });
      await screenshot(page, 'npm start first start');
      const tabs = await page.locator('.tabs-container .tab').allTextContents();
      assert.ok(tabs.some((tab) => tab.includes('tutorial.nn.json')), `tabs: ${JSON.stringify(tabs)}`);
    } finally {
      await context.close();
    }
  });
});
