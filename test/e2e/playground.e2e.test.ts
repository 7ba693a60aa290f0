// End to end, TensorFlow Playground's lesson in the lab: Generate Dataset… makes a spiral, the
// learner adds hidden layers, feature crosses and L2 in the file itself, trains, and the panel shows
// what each hidden unit sees. The screenshot is the README's.
import * as assert from 'assert';
import { openWorkbench, runCommand, screenshot, webviewFrame, type Workbench } from './workbench';

declare const document: any;

const CROSSES = ['x1', 'x2', 'x1*x1', 'x2*x2', 'x1*x2', 'sin(x1)', 'sin(x2)'];

describe('e2e: generate a spiral, add layers and crosses, train, see what each neuron sees', function () {
  this.timeout(240_000);
  let wb: Workbench;

  before(async () => {
    wb = await openWorkbench({ datasets: false });
  });
  after(async () => wb?.close());

  /** Waits for the quick input whose title contains `title`, types `value` (when given) and accepts it. */
  async function answer(title: string, value?: string): Promise<void> {
    const { page } = wb;
    await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor({ timeout: 30_000 });
    const input = page.locator('.quick-input-widget input.input');
    if (value !== undefined) await input.fill(value);
    await page.keyboard.press('Enter');
  }

  /** Find and replace in the active editor, the way a learner edits: the find widget, then Replace All. */
  async function replaceInEditor(find: string, replacement: string): Promise<void> {
    const { page } = wb;
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+H');
    const findInput = page.locator('.find-widget .find-part .input').first();
    await findInput.waitFor({ timeout: 10_000 });
    await findInput.fill(find);
    const replaceInput = page.locator('.find-widget .replace-part .input').first();
    await replaceInput.fill(replacement);
    await page.locator('.find-widget .matchesCount', { hasText: /^1 of 1$/ }).waitFor({ timeout: 10_000 });
    await page.keyboard.press('Control+Alt+Enter');
    await page.locator('.find-widget .matchesCount', { hasText: /No results/ }).waitFor({ timeout: 10_000 });
    await page.keyboard.press('Escape');
  }

  it('trains the generated spiral with crosses and two tanh layers, and draws a heatmap in every hidden unit', async () => {
    const { page } = wb;
    await runCommand(page, 'Neural Network: Generate Dataset…', { timeout: 60_000 });
    await answer('Generate Dataset (1/4)', 'Spiral');
    await answer('Generate Dataset (2/4)', '200');
    await answer('Generate Dataset (3/4)', '0.1');
    await answer('Generate Dataset (4/4)', '0.2');
    await page.locator('.tab', { hasText: 'spiral.nn.json' }).first().waitFor({ timeout: 30_000 });
    await page.locator('.monaco-editor .codelens-decoration a', { hasText: 'Train Network' }).first().waitFor({ timeout: 60_000 });

    // The learner's edits: more layers, the feature crosses, a little L2, a smaller rate, more steps.
    await replaceInEditor('"hiddenLayers": [],', `"hiddenLayers": [8, 8], "activation": "tanh", "inputs": [${CROSSES.map((c) => `"${c}"`).join(', ')}], "regularization": { "kind": "L2", "rate": 0.0001 },`);
    await replaceInEditor('"learningRate": 0.1,', '"learningRate": 0.03,');
    await replaceInEditor('"iterations": 10000,', '"iterations": 60000,');
    // No problems: the file the learner edited is a valid dataset with the new fields.
    await page.waitForTimeout(1_500); // diagnostics follow an edit after a short debounce
    assert.strictEqual(await page.locator('.monaco-editor .squiggly-error').count(), 0, 'no error squiggles');

    await runCommand(page, 'Neural Network: Train Network');
    const panel = await webviewFrame(page, { title: 'Neural Network Training', timeout: 60_000 });
    await panel.locator('#error-chart[data-run-status="completed"]').waitFor({ timeout: 120_000 });
    const diagram = panel.locator('#network-diagram[data-layer-sizes="7,8,8,1"]');
    await diagram.waitFor({ timeout: 30_000 });
    // Every hidden unit shows what it sees, at the run's last iteration.
    await panel.locator('#network-diagram[data-heatmap-iteration="60000"][data-heatmap-count="16"]').waitFor({ timeout: 30_000 });
    assert.deepStrictEqual(await panel.locator('#network-diagram text.input-label').allTextContents(), CROSSES);
    const hrefs = await panel.locator('#network-diagram image.unit-heatmap').evaluateAll((images) => images.map((image) => image.getAttribute('href') ?? ''));
    assert.strictEqual(hrefs.length, 16);
    assert.ok(hrefs.every((href) => href.startsWith('data:image/png;base64,')), 'every unit painted');
    assert.ok(new Set(hrefs).size > 8, 'the units see different things');
    // The error without and with the L2 penalty: two curves, each named, and the status line and table say both.
    assert.match(await panel.locator('#run-status').textContent() ?? '',
      /latest error \S+ summed over the 160 training rows without the penalty \(solid curve, drawn per row\), \S+ with the L2 penalty \(rate 0\.0001\) once per training row \(dotted curve, drawn per row\)/);
    const legend = await panel.locator('#error-chart').evaluate(() => (globalThis as any).__nnlabCharts[0].data.datasets.map((d: any) => d.label));
    assert.deepStrictEqual(legend, [
      'spiral.nn.json (learning rate 0.03), training rows, error without the penalty',
      'spiral.nn.json (learning rate 0.03), test rows',
      'spiral.nn.json (learning rate 0.03), training rows, error + L2 penalty (rate 0.0001)',
    ]);
    assert.strictEqual(await panel.locator('#error-table thead th').nth(3).textContent(), 'Mean error + L2 penalty per training row');
    const [error, penalized] = await panel.locator('#error-table tbody tr').last().evaluate((row) => [Number(row.getAttribute('data-error')), Number(row.getAttribute('data-penalized'))]);
    assert.ok(penalized! > error!, `the penalty adds to the error (${penalized} > ${error})`);
    await panel.locator('#network-section').scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    await screenshot(page, 'e2e-playground-spiral');
  });
});
