// End to end, as a learner does it, in the packaged extension: Create Exercise File from the
// palette, paste the tutorial's solution, Check My Code: the Testing view shows every function
// passed. Then continuous run on, _update_parameters broken and saved: that function turns failed,
// with the diagnosis in view. And each lesson card links to its function.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { EXERCISE_LINKS } from '../../src/lesson/exerciseLinks';
import { CHECKPOINT_IDS } from '../../src/lesson/checkpoints';
import { ROOT, openWorkbench, runCommand, screenshot, waitForNotification, type Workbench } from './workbench';
import { EMPTY_STATE, useWebviewHarness } from './webviewPage';

// Page-side globals, used only inside page.evaluate callbacks (they run in the browser).
declare const document: any;
declare const navigator: any;

const SOLUTION = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'exercise', 'solution.py'), 'utf8');
const FUNCTIONS = 10;

/** The Test Explorer's rows: label and state, as its accessibility labels give them. */
async function explorerRows(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('.test-explorer .monaco-list-row')].map((row: any) => row.getAttribute('aria-label') ?? row.textContent));
}

async function waitUntil(what: string, probe: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Expands every node of the Test Explorer. */
async function expandAll(page: Page): Promise<void> {
  for (let round = 0; round < 4; round++) {
    const collapsed = page.locator('.test-explorer .monaco-list-row[aria-expanded="false"]');
    if ((await collapsed.count()) === 0) return;
    await collapsed.first().locator('.monaco-tl-twistie').click();
    await page.waitForTimeout(200);
  }
}

async function pasteIntoEditor(page: Page, text: string): Promise<void> {
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  // The cursor ends on the pasted text's last line, which is then in view.
  const last = text.trimEnd().split('\n').pop()!.trim();
  await page.waitForFunction((line) => (document.querySelector('.editor-instance .monaco-editor .view-lines')?.textContent ?? '').includes(line), last, { timeout: 10_000 });
}

describe('e2e: build it yourself (Check My Code)', function () {
  this.timeout(240_000);
  let wb: Workbench;

  before(async () => {
    wb = await openWorkbench({
      datasets: false,
      workspaceFiles: { '.vscode/settings.json': { 'neuralNetworkLab.pythonPath': '/usr/bin/python3' } },
    });
    await wb.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  });
  after(async () => wb?.close());

  it('creates the exercise file, checks the pasted solution and shows every function passed', async () => {
    const { page, workspace } = wb;
    await runCommand(page, 'Neural Network: Create Exercise File');
    await page.locator('.tabs-container .tab.active', { hasText: 'neural_network.py' }).first().waitFor({ timeout: 60_000 });
    const file = path.join(workspace, 'neural_network.py');
    assert.match(fs.readFileSync(file, 'utf8'), /raise NotImplementedError/);
    await pasteIntoEditor(page, SOLUTION);
    await page.keyboard.press('Control+S');
    await waitUntil('the pasted solution saved as is', () => fs.readFileSync(file, 'utf8').replace(/\r\n/g, '\n') === SOLUTION);
    await runCommand(page, 'Neural Network: Check My Code');
    await waitForNotification(page, `Check My Code: all ${FUNCTIONS} functions of neural_network.py pass`, { timeout: 90_000 });
    await runCommand(page, 'View: Show Testing');
    const summary = page.locator('.test-explorer .result-summary');
    await summary.waitFor({ timeout: 30_000 });
    await page.waitForFunction((count) => (document.querySelector('.test-explorer .result-summary')?.textContent ?? '').includes(`${count}/${count}`), FUNCTIONS);
    await expandAll(page);
    const rows = await explorerRows(page);
    const passed = rows.filter((row) => /\(Passed\)/.test(row)).map((row) => row.split(' (')[0]);
    assert.deepStrictEqual(passed, ['neural_network.py', 'sigmoid', 'sigmoid_deriv', 'make_prediction', 'NeuralNetwork', '__init__', '_sigmoid',
      '_sigmoid_deriv', 'predict', '_compute_gradients', '_update_parameters', 'train'], JSON.stringify(rows));
    await screenshot(page, 'e2e-exercise-all-passed');
  });

  it('turns _update_parameters failed on save in a continuous run, with the diagnosis in view', async () => {
    const { page } = wb;
    await page.locator('.part.sidebar .title-actions .action-label[aria-label="Start Continuous Run"]').click();
    await page.locator('.part.sidebar .title-actions .action-label[aria-label="Stop Continuous Run"]').waitFor();
    // Break _update_parameters: the bias is no longer updated.
    const line = SOLUTION.split('\n').indexOf('        self.bias = self.bias - (derror_dbias * self.learning_rate)') + 1;
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+G');
    await page.keyboard.type(String(line));
    await page.keyboard.press('Enter');
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+End');
    await page.keyboard.type('pass');
    await page.waitForTimeout(300);
    await page.keyboard.press('Escape'); // no completion
    await page.keyboard.press('Control+S');
    // Until the re-check is over: _update_parameters is reported before train, which is still running then.
    await page.waitForFunction(() => {
      const labels = [...document.querySelectorAll('.test-explorer .monaco-list-row')].map((row: any) => row.getAttribute('aria-label') ?? '');
      return labels.some((label) => /^_update_parameters \(Failed\)/.test(label)) && !labels.some((label) => /\((Running|Queued)\)/.test(label));
    }, undefined, { timeout: 60_000 });
    const rows = await explorerRows(page);
    const failed = rows.filter((row) => /\(Failed\)/.test(row)).map((row) => row.split(' (')[0]);
    assert.deepStrictEqual(failed, ['neural_network.py', 'NeuralNetwork', '_update_parameters', 'train'], JSON.stringify(rows));
    // The diagnosis is shown beside the code, on _update_parameters' def line.
    // (VS Code shows the start of each failure message in a widget after the line it points at.)
    const diagnosis = page.locator('.monaco-editor .test-error-content-widget', { hasText: 'Known mistake: the bias not updated. self.bias is wrong' });
    await diagnosis.first().waitFor({ timeout: 30_000 });
    const trainDiagnosis = page.locator('.monaco-editor .test-error-content-widget', { hasText: 'Known mistake: the bias not updated. cumulative_errors[0] is wrong' });
    await trainDiagnosis.first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'e2e-exercise-diagnosis');
  });

});

describe('e2e: lesson cards link to the exercise', function () {
  const harness = useWebviewHarness();

  it('gives every card a link to its functions, and a click asks the host to open one', async () => {
    const page = await harness.open('panel', 'dark');
    await harness.send(EMPTY_STATE);
    await harness.send({ type: 'pane', key: 'lesson', data: 'chain-rule' });
    await page.waitForSelector('#lesson [data-checkpoint="training"]');
    for (const id of CHECKPOINT_IDS) {
      const links = await page.$$eval(`#lesson [data-checkpoint="${id}"] .exercise-link`, (buttons: any[]) => buttons.map((button) => button.dataset.exercise));
      assert.deepStrictEqual(links, [...EXERCISE_LINKS[id]], id);
    }
    await page.click('#lesson [data-checkpoint="learning-rate"] .exercise-link');
    const posted = await harness.posted();
    assert.deepStrictEqual(posted.at(-1), { type: 'openExercise', function: 'NeuralNetwork._update_parameters' });
  });
});
