// End to end in the editor: the Predict lens writes its result at the end of the row, Explain
// shows the row's forward and backward pass in the panel, and the lesson's first checkpoints tick.
import * as assert from 'assert';
import { openWorkbench, runCommand, screenshot, webviewFrame, type Workbench } from './workbench';

// Page-side globals, used only inside page.evaluate callbacks.
declare const document: any;
declare function getComputedStyle(element: any, pseudo?: string): any;

describe('e2e: dataset lenses and the lesson', function () {
  this.timeout(180_000);
  let wb: Workbench;

  before(async () => {
    wb = await openWorkbench({ open: 'worked-example.nn.json' });
  });
  after(async () => wb?.close());

  it('shows the prediction at the end of the row when Predict is clicked', async () => {
    const { page } = wb;
    const predict = page.locator('.monaco-editor .codelens-decoration a', { hasText: /^Predict$/ }).first();
    await predict.waitFor({ timeout: 60_000 });
    await predict.click();
    // The result is an `after` decoration: CSS ::after content, not DOM text.
    const shown = await page.waitForFunction(() => {
      for (const span of document.querySelectorAll('.monaco-editor .view-line span')) {
        const content = getComputedStyle(span, '::after').content;
        if (content && content.includes('⇒ class')) return content;
      }
      return undefined;
    }, undefined, { timeout: 30_000 });
    const text = String(await shown.jsonValue());
    // The worked example: weights [1.45, -0.66], bias 0, first row [1.66, 1.56] with target 1.
    assert.match(text, /→ 0\.799 ⇒ class 1 ✓/);
    await screenshot(page, 'e2e-predict-lens');
  });

  it('shows the named values of the forward and backward pass when Explain is clicked', async () => {
    const { page } = wb;
    await page.locator('.monaco-editor .codelens-decoration a', { hasText: /^Explain$/ }).nth(1).click();
    const panel = await webviewFrame(page, { title: 'Neural Network Training', timeout: 60_000 });
    const prediction = panel.locator('#explanation tr[data-term="prediction"]');
    await prediction.waitFor({ timeout: 30_000 });
    // The second row is the tutorial's wrong prediction: [2, 1.5] with target 0.
    assert.ok(Math.abs(Number(await prediction.getAttribute('data-value')) - 0.87101915) < 1e-8);
    const derivative = Number(await panel.locator('#explanation tr[data-term="derror_dprediction"]').getAttribute('data-value'));
    assert.ok(Math.abs(derivative - 1.7420383) < 1e-7);
    for (const term of ['layer_1', 'error', 'dprediction_dlayer1', 'dlayer1_dbias', 'dlayer1_dweights', 'derror_dbias', 'derror_dweights']) {
      assert.strictEqual(await panel.locator(`#explanation tr[data-term="${term}"]`).count(), 1, term);
    }
    await screenshot(page, 'e2e-explain');
  });

  it("runs the lesson's first three checkpoints live, each agreeing with the tutorial", async () => {
    const { page } = wb;
    await runCommand(page, 'Neural Network: Start Tutorial Lesson');
    const panel = await webviewFrame(page, { title: 'Neural Network Training', timeout: 60_000 });
    for (const id of ['dot-product', 'first-prediction', 'error']) {
      const card = panel.locator(`#lesson [data-checkpoint="${id}"]`);
      await card.waitFor({ timeout: 30_000 });
      const agrees = await card.locator('[data-agrees]').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-agrees')));
      assert.ok(agrees.length > 0, `${id} compares with the tutorial`);
      assert.ok(agrees.every((value) => value === 'true'), `${id}: ${agrees.join(', ')}`);
    }
    await screenshot(page, 'e2e-lesson');
  });
});
