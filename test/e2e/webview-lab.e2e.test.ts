// The webview's network drawing, decision boundary, step debugger, chart inspection and layer
// editor, driven in Chromium under the extension's strict CSP (harness: webviewPage.ts). Host
// messages are built with the real core where they carry numbers, as the host builds them.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { NeuralNetwork } from '../../src/core/network';
import type { LayerParameters } from '../../src/core/types';
import type { BoundaryView, HostMessage, StepView } from '../../src/protocol';
import { DEFAULTS, EMPTY_STATE, errorCurve, progress, RESULTS, runInfo, THEMES, useWebviewHarness, type Theme, type View } from './webviewPage';

// Page-side globals, used only inside page.evaluate callbacks (they run in the browser).
declare const window: any;
declare const document: any;
declare function getComputedStyle(element: unknown): { stroke: string; display: string };

const URI = 'file:///work/tutorial.nn.json';
const TUTORIAL_ROWS = [[3, 1.5], [2, 1], [4, 1.5], [3, 4], [3.5, 0.5], [2, 0.5], [5.5, 1], [1, 1]];
const TUTORIAL_TARGETS = [0, 1, 0, 1, 0, 1, 1, 0];

/** A 2-4-1 net trained on the tutorial's rows, and its predictions over a grid, as the host sends them. */
function trainedHiddenNet(): { parameters: LayerParameters[]; boundary: BoundaryView } {
  const network = new NeuralNetwork({ learningRate: 0.1, seed: 42, hiddenLayers: [4] });
  network.train(TUTORIAL_ROWS, TUTORIAL_TARGETS, 10000);
  const columns = 48;
  const rows = 36;
  const x = { min: 0, max: 6, label: 'feature 1' };
  const y = { min: 0, max: 4.5, label: 'feature 2' };
  const values: number[] = [];
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      values.push(network.predict([x.min + ((column + 0.5) * (x.max - x.min)) / columns, y.min + ((row + 0.5) * (y.max - y.min)) / rows]));
    }
  }
  const points: BoundaryView['points'] = TUTORIAL_ROWS.map(([px, py], index) => ({ x: px!, y: py!, target: TUTORIAL_TARGETS[index], split: index < 6 ? 'train' : 'test' }));
  points.push({ x: 5, y: 3.5, target: undefined, split: 'train' });
  return { parameters: network.parameters(), boundary: { runId: 'deep', datasetUri: URI, iteration: 10000, x, y, columns, rows, values, points } };
}

/** The tutorial net's SGD step on the wrong prediction's row, built as the host builds it. */
function tutorialStep(): StepView {
  const network = new NeuralNetwork({ learningRate: 0.1, weights: [1.45, -0.66], bias: 0 });
  const input = [2, 1.5];
  const before = network.parameters();
  const prediction = network.predict(input);
  const gradients = network.computeGradients(input, 0);
  network.updateParameters(gradients);
  return {
    datasetUri: URI, iteration: 0, row: 1, input, target: 0, prediction, output: 'sigmoid', learningRate: 0.1,
    gradients: gradients.layers, before, after: network.parameters(), cumulativeError: 1.2345,
  };
}

function deepState(parameters: LayerParameters[], extra: Partial<Extract<HostMessage, { type: 'state' }>> = {}): HostMessage {
  return {
    type: 'state', defaults: { ...DEFAULTS, hiddenLayers: [4] },
    runs: [{
      run: runInfo('deep', { hiddenLayers: [4] }, 2), points: errorCurve(0, 100), testPoints: errorCurve(0, 100, 100, 1.2), iteration: 10000,
      stepsPerSecond: 0, parameters, end: { status: 'completed', message: '' },
    }],
    ...extra,
  };
}

