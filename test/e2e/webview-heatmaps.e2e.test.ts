// What each neuron sees, drawn in Chromium under the extension's strict CSP: every hidden unit gets
// a heatmap (a data: PNG, which img-src allows) whose pixels are its output over the plane, coloured
// from the theme's chart colours in light, dark and high-contrast themes; derived inputs are named;
// an inspected older iteration hides the heatmaps, which belong to the latest parameters.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { NeuralNetwork, unitHeatmaps } from '../../src/core';
import type { BoundaryView, HostMessage } from '../../src/protocol';
import { DEFAULTS, errorCurve, progress, RESULTS, runInfo, THEMES, useWebviewHarness, type Theme } from './webviewPage';

declare const window: any;
declare const document: any;
declare class Image { src: string; onload: () => void; onerror: () => void; naturalWidth: number }

const URI = 'file:///work/spiral.nn.json';
const INPUTS = ['x1', 'x2', 'x1*x1', 'x2*x2', 'sin(x1)'];
const XOR = [[-3, -3], [-3, 3], [3, -3], [3, 3]];
const UNIT_GRID = 6;
const AREA = { x: [-6, 6] as [number, number], y: [-6, 6] as [number, number] };

function trained(): { network: NeuralNetwork; state: HostMessage } {
  const network = new NeuralNetwork({ learningRate: 0.1, seed: 3, hiddenLayers: [4, 3], activation: 'tanh', inputs: INPUTS });
  network.train(XOR, [0, 1, 1, 0], 2000);
  const units = unitHeatmaps(network, AREA, UNIT_GRID, 12);
  const boundary: BoundaryView = {
    runId: 'spiral', datasetUri: URI, iteration: 2000, columns: 2, rows: 2, values: [0.1, 0.9, 0.9, 0.1],
    x: { min: AREA.x[0], max: AREA.x[1], label: 'x1' }, y: { min: AREA.y[0], max: AREA.y[1], label: 'x2' }, points: [],
    units: { size: UNIT_GRID, layers: units },
  };
  const state: HostMessage = {
    type: 'state', defaults: DEFAULTS, boundary,
    runs: [{
      run: runInfo('spiral', { hiddenLayers: [4, 3], activation: 'tanh', inputs: INPUTS }), points: errorCurve(0, 20), testPoints: [], iteration: 2000,
      stepsPerSecond: 0, parameters: network.parameters(), end: { status: 'completed', message: '' },
    }],
  };
  return { network, state };
}

/** The pixels of every hidden unit's heatmap, decoded in the page: [node, [r, g, b] per pixel, row 0 at the top]. */
async function heatmapPixels(page: Page): Promise<[string, number[][]][]> {
  return page.evaluate(async () => {
    const images = [...document.querySelectorAll('#network-diagram image.unit-heatmap:not([hidden])')];
    return Promise.all(images.map((element: any) => new Promise<[string, number[][]]>((resolve, reject) => {
      const image = new Image();
      image.onload = () => {
        const canvas = document.createElement('canvas');
        canvas.width = image.naturalWidth;
        canvas.height = image.naturalWidth;
        const context = canvas.getContext('2d');
        context.drawImage(image, 0, 0);
        const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
        const pixels: number[][] = [];
        for (let i = 0; i < data.length; i += 4) pixels.push([data[i], data[i + 1], data[i + 2]]);
        resolve([element.dataset.node, pixels]);
      };
      image.onerror = () => reject(new Error(`heatmap ${element.dataset.node} did not load`));
      image.src = element.getAttribute('href');
    })));
  });
}

const distance = (a: readonly number[], b: readonly number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);
const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

