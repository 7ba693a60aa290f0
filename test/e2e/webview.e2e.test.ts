// The webview's chart, status, controls, parameters, prediction and explanation, driven in
// Chromium under the extension's strict CSP (harness: webviewPage.ts). The lesson, the network
// drawing, the decision boundary and the step debugger are in webview-lesson / webview-lab.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import type { ErrorPoint } from '../../src/core/types';
import type { HostMessage } from '../../src/protocol';
import { DEFAULTS, EMPTY_STATE, errorCurve, progress, RESULTS, runInfo, THEMES, useWebviewHarness, type Theme, type View } from './webviewPage';

// Page-side globals, used only inside page.evaluate callbacks (they run in the browser).
declare const window: any;
declare const document: any;

describe('webview (Training panel and Error Chart view) in Chromium', function () {
  const harness = useWebviewHarness();
  let page: Page;
  const open = async (view: View = 'panel', theme: Theme = 'dark', width?: number): Promise<Page> => (page = await harness.open(view, theme, width));
  const { send, posted, nextFrames } = harness;
  const chartAttribute = (name: string) => page.getAttribute('#error-chart', `data-${name}`);

  async function startTutorialRun(runId = 'run-1', testRows = 0): Promise<void> {
    await send(EMPTY_STATE);
    await send({ type: 'runStarted', run: runInfo(runId, {}, testRows) });
  }

  it("posts 'ready' first, exactly once, and shows the empty state", async function () {
    await open();
    assert.deepEqual(await posted(), [{ type: 'ready' }]);
    await send(EMPTY_STATE);
    assert.match(await page.textContent('#run-status') ?? '', /No training yet\. Run “Neural Network: Train Network” on a dataset file \(\*\.nn\.json\)\./);
    assert.equal(await chartAttribute('run-status'), 'idle');
    assert.equal(await page.isVisible('#chart-section'), false, 'no empty chart pane');
    assert.equal(await page.isVisible('#parameters-section'), false);
  });

  it('state + runStarted + progress: the chart attributes show the point count and the last error', async function () {
    await open();
    await startTutorialRun();
    const curve = errorCurve(0, 30);
    for (let start = 0; start < 30; start += 10) await send(progress('run-1', curve.slice(start, start + 10), (start + 10) * 100));
    await page.waitForFunction(() => document.querySelector('#error-chart').dataset.pointCount === '30');
    assert.equal(await chartAttribute('last-error'), String(curve[29]![1]));
    assert.equal(await chartAttribute('last-iteration'), '2900');
    assert.equal(await chartAttribute('run-status'), 'running');
    assert.equal(await chartAttribute('run-id'), 'run-1');
    assert.equal(await chartAttribute('run-count'), '1');
    await page.waitForFunction(() => /iteration 3,000 of 10,000/.test(document.querySelector('#run-status').textContent));
    assert.match(await page.textContent('#run-status') ?? '', /48,250 steps per second, latest error \d/);
    assert.equal(await page.getAttribute('#run-status', 'role'), 'status');
    // Parameters: the tutorial's single neuron as one line, full values in data-value.
    assert.match(await page.textContent('#parameters') ?? '', /weights: \[1\.453, -0\.6612\]\s*bias: 0\.01235/);
    const values = await page.$$eval('#parameters [data-value]', (elements: any[]) => elements.map((element) => element.dataset.value));
    assert.deepEqual(values, ['1.4532167', '-0.6612345', '0.0123456789']);
    // The error table lists the current run's last 20 points.
    await page.waitForFunction(() => document.querySelectorAll('#error-table tbody tr').length === 20);
    const rows = await page.$$eval('#error-table tbody tr', (trs: any[]) => trs.map((tr) => [tr.dataset.iteration, tr.dataset.error]));
    assert.deepEqual(rows[0], ['1000', String(curve[10]![1])]);
    assert.deepEqual(rows[19], ['2900', String(curve[29]![1])]);
    // A second run overlays the first and becomes current.
    await send({ type: 'runStarted', run: runInfo('run-2', { learningRate: 0.05 }) });
    await send(progress('run-2', errorCurve(0, 5), 500));
    await page.waitForFunction(() => document.querySelector('#error-chart').dataset.runId === 'run-2');
    assert.equal(await chartAttribute('run-count'), '2');
    assert.equal(await chartAttribute('point-count'), '5');
    await nextFrames();
    const labels: string[] = await page.evaluate(() => window.__nnlabCharts[0].data.datasets.map((dataset: any) => dataset.label));
    assert.deepEqual(labels, ['tutorial.nn.json (learning rate 0.1)', 'tutorial.nn.json (learning rate 0.05)']);
  });

  it('a 100,000-point stream keeps the page responsive and draws at most ~2,000 points', async function () {
    await open();
    await startTutorialRun('long', 1);
    const total = 100_000;
    // The points are made in the page and posted in 50 batches without waiting, like a busy
    // host posting every ~50 ms: shipping them through the test driver would only time the driver.
    await page.evaluate(({ total, batch }) => {
      for (let start = 0; start < total; start += batch) {
        const points: number[][] = [];
        const testPoints: number[][] = [];
        for (let index = start; index < start + batch; index++) {
          points.push([index * 100, 2 + 2.2 * Math.exp(-index / 15) + 0.15 * Math.sin(index / 2.3)]);
          testPoints.push([index * 100, 2.4 + 2 * Math.exp(-index / 15)]);
        }
        window.postMessage({
          type: 'progress', runId: 'long', datasetUri: 'file:///work/tutorial.nn.json', points, testPoints,
          iteration: (start + batch) * 100, stepsPerSecond: 1_250_000, parameters: [{ weights: [[1.5, -0.7]], biases: [0.1] }],
        }, '*');
      }
    }, { total, batch: 2_000 });
    await page.waitForFunction((expected) => document.querySelector('#error-chart').dataset.pointCount === expected, String(total));
    await nextFrames();
    // The view keeps a bounded series (16,384 points at most) and says that it thinned it.
    await page.waitForFunction(() => /of the 100,000 errors this run recorded/.test(document.querySelector('#series-note').textContent));
    assert.equal(await page.isVisible('#series-note'), true);
    const kept = Number(/keeps ([\d,]+) of/.exec(await page.textContent('#series-note') ?? '')?.[1].replace(/,/g, ''));
    assert.ok(kept > 4096 && kept <= 16_384, `${kept} points kept`);
    const drawn: number[] = await page.evaluate(() => {
      const chart = window.__nnlabCharts[0];
      return chart.data.datasets.map((_: unknown, index: number) => chart.getDatasetMeta(index).data.length);
    });
    assert.equal(drawn.length, 2, 'training and test curve');
    for (const count of drawn) assert.ok(count > 0 && count <= 2000, `drawn points ${count}`);
    assert.equal(await chartAttribute('last-iteration'), String((total - 1) * 100));
    // Still responsive: the controls work right after the stream.
    await page.click('#train-button');
    await page.waitForFunction(() => window.__posted.some((message: any) => message.type === 'train'));
    // Stop is enabled while running and posts 'stop'.
    await page.click('#stop-button');
    assert.ok((await posted()).some((message) => message.type === 'stop'));
  });

  it("'runEnded' diverged shows the host's message as a warning", async function () {
    await open();
    await startTutorialRun();
    await send(progress('run-1', [[0, 4.2], [100, Infinity]], 150));
    await send({ type: 'runEnded', runId: 'run-1', datasetUri: 'file:///work/tutorial.nn.json', iteration: 150, end: { status: 'diverged', message: 'The weights became infinite at iteration 150. Lower the learning rate (try 0.1).' } });
    await page.waitForSelector('#run-message[data-severity="warning"]');
    assert.match(await page.textContent('#run-message') ?? '', /diverged: The weights became infinite at iteration 150\. Lower the learning rate/);
    assert.equal(await chartAttribute('run-status'), 'diverged');
    assert.equal(await chartAttribute('last-error'), 'Infinity');
    assert.equal(await page.getAttribute('#stop-button', 'disabled'), '', 'Stop is disabled after the run');
    assert.match(await page.textContent('#run-status') ?? '', /Training diverged/);
  });

  it('Train validates the fields: "abc" shows an error and posts nothing, "0.5" posts train', async function () {
    await open();
    await send({ type: 'state', runs: [], defaults: { ...DEFAULTS, iterations: 20000 } });
    await page.waitForFunction(() => document.querySelector('#iterations').value === '20000');
    await page.fill('#learning-rate input', 'abc');
    await page.click('#train-button');
    await page.waitForSelector('#learning-rate-error', { state: 'visible' });
    assert.match(await page.textContent('#learning-rate-error') ?? '', /greater than 0/);
    assert.equal(await page.getAttribute('#learning-rate', 'invalid'), '');
    assert.deepEqual(await posted(), [{ type: 'ready' }], 'nothing posted for an invalid field');
    await page.fill('#iterations input', '2.5');
    await page.fill('#learning-rate input', '0.5');
    await page.click('#train-button');
    assert.match(await page.textContent('#iterations-error') ?? '', /whole number/);
    assert.deepEqual(await posted(), [{ type: 'ready' }]);
    await page.fill('#iterations input', '10,000');
    await page.click('#train-button');
    assert.deepEqual((await posted()).at(-1), { type: 'train', learningRate: 0.5, iterations: 10000 });
    assert.equal(await page.isVisible('#learning-rate-error'), false);
    // Enter in a field trains too; a state re-send does not overwrite what the learner typed.
    await send({ type: 'state', runs: [], defaults: { ...DEFAULTS, iterations: 20000 } });
    await page.fill('#learning-rate input', '0.25');
    await page.press('#learning-rate input', 'Enter');
    assert.deepEqual((await posted()).at(-1), { type: 'train', learningRate: 0.25, iterations: 10000 });
  });

  it('Train is busy until the host answers: held Enter posts one train, and screen readers hear it', async function () {
    await open();
    await page.evaluate(() => { window.__answerTrain = false; });
    await send({ type: 'state', runs: [], defaults: DEFAULTS, sessions: { starting: 0, running: 0, stopping: 0 } });
    await page.waitForFunction(() => document.querySelector('#learning-rate').value === '0.1');
    for (let press = 0; press < 10; press++) await page.press('#learning-rate input', 'Enter');
    await page.click('#train-button', { force: true });
    const trains = async () => (await posted()).filter((message) => message.type === 'train');
    assert.equal((await trains()).length, 1, 'one train for ten Enters and a click');
    assert.equal(await page.getAttribute('#train-button', 'aria-busy'), 'true');
    assert.equal(await page.getAttribute('#train-button', 'disabled'), '');
    assert.equal(await page.textContent('#train-button'), 'Starting…');
    assert.equal(await page.textContent('#train-announcer'), 'Starting training…');
    assert.equal(await page.getAttribute('#train-announcer', 'role'), 'status');
    const [requestId] = await page.evaluate(() => window.__trainRequestIds);
    await send({ type: 'trainHandled', requestId: requestId + 1 });
    await nextFrames();
    assert.equal(await page.getAttribute('#train-button', 'aria-busy'), 'true', 'an answer to another request changes nothing');
    await send({ type: 'trainHandled', requestId, runId: 'run-1' });
    await page.waitForFunction(() => document.querySelector('#train-button').getAttribute('aria-busy') === 'false');
    assert.equal(await page.getAttribute('#train-button', 'disabled'), null);
    assert.equal(await page.textContent('#train-announcer'), '');
    // A start pending in the host (e.g. from the palette) makes Train busy too, and Stop reaches it.
    await send({ type: 'sessions', sessions: { starting: 1, running: 0, stopping: 1 } });
    await page.waitForFunction(() => document.querySelector('#train-button').getAttribute('aria-busy') === 'true');
    assert.equal(await page.getAttribute('#stop-button', 'disabled'), null, 'Stop applies to a starting run');
    await send({ type: 'sessions', sessions: { starting: 0, running: 0, stopping: 0 } });
    await page.waitForFunction(() => document.querySelector('#train-button').getAttribute('aria-busy') === 'false');
    assert.equal(await page.getAttribute('#stop-button', 'disabled'), '');
    await page.press('#learning-rate input', 'Enter');
    assert.equal((await trains()).length, 2, 'Train works again');
  });

  it('reaches every control with Tab', async function () {
    await open();
    await startTutorialRun();
    const focusOrder: string[] = [];
    for (let step = 0; step < 14; step++) {
      await page.keyboard.press('Tab');
      focusOrder.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName || ''));
    }
    const ids = ['learning-rate', 'iterations', 'add-layer', 'activation', 'train-button', 'stop-button', 'reset-button', 'step-button', 'run-to', 'run-to-button', 'CANVAS', 'log-scale'];
    for (const id of ids) {
      assert.ok(focusOrder.includes(id), `${id} reachable by Tab (order: ${focusOrder.join(', ')})`);
    }
    await page.focus('#reset-button');
    await page.keyboard.press('Enter');
    assert.deepEqual((await posted()).at(-1), { type: 'reset' });
  });

  it('the log-scale toggle switches the y axis', async function () {
    await open();
    await startTutorialRun();
    await send(progress('run-1', errorCurve(0, 20), 2000));
    await page.click('#log-scale');
    await nextFrames();
    assert.equal(await page.evaluate(() => window.__nnlabCharts[0].scales.y.type), 'logarithmic');
    await page.click('#log-scale');
    await nextFrames();
    assert.equal(await page.evaluate(() => window.__nnlabCharts[0].scales.y.type), 'linear');
    assert.equal(await page.evaluate(() => window.__nnlabCharts[0].options.scales.y.title.text), 'Error for all training instances');
    assert.equal(await page.evaluate(() => window.__nnlabCharts[0].options.scales.x.title.text), 'Iteration');
  });

  it('a theme switch changes the chart colours', async function () {
    await open('panel', 'dark');
    await startTutorialRun();
    await send(progress('run-1', errorCurve(0, 20), 2000));
    await nextFrames();
    const lineColour = () => page.evaluate(() => window.__nnlabCharts[0].data.datasets[0].borderColor);
    assert.equal(await lineColour(), THEMES.dark['charts-blue']);
    // What VS Code does on a theme change: new variables on <html>, new class on <body>.
    await page.evaluate((variables) => {
      for (const [name, value] of Object.entries(variables)) document.documentElement.style.setProperty(`--vscode-${name}`, value);
      document.body.classList.replace('vscode-dark', 'vscode-light');
    }, THEMES.light);
    await page.waitForFunction((blue) => window.__nnlabCharts[0].data.datasets[0].borderColor === blue, THEMES.light['charts-blue']);
    assert.equal(await page.evaluate(() => window.__nnlabCharts[0].options.scales.x.ticks.color), THEMES.light.descriptionForeground);
  });

  it('takes its colours from a high-contrast theme too', async function () {
    await open('panel', 'dark');
    await startTutorialRun();
    await send(progress('run-1', errorCurve(0, 20), 2000));
    await nextFrames();
    // VS Code's Dark High Contrast values for the variables the chart reads.
    const highContrast = { ...THEMES.dark, 'foreground': '#ffffff', 'descriptionForeground': '#ffffff', 'editor-background': '#000000',
      'charts-blue': '#3794ff', 'charts-orange': '#d18616', 'editorWidget-border': '#6fc3df', 'panel-border': '#6fc3df', 'focusBorder': '#f38518' };
    await page.evaluate((variables) => {
      for (const [name, value] of Object.entries(variables)) document.documentElement.style.setProperty(`--vscode-${name}`, value);
      document.body.classList.replace('vscode-dark', 'vscode-high-contrast');
    }, highContrast);
    await page.waitForFunction(() => window.__nnlabCharts[0].options.scales.x.ticks.color === '#ffffff');
    assert.equal(await page.evaluate(() => window.__nnlabCharts[0].data.datasets[0].borderColor), highContrast['charts-blue']);
    await page.screenshot({ path: path.join(RESULTS, 'webview-panel-high-contrast.png') });
  });

  it('speaks the display language: the words of the bundle the host puts in the page, English where it has none', async function () {
    const german = {
      'Error during training': 'Fehler während des Trainings',
      'Prediction': 'Vorhersage',
      'Row {0}': 'Zeile {0}',
      'class {0}': 'Klasse {0}',
      '{0}, learning rate {1}': '{0}, Lernrate {1}',
      'Training {0}: iteration {1} of {2}, {3} steps per second, {4}.': 'Training {0}: Iteration {1} von {2}, {4}, {3} Schritte pro Sekunde.',
    };
    page = await harness.open('panel', 'dark', undefined, german);
    await startTutorialRun();
    await send(progress('run-1', errorCurve(0, 10), 1000));
    await send({ type: 'pane', key: 'prediction', data: { datasetUri: 'file:///work/tutorial.nn.json', row: 2, input: [1.66, 1.56], target: 1, prediction: 0.7985731042047921, output: 'sigmoid', untrained: false } });
    await page.waitForSelector('#prediction-section', { state: 'visible' });
    assert.equal(await page.textContent('#chart-section-heading'), 'Fehler während des Trainings');
    assert.equal(await page.textContent('#prediction-section-heading'), 'Vorhersage');
    assert.match(await page.textContent('#prediction') ?? '', /^Zeile 3: input \[1\.66, 1\.56\] → 0\.799 ⇒ Klasse 1 ✓$/, 'the words it has are translated, "input" stays English');
    await page.waitForFunction(() => document.getElementById('run-status')?.textContent?.startsWith('Training tutorial.nn.json, Lernrate 0.1: Iteration 1,000 von 10,000, latest error'));
    assert.match(await page.textContent('#run-status') ?? '', /Schritte pro Sekunde\.$/, 'a translation may reorder the placeholders');
  });

  it('renders a prediction and an explanation with data-term rows', async function () {
    await open();
    await send(EMPTY_STATE);
    await send({ type: 'pane', key: 'prediction', data: { datasetUri: 'file:///work/tutorial.nn.json', row: 2, input: [1.66, 1.56], target: 1, prediction: 0.7985731042047921, output: 'sigmoid', untrained: true } });
    await page.waitForSelector('#prediction-section', { state: 'visible' });
    assert.match(await page.textContent('#prediction') ?? '', /Row 3: input \[1\.66, 1\.56\] → 0\.799 ⇒ class 1 ✓/);
    assert.match(await page.textContent('#prediction') ?? '', /\(untrained: random weights\)/);
    assert.equal(await page.getAttribute('#prediction', 'data-prediction'), '0.7985731042047921');
    await send({
      type: 'pane', key: 'explanation',
      data: {
        datasetUri: 'file:///work/tutorial.nn.json', row: 2, input: [1.66, 1.56], target: 1,
        terms: [
          { name: 'layer_1', value: 1.3766, formula: 'np.dot(input_vector, weights) + bias', layer: undefined },
          { name: 'prediction', value: 0.7985731042047921, formula: 'sigmoid(layer_1)' },
          { name: 'derror_dprediction', value: -0.4028537915904158, formula: '2 · (prediction − target)' },
          { name: 'derror_dweights', value: [-0.10691530826, -0.1004708608], formula: 'derror_dprediction · dprediction_dlayer1 · dlayer1_dweights' },
        ],
      },
    });
    await page.waitForSelector('#explanation tr[data-term="layer_1"]');
    assert.match(await page.textContent('#explanation h3') ?? '', /Row 3: forward and backward pass/);
    assert.equal(await page.getAttribute('#explanation tr[data-term="prediction"]', 'data-value'), '0.7985731042047921');
    assert.match(await page.textContent('#explanation tr[data-term="prediction"]') ?? '', /sigmoid\(layer_1\)0\.798573/);
    assert.match(await page.textContent('#explanation tr[data-term="derror_dweights"]') ?? '', /\[-0\.106915, -0\.100471\]/);
    assert.match(await page.textContent('#explanation') ?? '', /chain rule/);
  });

  it('deeper nets show one parameter table per layer', async function () {
    await open();
    await send({
      type: 'state', defaults: DEFAULTS,
      runs: [{
        run: runInfo('deep', { hiddenLayers: [3] }), points: errorCurve(0, 10), testPoints: [], iteration: 1000, stepsPerSecond: 0,
        parameters: [{ weights: [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]], biases: [0, 0.1, 0.2] }, { weights: [[1, -1, 0.5]], biases: [0.25] }],
        end: { status: 'completed', message: '' },
      }],
    });
    await page.waitForSelector('#parameters table[data-layer="1"]');
    assert.equal(await page.$$eval('#parameters table', (tables: any[]) => tables.length), 2);
    assert.equal(await page.$$eval('#parameters table[data-layer="0"] tbody tr', (rows: any[]) => rows.length), 3);
    assert.equal(await chartAttribute('run-status'), 'completed');
    assert.equal(await page.isVisible('#run-message'), false, 'no empty message box');
    // Their explanation is grouped per layer.
    await send({
      type: 'pane', key: 'explanation',
      data: {
        datasetUri: 'file:///work/tutorial.nn.json', row: 0, input: [3, 1.5], target: 0,
        terms: [
          { name: 'layer_1', value: [0.6, 1.5, 2.4], formula: 'weights · input_vector + biases', layer: 0 },
          { name: 'layer_2', value: [0.6457, 0.8176, 0.9168], formula: 'sigmoid(layer_1)', layer: 0 },
          { name: 'layer_3', value: 0.2813, formula: 'dot(layer_2, weights) + bias', layer: 1 },
          { name: 'prediction', value: 0.5699, formula: 'layer_4 = sigmoid(layer_3)', layer: 1 },
        ],
        intro: 'Each hidden layer takes weighted sums of its inputs plus biases (layer_1) and applies sigmoid to them (layer_2).',
      },
    });
    await page.waitForSelector('#explanation tr[data-term="layer_3"]');
    const groups = await page.$$eval('#explanation tr.group-row', (rows: any[]) => rows.map((row) => row.textContent));
    assert.deepEqual(groups, ['Hidden layer 1', 'Layer 2 (output)']);
    assert.equal(await page.getAttribute('#explanation tr[data-term="layer_2"]', 'data-value'), '[0.6457, 0.8176, 0.9168]');
    // The sentence above the table is the host's, about this network (never a fixed "applies the sigmoid").
    assert.match(await page.textContent('#explanation .explanation-intro') ?? '', /applies sigmoid to them \(layer_2\)/);
  });

  it('the side bar view is compact: chart and status, no Train button', async function () {
    await open('sidebar');
    assert.deepEqual(await posted(), [{ type: 'ready' }]);
    await send(EMPTY_STATE);
    assert.match(await page.textContent('#run-status') ?? '', /No training yet/);
    await startTutorialRun();
    await send(progress('run-1', errorCurve(0, 40), 4000));
    await page.waitForFunction(() => document.querySelector('#error-chart').dataset.pointCount === '40');
    assert.equal(await page.$('#train-button'), null);
    assert.equal(await page.$('#learning-rate'), null);
    const overflow = await page.evaluate(() => {
      const box = document.querySelector('#error-chart').getBoundingClientRect();
      const canvas = document.querySelector('#error-chart canvas').getBoundingClientRect();
      return { canvasRight: canvas.right, boxRight: box.right, scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth };
    });
    assert.ok(overflow.canvasRight <= overflow.boxRight + 0.5, 'canvas inside its box');
    assert.ok(overflow.scrollWidth <= overflow.width, 'no horizontal scrolling in a 260 px side bar');
  });

  describe('screenshots (test-results/, for a look at the layout)', function () {
    async function populate(view: View): Promise<void> {
      await send(EMPTY_STATE);
      await send({ type: 'runStarted', run: runInfo('older', { learningRate: 0.5 }) });
      await send(progress('older', errorCurve(0, 100, 100, 1.15), 10000));
      await send({ type: 'runEnded', runId: 'older', datasetUri: 'file:///work/tutorial.nn.json', iteration: 10000, end: { status: 'completed', message: '' } });
      await send({ type: 'runStarted', run: runInfo('current', {}, 2) });
      await send(progress('current', errorCurve(0, 100), 10000, errorCurve(0, 100, 100, 0.6).map(([x, y]) => [x, y + 0.0002 * x] as ErrorPoint)));
      await send({ type: 'runEnded', runId: 'current', datasetUri: 'file:///work/tutorial.nn.json', iteration: 10000, end: { status: 'saturated', message: 'The error stopped falling while the gradients are near zero: the sigmoid is saturated. Lower the learning rate or scale the inputs.' } });
      await send({ type: 'pane', key: 'prediction', data: { datasetUri: 'file:///work/tutorial.nn.json', row: 2, input: [1.66, 1.56], target: 1, prediction: 0.7985731042047921, output: 'sigmoid', untrained: false } });
      if (view === 'panel') {
        await send({
          type: 'pane', key: 'explanation',
          data: {
            datasetUri: 'file:///work/tutorial.nn.json', row: 2, input: [1.66, 1.56], target: 1,
            terms: [
              { name: 'layer_1', value: 1.3766, formula: 'np.dot(input_vector, weights) + bias' },
              { name: 'prediction', value: 0.7985731042047921, formula: 'sigmoid(layer_1)' },
              { name: 'derror_dprediction', value: -0.4028537915904158, formula: '2 · (prediction − target)' },
              { name: 'dprediction_dlayer1', value: 0.16084539, formula: 'sigmoid_deriv(layer_1)' },
              { name: 'derror_dweights', value: [-0.10691530826, -0.1004708608], formula: 'derror_dprediction · dprediction_dlayer1 · dlayer1_dweights' },
            ],
          },
        });
      }
      await page.waitForFunction(() => document.querySelector('#error-chart').dataset.runStatus === 'saturated');
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 1100)));
      await nextFrames();
    }

    for (const view of ['panel', 'sidebar'] as const) {
      for (const theme of ['dark', 'light'] as const) {
        it(`${view}, ${theme}`, async function () {
          await open(view, theme);
          await populate(view);
          await page.screenshot({ path: path.join(RESULTS, `webview-${view}-${theme}.png`), fullPage: true });
          // Opening "Error values as a table" shows the table that screen readers always had.
          // getByRole skips what assistive technology cannot reach (display: none, aria-hidden, …).
          assert.equal(await page.getByRole('table', { name: /recorded errors of the current run/ }).count(), 1, 'in the accessibility tree while closed');
          await page.click('#error-table-toggle summary');
          await page.waitForFunction(() => !document.querySelector('#error-table-wrap').classList.contains('visually-hidden'));
          assert.equal(await page.$$eval('#error-table tbody tr', (rows: any[]) => rows.length), 20);
          await page.screenshot({ path: path.join(RESULTS, `webview-${view}-${theme}-table.png`), fullPage: true });
        });
      }
    }
  });
});
