// End to end, as a learner does it: the command palette trains the tutorial dataset; the panel's
// chart and the Error Chart side view draw the same run, whose numbers are the core's.
import * as assert from 'assert';
import * as path from 'path';
import { ROOT, openWorkbench, runCommand, screenshot, webviewFrame, type Workbench } from './workbench';

// The built core, the same artifact the extension bundles: what the run must reproduce exactly.
const core = require(path.join(ROOT, 'dist', 'core.js'));
const TUTORIAL_INPUTS = [[3, 1.5], [2, 1], [4, 1.5], [3, 4], [3.5, 0.5], [2, 0.5], [5.5, 1], [1, 1]];
const TUTORIAL_TARGETS = [0, 1, 0, 1, 0, 1, 1, 0];

describe('e2e: Train Network on the tutorial dataset', function () {
  this.timeout(180_000);
  let wb: Workbench;

  before(async () => {
    wb = await openWorkbench({ open: 'tutorial.nn.json' });
  });
  after(async () => wb?.close());

  it('draws the run in the Training panel, with the numbers the core computes', async () => {
    const { page } = wb;
    // The lenses show the extension is active and the editor is known to it.
    await page.locator('.monaco-editor .codelens-decoration a', { hasText: 'Train Network' }).first().waitFor({ timeout: 60_000 });
    await runCommand(page, 'Neural Network: Train Network');
    const panel = await webviewFrame(page, { title: 'Neural Network Training', timeout: 60_000 });
    const chart = panel.locator('#error-chart[data-run-status="completed"]');
    await chart.waitFor({ timeout: 60_000 });
    // The bundled tutorial.nn.json fixes seed 42, learning rate 0.1, 10,000 iterations, errors every 100.
    const errors: number[] = new core.NeuralNetwork({ learningRate: 0.1, seed: 42 }).train(TUTORIAL_INPUTS, TUTORIAL_TARGETS, 10000, { errorInterval: 100 });
    assert.strictEqual(await chart.getAttribute('data-point-count'), '100');
    assert.strictEqual(await chart.getAttribute('data-last-error'), String(errors[errors.length - 1]));
    assert.strictEqual(await chart.getAttribute('data-last-iteration'), '9900');
    const weights = await panel.locator('#parameters .number[data-value]').evaluateAll((elements) => elements.map((element) => Number(element.getAttribute('data-value'))));
    assert.strictEqual(weights.length, 3, 'two weights and a bias');
    // The end message tells the 8 rows' story from their own numbers, and what the suggested hidden layer did.
    const message = await panel.locator('#run-message').textContent() ?? '';
    assert.match(message, /stays near 1\.97 .*best one gets 6 of 8 right.*1\.88.*8 × 0\.5².*memorising, not learning/);
    await screenshot(page, 'e2e-training-panel');
  });

  it('shows the same run in the Error Chart side view', async () => {
    const { page } = wb;
    const panel = await webviewFrame(page, { title: 'Neural Network Training' });
    const runId = await panel.locator('#error-chart').getAttribute('data-run-id');
    await runCommand(page, 'Neural Network: Focus on Error Chart View');
    const side = await webviewFrame(page, { title: 'Error Chart', timeout: 60_000 });
    const chart = side.locator('#error-chart[data-run-status="completed"]');
    await chart.waitFor({ timeout: 30_000 });
    assert.strictEqual(await chart.getAttribute('data-run-id'), runId);
    assert.strictEqual(await chart.getAttribute('data-point-count'), '100');
    await screenshot(page, 'e2e-error-chart-view');
  });
});