describe('webview network drawing, decision boundary, step debugger and layer editor in Chromium', function () {
  const harness = useWebviewHarness();
  let page: Page;
  const open = async (view: View = 'panel', theme: Theme = 'dark', width?: number): Promise<Page> => (page = await harness.open(view, theme, width));
  const { send, posted, nextFrames } = harness;
  const lastPosted = async () => (await posted()).at(-1);

  it('draws the network: layer sizes, one edge per weight coloured by sign, biases and weights on hover', async function () {
    await open();
    await send(EMPTY_STATE);
    assert.equal(await page.isVisible('#network-section'), false, 'no drawing without a run');
    const { parameters } = trainedHiddenNet();
    await send(deepState(parameters));
    await page.waitForSelector('#network-diagram[data-layer-sizes="2,4,1"]');
    assert.equal(await page.$$eval('#network-diagram line.edge', (lines: any[]) => lines.length), 12);
    assert.equal(await page.getAttribute('#network-diagram', 'data-edge-count'), '12');
    const edges = await page.$$eval('#network-diagram line.edge', (lines: any[]) => lines.map((line) => ({
      weight: Number(line.dataset.weight), width: Number(line.getAttribute('stroke-width')), classes: line.getAttribute('class'),
      stroke: getComputedStyle(line).stroke, title: line.querySelector('title').textContent,
    })));
    const weights = parameters.flatMap((layer) => layer.weights.flat());
    assert.deepEqual(edges.map((edge) => edge.weight).sort(), [...weights].sort());
    const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
    for (const edge of edges) {
      assert.equal(edge.classes, `edge ${edge.weight > 0 ? 'edge-positive' : 'edge-negative'}`);
      assert.equal(edge.stroke, rgb(edge.weight > 0 ? THEMES.dark['charts-blue']! : THEMES.dark['charts-red']!));
      assert.match(edge.title, /^weight .+ → .+: -?\d/);
    }
    const widest = edges.reduce((a, b) => (Math.abs(b.weight) > Math.abs(a.weight) ? b : a));
    const narrowest = edges.reduce((a, b) => (Math.abs(b.weight) < Math.abs(a.weight) ? b : a));
    assert.ok(widest.width > narrowest.width, 'edge width grows with |weight|');
    const output = await page.$eval('#network-diagram circle[data-node="2.0"]', (node: any) => [node.dataset.bias, node.querySelector('title').textContent]);
    assert.equal(output[0], String(parameters[1]!.biases[0]));
    assert.match(output[1], /^output: bias -?\d/);
    // Progress with new weights redraws in place.
    const moved = parameters.map((layer) => ({ weights: layer.weights.map((row) => row.map((w) => -w)), biases: layer.biases }));
    await send({ type: 'runStarted', run: runInfo('next', { hiddenLayers: [4] }) });
    await send(progress('next', errorCurve(0, 3), 300, [], moved));
    await page.waitForFunction((expected) => document.querySelector('#network-diagram line.edge')?.dataset.weight === expected, String(moved[0]!.weights[0]![0]));
    // The tutorial's net: 2 inputs straight to the output.
    await send(progress('next', errorCurve(3, 1), 400, [], [{ weights: [[1.45, -0.66]], biases: [0] }]));
    await page.waitForSelector('#network-diagram[data-layer-sizes="2,1"]');
    assert.equal(await page.getAttribute('#network-diagram', 'data-edge-count'), '2');
  });

  it('the side bar draws the network compactly and the boundary too', async function () {
    await open('sidebar');
    const { parameters, boundary } = trainedHiddenNet();
    await send(deepState(parameters, { boundary }));
    await page.waitForSelector('#network-diagram[data-layer-sizes="2,4,1"]');
    await page.waitForSelector('#decision-boundary[data-plot]');
    const sizes = await page.evaluate(() => ({
      svg: document.querySelector('#network-diagram').getBoundingClientRect().width,
      canvas: document.querySelector('#decision-boundary').getBoundingClientRect().width,
      scroll: document.documentElement.scrollWidth, width: window.innerWidth,
    }));
    assert.ok(sizes.svg <= 260 && sizes.canvas <= 260 && sizes.scroll <= sizes.width, JSON.stringify(sizes));
  });

  it('decision boundary: a heatmap coloured by prediction, hidden without a boundary', async function () {
    await open();
    await send(EMPTY_STATE);
    assert.equal(await page.isVisible('#boundary-section'), false);
    // Predictions 0 on the left edge, 1 on the right: the two lower corners must differ in colour.
    const columns = 20;
    const rows = 10;
    const values = Array.from({ length: rows * columns }, (_, index) => (index % columns) / (columns - 1));
    await send({
      type: 'boundary',
      boundary: {
        runId: 'run-1', datasetUri: URI, iteration: 700, columns, rows, values,
        x: { min: 0, max: 10, label: 'sepal length' }, y: { min: -1, max: 1, label: 'sepal width' },
        points: [{ x: 5, y: 0, target: 1, split: 'train' }, { x: 6, y: 0.5, target: 0, split: 'test' }, { x: 4, y: -0.5, split: 'train' }],
      },
    });
    await page.waitForSelector('#decision-boundary[data-plot]');
    assert.equal(await page.getAttribute('#decision-boundary', 'data-iteration'), '700');
    assert.match(await page.getAttribute('#decision-boundary', 'aria-label') ?? '', /iteration 700.*sepal length.*sepal width/);
    const pixels = await page.evaluate(() => {
      const canvas = document.querySelector('#decision-boundary');
      const [left, top, width, height] = canvas.dataset.plot.split(',').map(Number);
      const ratio = canvas.width / canvas.getBoundingClientRect().width;
      const sample = (x: number, y: number): number[] => Array.from(canvas.getContext('2d').getImageData(Math.round(x * ratio), Math.round(y * ratio), 1, 1).data);
      return { low: sample(left + 3, top + height - 3), high: sample(left + width - 3, top + 3), middle: sample(left + width / 2, top + 2) };
    });
    const distance = (a: number[], b: number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);
    assert.ok(distance(pixels.low, pixels.high) > 60, `corners differ: ${pixels.low} vs ${pixels.high}`);
    const hex = (name: string) => [1, 3, 5].map((i) => parseInt(THEMES.dark[name]!.slice(i, i + 2), 16));
    // Prediction 0 leans to the class-0 colour (orange), 1 to the class-1 colour (blue).
    assert.ok(distance(pixels.low, hex('charts-orange')) < distance(pixels.low, hex('charts-blue')), `low corner ${pixels.low}`);
    assert.ok(distance(pixels.high, hex('charts-blue')) < distance(pixels.high, hex('charts-orange')), `high corner ${pixels.high}`);
    // A theme change re-reads the colours (a canvas cannot follow CSS variables by itself).
    const lowCorner = () => page.evaluate(() => {
      const canvas = document.querySelector('#decision-boundary');
      const [left, top, , height] = canvas.dataset.plot.split(',').map(Number);
      const ratio = canvas.width / canvas.getBoundingClientRect().width;
      return Array.from(canvas.getContext('2d').getImageData(Math.round((left + 3) * ratio), Math.round((top + height - 3) * ratio), 1, 1).data).join(',');
    });
    await page.evaluate((variables) => {
      for (const [name, value] of Object.entries(variables)) document.documentElement.style.setProperty(`--vscode-${name}`, value);
      document.body.classList.replace('vscode-dark', 'vscode-light');
    }, THEMES.light);
    await page.waitForFunction((before) => {
      const canvas = document.querySelector('#decision-boundary');
      const [left, top, , height] = canvas.dataset.plot.split(',').map(Number);
      const ratio = canvas.width / canvas.getBoundingClientRect().width;
      return Array.from(canvas.getContext('2d').getImageData(Math.round((left + 3) * ratio), Math.round((top + height - 3) * ratio), 1, 1).data).join(',') !== before;
    }, pixels.low.join(','));
    assert.notEqual(await lowCorner(), pixels.low.join(','));

    await send(EMPTY_STATE);
    await page.waitForSelector('#boundary-section', { state: 'hidden' });
    assert.equal(await page.getAttribute('#decision-boundary', 'data-iteration'), null);
  });

  it('step debugger: Step and Run to post, the step view lists before, gradient and after', async function () {
    await open();
    await send(EMPTY_STATE);
    await page.click('#step-button');
    assert.deepEqual(await lastPosted(), { type: 'step' });
    await page.fill('#run-to input', '2.5');
    await page.click('#run-to-button');
    await page.waitForSelector('#run-to-error', { state: 'visible' });
    assert.deepEqual(await lastPosted(), { type: 'step' }, 'nothing posted for an invalid iteration');
    await page.fill('#run-to input', '1,000');
    await page.press('#run-to input', 'Enter');
    assert.deepEqual(await lastPosted(), { type: 'runTo', iteration: 1000 });

    const step = tutorialStep();
    await send({ type: 'pane', key: 'step', data: step });
    await page.waitForSelector('#step-view tr[data-parameter]');
    assert.equal(await page.getAttribute('#step-view', 'data-iteration'), '0');
    assert.equal(await page.getAttribute('#step-view', 'data-row'), '1');
    assert.match(await page.textContent('#step-view .step-line') ?? '', /^Iteration 0: SGD picked row 2 \(input \[2, 1\.5\], target 0\) → prediction 0\.871019 \(class 1, wrong\)\.$/);
    const rows = await page.$$eval('#step-view tr[data-parameter]', (trs: any[]) => trs.map((tr) => ({
      key: tr.dataset.parameter, name: tr.querySelector('th').textContent,
      before: Number(tr.dataset.before), gradient: Number(tr.dataset.gradient), after: Number(tr.dataset.after),
    })));
    assert.deepEqual(rows.map((row) => [row.key, row.name]), [['layer0.w0.0', 'weights[0]'], ['layer0.w0.1', 'weights[1]'], ['layer0.b0', 'bias']]);
    assert.equal(rows[0]!.before, 1.45);
    assert.equal(rows[0]!.gradient, step.gradients[0]!.weights[0]![0]);
    for (const row of rows) assert.ok(Math.abs(row.after - (row.before - 0.1 * row.gradient)) <= 1e-12, `${row.key}: after = before − lr · gradient`);
    assert.match(await page.textContent('#step-view') ?? '', /learning rate 0\.1\)/);
    assert.match(await page.textContent('#step-view') ?? '', /after the update: 1\.2345/);
    // A state without a step hides it.
    await send(EMPTY_STATE);
    await page.waitForSelector('#step-section', { state: 'hidden' });
  });

  it('draws training and test curves comparably: with a test split both are the mean error per row, labelled; without, the tutorial\'s sum', async function () {
    await open();
    await send(EMPTY_STATE);
    // 8 training rows and 2 test rows: a sum over 8 against a sum over 2 would put the test curve low for no reason.
    await send({ type: 'runStarted', run: runInfo('split', {}, 2) });
    await send(progress('split', [[0, 4], [100, 2.4]], 100, [[0, 1.2], [100, 0.9]]));
    await page.waitForFunction(() => document.querySelector('#error-chart').dataset.pointCount === '2');
    await nextFrames();
    const drawn = await page.evaluate(() => {
      const chart = window.__nnlabCharts[0];
      return { title: chart.options.scales.y.title.text, data: chart.data.datasets.map((d: any) => [d.label, d.data.map((p: any) => p.y)]) };
    });
    assert.equal(drawn.title, 'Mean error per row (training and test rows)');
    assert.deepEqual(drawn.data, [
      ['tutorial.nn.json (learning rate 0.1), training rows', [4 / 8, 2.4 / 8]],
      ['tutorial.nn.json (learning rate 0.1), test rows', [1.2 / 2, 0.9 / 2]],
    ]);
    assert.ok(drawn.data[1][1][1] > drawn.data[0][1][1], 'per row, the test error is above the training error, as more-layers.svg draws it');
    // The words (throttled) say the same: the table's heading and the status line.
    await page.waitForFunction(() => document.querySelector('#error-table thead th:nth-child(2)').textContent === 'Mean error per training row');
    await page.waitForFunction(() => /latest error 2\.4 summed over the 8 training rows \(0\.3 per row, as drawn\)/.test(document.querySelector('#run-status').textContent));
    // A run without a test split: the tutorial's sum and label.
    await send(EMPTY_STATE);
    await send({ type: 'runStarted', run: runInfo('plain') });
    await send(progress('plain', [[0, 4], [100, 2.4]], 100));
    await page.waitForFunction(() => window.__nnlabCharts[0].data.datasets.length === 1 && window.__nnlabCharts[0].data.datasets[0].data.length === 2);
    await nextFrames();
    const plain = await page.evaluate(() => ({ title: window.__nnlabCharts[0].options.scales.y.title.text, y: window.__nnlabCharts[0].data.datasets[0].data.map((p: any) => p.y) }));
    assert.deepEqual(plain, { title: 'Error for all training instances', y: [4, 2.4] });
  });

  it('with a weight penalty, draws the error + penalty as a second, dotted curve; legend, table, status and chart description name both', async function () {
    await open();
    await send(EMPTY_STATE);
    await send({ type: 'runStarted', run: runInfo('penalty', { regularization: { kind: 'L2', rate: 0.001 } }) });
    // The host sends the penalised sums at the same iterations: error + 8 rows · penalty.
    await send({ ...progress('penalty', [[0, 4], [100, 2.4]], 100), penalizedPoints: [[0, 4.5], [100, 2.9]] } as HostMessage);
    await page.waitForFunction(() => document.querySelector('#error-chart').dataset.pointCount === '2');
    await nextFrames();
    const drawn = await page.evaluate(() => window.__nnlabCharts[0].data.datasets.map((d: any) => [d.label, d.borderDash, d.data.map((p: any) => [p.x, p.y])]));
    assert.deepEqual(drawn, [
      ['tutorial.nn.json (learning rate 0.1), error without the penalty', [], [[0, 4], [100, 2.4]]],
      ['tutorial.nn.json (learning rate 0.1), error + L2 penalty (rate 0.001)', [2, 3], [[0, 4.5], [100, 2.9]]],
    ]);
    // The words (throttled): the table's fourth column, the status line and the chart's description.
    await page.waitForFunction(() => /with the L2 penalty/.test(document.querySelector('#run-status').textContent));
    const words = await page.evaluate(() => {
      const table = document.querySelector('#error-table');
      const heading = table.querySelector('thead th:nth-child(4)');
      return {
        heading: heading.textContent,
        headingShown: getComputedStyle(heading).display !== 'none',
        rows: [...table.querySelectorAll('tbody tr')].map((row: any) => [...row.cells].map((cell: any) => cell.textContent)),
        status: document.querySelector('#run-status').textContent,
        description: document.querySelector('#error-chart canvas').getAttribute('aria-label'),
      };
    });
    assert.equal(words.heading, 'Error + L2 penalty for all training instances');
    assert.ok(words.headingShown, 'the penalty column is shown');
    assert.deepEqual(words.rows.slice(-2).sort(), [['0', '4', '4.5'], ['100', '2.4', '2.9']]);
    assert.match(words.status, /latest error 2\.4 without the penalty \(solid curve\), 2\.9 with the L2 penalty \(rate 0\.001\) once per training row \(dotted curve\)/);
    assert.match(words.description, /A dotted curve adds the L2 penalty \(rate 0\.001\) once per training row: 2\.9 at iteration 100\./);

    // With a test split the curves are means per row: the penalised one too, over the training rows.
    await send(EMPTY_STATE);
    await send({ type: 'runStarted', run: runInfo('penalty-split', { regularization: { kind: 'L1', rate: 0.01 } }, 2) });
    await send({ ...progress('penalty-split', [[0, 4], [100, 2.4]], 100, [[0, 1.2], [100, 0.9]]), penalizedPoints: [[0, 4.8], [100, 3.2]] } as HostMessage);
    await page.waitForFunction(() => window.__nnlabCharts[0].data.datasets.length === 3 && window.__nnlabCharts[0].data.datasets[2].data.length === 2);
    await nextFrames();
    const split = await page.evaluate(() => window.__nnlabCharts[0].data.datasets.map((d: any) => [d.label, d.data.map((p: any) => p.y)]));
    assert.deepEqual(split, [
      ['tutorial.nn.json (learning rate 0.1), training rows, error without the penalty', [4 / 8, 2.4 / 8]],
      ['tutorial.nn.json (learning rate 0.1), test rows', [1.2 / 2, 0.9 / 2]],
      ['tutorial.nn.json (learning rate 0.1), training rows, error + L1 penalty (rate 0.01)', [4.8 / 8, 3.2 / 8]],
    ]);
    await page.waitForFunction(() => document.querySelector('#error-table thead th:nth-child(4)').textContent === 'Mean error + L1 penalty per training row');

    // Without a penalty: one curve with the plain label, and no penalty column.
    await send(EMPTY_STATE);
    await send({ type: 'runStarted', run: runInfo('plain') });
    await send(progress('plain', [[0, 4], [100, 2.4]], 100));
    await page.waitForFunction(() => window.__nnlabCharts[0].data.datasets.length === 1 && window.__nnlabCharts[0].data.datasets[0].data.length === 2);
    assert.equal(await page.evaluate(() => window.__nnlabCharts[0].data.datasets[0].label), 'tutorial.nn.json (learning rate 0.1)');
    await page.waitForFunction(() => !/penalty/.test(document.querySelector('#run-status').textContent)
      && getComputedStyle(document.querySelector('#error-table thead th:nth-child(4)')).display === 'none');

    // The side bar's short legend names both curves too.
    await open('sidebar');
    await send(EMPTY_STATE);
    await send({ type: 'runStarted', run: runInfo('penalty', { regularization: { kind: 'L2', rate: 0.001 } }) });
    await send({ ...progress('penalty', [[0, 4], [100, 2.4]], 100), penalizedPoints: [[0, 4.5], [100, 2.9]] } as HostMessage);
    await page.waitForFunction(() => window.__nnlabCharts?.[0]?.data.datasets.length === 2);
    assert.deepEqual(await page.evaluate(() => window.__nnlabCharts[0].data.datasets.map((d: any) => d.label)), ['lr 0.1, error alone', 'lr 0.1, error + L2 penalty']);
  });

  it('clicking the chart posts inspect for a recorded iteration; the parameter snapshot replaces the weights until "Back to latest"', async function () {
    await open();
    await send(EMPTY_STATE);
    await send({ type: 'runStarted', run: runInfo('run-1', {}, 2) });
    await send(progress('run-1', errorCurve(0, 30), 3000, errorCurve(0, 30, 100, 1.1)));
    await page.waitForFunction(() => document.querySelector('#error-chart').dataset.pointCount === '30');
    await nextFrames();
    const labels: string[] = await page.evaluate(() => window.__nnlabCharts[0].data.datasets.map((dataset: any) => dataset.label));
    assert.deepEqual(labels, ['tutorial.nn.json (learning rate 0.1), training rows', 'tutorial.nn.json (learning rate 0.1), test rows']);
    const target = await page.evaluate(() => {
      const chart = window.__nnlabCharts[0];
      const point = chart.getDatasetMeta(0).data[12];
      const rect = chart.canvas.getBoundingClientRect();
      return { x: rect.left + point.x, y: rect.top + point.y };
    });
    await page.mouse.click(target.x, target.y);
    assert.deepEqual(await lastPosted(), { type: 'inspect', runId: 'run-1', iteration: 1200 });

    const recorded = [{ weights: [[0.5, 0.25]], biases: [-0.125] }];
    await send({ type: 'parameterSnapshot', runId: 'run-1', iteration: 1200, parameters: recorded });
    await page.waitForSelector('#parameters[data-at-iteration="1200"]');
    assert.match(await page.textContent('#parameters-inspect') ?? '', /At iteration 1,200\./);
    assert.match(await page.textContent('#parameters') ?? '', /weights: \[0\.5, 0\.25\]\s*bias: -0\.125/);
    await page.waitForFunction(() => document.querySelector('#network-diagram line.edge')?.dataset.weight === '0.5');
    // Training goes on, but the inspected iteration stays until the learner leaves it.
    await send(progress('run-1', errorCurve(30, 1), 3100));
    await nextFrames();
    assert.equal(await page.getAttribute('#parameters', 'data-at-iteration'), '1200');
    assert.equal(await page.getAttribute('#network-diagram line.edge', 'data-weight'), '0.5');
    await page.click('#parameters-latest');
    await page.waitForFunction(() => !document.querySelector('#parameters').hasAttribute('data-at-iteration'));
    assert.match(await page.textContent('#parameters') ?? '', /weights: \[1\.453, -0\.6612\]/);
    assert.equal(await page.isVisible('#parameters-inspect'), false);
    await page.waitForFunction(() => document.querySelector('#network-diagram line.edge')?.dataset.weight === '1.4532167');
    // From the keyboard: focus the chart, End goes to the last recorded point, Enter picks it.
    await page.focus('#error-chart canvas');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    assert.deepEqual(await lastPosted(), { type: 'inspect', runId: 'run-1', iteration: 3000 });
  });

  it('the layer editor: Train sends hiddenLayers and activation only when the learner changed them', async function () {
    await open();
    await send({ type: 'state', runs: [], defaults: { ...DEFAULTS, hiddenLayers: [4], activation: 'tanh' } });
    await page.waitForFunction(() => document.querySelector('#layer-width-0')?.value === '4');
    assert.equal(await page.inputValue('#activation'), 'tanh');
    await page.click('#train-button');
    assert.deepEqual(await lastPosted(), { type: 'train', learningRate: 0.1, iterations: 10000 });

    await page.click('#add-layer');
    assert.equal(await page.inputValue('#layer-width-1'), '4', 'a new layer is as wide as the last');
    await page.fill('#layer-width-1', '3');
    await page.click('#train-button');
    assert.deepEqual(await lastPosted(), { type: 'train', learningRate: 0.1, iterations: 10000, hiddenLayers: [4, 3] });

    await page.selectOption('#activation', 'relu');
    await page.click('#remove-layer-1');
    assert.equal(await page.$('#layer-width-1'), null);
    await page.click('#train-button');
    assert.deepEqual(await lastPosted(), { type: 'train', learningRate: 0.1, iterations: 10000, activation: 'relu' });

    // A re-sent state (the run just started used the learner's choice) does not undo the edits.
    await send({ type: 'state', runs: [], defaults: { ...DEFAULTS, hiddenLayers: [4], activation: 'relu' } });
    await page.click('#remove-layer-0');
    await page.click('#train-button');
    assert.deepEqual(await lastPosted(), { type: 'train', learningRate: 0.1, iterations: 10000, hiddenLayers: [], activation: 'relu' });

    const count = (await posted()).length;
    await page.click('#add-layer');
    await page.fill('#layer-width-0', '300');
    await page.click('#train-button');
    await page.waitForSelector('#layer-width-0-error', { state: 'visible' });
    assert.match(await page.textContent('#layer-width-0-error') ?? '', /1 to 256/);
    assert.equal((await posted()).length, count, 'nothing posted for an invalid width');
    for (let layer = 1; layer < 8; layer++) await page.click('#add-layer');
    assert.equal(await page.$$eval('#layer-list li', (items: any[]) => items.length), 8);
    assert.equal(await page.getAttribute('#add-layer', 'disabled'), '', 'at most 8 hidden layers');
  });

  describe('screenshots (test-results/, for a look at the layout)', function () {
    for (const view of ['panel', 'sidebar'] as const) {
      for (const theme of ['dark', 'light'] as const) {
        it(`${view}, ${theme}: network, boundary, step view and lesson`, async function () {
          await open(view, theme);
          const { parameters, boundary } = trainedHiddenNet();
          await send(deepState(parameters, { boundary, panes: { step: tutorialStep(), lesson: 'error' } }));
          await page.waitForSelector('#decision-boundary[data-plot]');
          if (view === 'panel') await page.waitForSelector('#lesson [data-checkpoint="training"]');
          await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 1100)));
          await nextFrames();
          await page.screenshot({ path: path.join(RESULTS, `webview-lab-${view}-${theme}.png`), fullPage: true });
        });
      }
    }
  });
});