describe('webview: what each neuron sees, in Chromium under the CSP', function () {
  const harness = useWebviewHarness();
  const { send, nextFrames } = harness;

  const HIGH_CONTRAST = { ...THEMES.dark, 'foreground': '#ffffff', 'descriptionForeground': '#ffffff', 'editor-background': '#000000', 'charts-blue': '#3794ff', 'charts-orange': '#d18616' };
  for (const theme of ['light', 'dark', 'high-contrast'] as const) {
    it(`${theme}: a heatmap in every hidden unit, each pixel the unit's output in the theme's chart colours`, async function () {
      const page = await harness.open('panel', theme === 'light' ? 'light' : 'dark' as Theme);
      const colors = theme === 'high-contrast' ? HIGH_CONTRAST : THEMES[theme];
      if (theme === 'high-contrast') {
        await page.evaluate((variables: Record<string, string>) => {
          for (const [name, value] of Object.entries(variables)) document.documentElement.style.setProperty(`--vscode-${name}`, value);
          document.body.classList.replace('vscode-dark', 'vscode-high-contrast');
        }, HIGH_CONTRAST);
        await nextFrames();
      }
      const { network, state } = trained();
      await send(state);
      await page.waitForSelector('#network-diagram[data-heatmap-iteration="2000"]');
      assert.equal(await page.getAttribute('#network-diagram', 'data-heatmap-count'), '7');
      // Derived inputs are named beside their units.
      assert.deepEqual(await page.$$eval('#network-diagram text.input-label', (labels: any[]) => labels.map((label) => label.textContent)), INPUTS);
      const maps = unitHeatmaps(network, AREA, UNIT_GRID, 12);
      const pixels = await heatmapPixels(page);
      assert.equal(pixels.length, 7);
      const high = rgb(colors['charts-blue']!);
      const low = rgb(colors['charts-orange']!);
      for (const [node, image] of pixels) {
        const [layer, unit] = node.split('.').map(Number) as [number, number];
        const values = maps[layer - 1]![unit]!;
        assert.equal(image.length, UNIT_GRID * UNIT_GRID, node);
        // Row 0 of the values is the lowest y, painted at the bottom of the picture.
        const pixelOf = (index: number) => image[(UNIT_GRID - 1 - Math.floor(index / UNIT_GRID)) * UNIT_GRID + (index % UNIT_GRID)]!;
        const highest = values.indexOf(Math.max(...values));
        const lowest = values.indexOf(Math.min(...values));
        // tanh: outputs above 0 lean to the "high" chart colour, below 0 to the "low" one, in proportion.
        values.forEach((value, index) => {
          const pixel = pixelOf(index);
          if (value > 0.2) assert.ok(distance(pixel, high) < distance(pixel, low), `${node} cell ${index}: ${value} is drawn ${pixel}`);
          if (value < -0.2) assert.ok(distance(pixel, low) < distance(pixel, high), `${node} cell ${index}: ${value} is drawn ${pixel}`);
        });
        if (values[highest]! > 0.9) assert.ok(distance(pixelOf(highest), high) < 40, `${node}: the strongest output is nearly the chart colour`);
        if (values[lowest]! < -0.9) assert.ok(distance(pixelOf(lowest), low) < 40, `${node}: the weakest output is nearly the chart colour`);
      }
      // The hover of a hidden unit gives its bias and the weights into it, named by the derived inputs.
      const title = await page.$eval('#network-diagram circle[data-node="1.0"] title', (element: any) => element.textContent);
      const layer0 = network.parameters()[0]!;
      const shown = /^hidden 1, unit 1: bias (\S+)\nweights in:\n/.exec(title);
      assert.ok(shown, title);
      assert.ok(Math.abs(Number(shown[1]) - layer0.biases[0]!) <= 1e-5 * Math.max(1, Math.abs(layer0.biases[0]!)), title);
      INPUTS.forEach((input, i) => {
        const weight = new RegExp(`from input ${input.replace(/[*()]/g, '\\$&')}: (\\S+)`).exec(title);
        assert.ok(weight && Math.abs(Number(weight[1]) - layer0.weights[0]![i]!) <= 1e-5 * Math.max(1, Math.abs(layer0.weights[0]![i]!)), `${input} in ${title}`);
      });
      await nextFrames();
      await (await page.$('#network-diagram'))!.screenshot({ path: path.join(RESULTS, `webview-heatmaps-${theme}.png`) });
    });
  }

  it('hides the heatmaps while an older iteration is inspected, and shows them again for the latest', async function () {
    const page = await harness.open('panel', 'dark');
    const { network, state } = trained();
    await send(state);
    await page.waitForSelector('#network-diagram[data-heatmap-count="7"]');
    await send({ type: 'parameterSnapshot', runId: 'spiral', iteration: 100, parameters: network.parameters() });
    await page.waitForSelector('#network-diagram[data-heatmap-count="0"]');
    assert.equal(await page.$$eval('#network-diagram image.unit-heatmap:not([hidden])', (images: any[]) => images.length), 0);
    await send({ type: 'runStarted', run: runInfo('next', { hiddenLayers: [4, 3], activation: 'tanh', inputs: INPUTS }) });
    const boundary = (state as Extract<HostMessage, { type: 'state' }>).boundary!;
    await send({ type: 'boundary', boundary: { ...boundary, runId: 'next', iteration: 50 } });
    await send(progress('next', errorCurve(0, 2), 50, [], network.parameters()));
    await page.waitForSelector('#network-diagram[data-heatmap-iteration="50"]');
  });
});
