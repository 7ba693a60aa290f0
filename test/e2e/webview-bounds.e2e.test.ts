// What the views say when the host bounds what it sends: a network too large to list shows a
// per-layer summary (and its parameter snapshots too), never a table of a million cells.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { LayerSummary } from '../../src/protocol';
import { EMPTY_STATE, errorCurve, progress, runInfo, useWebviewHarness } from './webviewPage';

// Page-side globals, used only inside page.evaluate callbacks (they run in the browser).
declare const document: any;

/** 4,000 inputs into eight layers of 256, then the output: 1,485,057 weights and biases. */
const WIDE: LayerSummary[] = [
  { units: 256, inputs: 4000, weights: { min: -0.0391, max: 0.0392, mean: 0.00001, rms: 0.0226 }, biases: { min: -0.01, max: 0.012, mean: 0.0003, rms: 0.004 } },
  ...Array.from({ length: 7 }, () => ({ units: 256, inputs: 256, weights: { min: -0.15, max: 0.151, mean: -0.0002, rms: 0.0884 }, biases: { min: -0.02, max: 0.02, mean: 0, rms: 0.01 } })),
  { units: 1, inputs: 256, weights: { min: -0.149, max: 0.15, mean: 0.001, rms: 0.087 }, biases: { min: 0.05, max: 0.05, mean: 0.05, rms: 0.05 } },
];

describe('webview: bounded runs (summarised weights) in Chromium', function () {
  const harness = useWebviewHarness();
  let page: Page;

  for (const view of ['panel', 'sidebar'] as const) {
    it(`the ${view} shows a network too large to list as one row per layer, with the count`, async function () {
      page = await harness.open(view);
      await harness.send(EMPTY_STATE);
      await harness.send({ type: 'runStarted', run: runInfo('wide', { hiddenLayers: [256, 256, 256, 256, 256, 256, 256, 256] }) });
      await harness.send({ ...progress('wide', errorCurve(0, 3), 300, [], []), parameterSummary: WIDE } as never);
      await page.waitForFunction(() => document.querySelector('#parameters-summarised') !== null);
      assert.match(await page.textContent('#parameters-summarised') ?? '', /This network has 1,485,057 weights and biases, too many to list/);
      assert.equal(await page.$$eval('.parameter-summary tbody tr', (rows: unknown[]) => rows.length), 9);
      assert.equal(await page.$$eval('#parameters td', (cells: unknown[]) => cells.length), 9 * 9, 'nine cells per layer, not a cell per weight');
      const firstRow = await page.$$eval('.parameter-summary tbody tr:first-child > *', (cells: any[]) => cells.map((cell) => cell.textContent));
      assert.deepEqual(firstRow.slice(0, 3), ['Hidden layer 1', '256 × 4,000', '-0.0391']);
      assert.equal(await page.isVisible('#parameters-section'), true);
    });
  }

  it('a parameter snapshot of a summarised network shows its summary until "Back to latest"', async function () {
    page = await harness.open('panel');
    await harness.send(EMPTY_STATE);
    await harness.send({ type: 'runStarted', run: runInfo('wide') });
    await harness.send({ ...progress('wide', errorCurve(0, 30), 3000, [], []), parameterSummary: WIDE } as never);
    await page.waitForFunction(() => document.querySelector('#parameters-summarised') !== null);
    const earlier = WIDE.map((layer) => ({ ...layer, weights: { ...layer.weights, rms: 0.5 } }));
    await harness.send({ type: 'parameterSnapshot', runId: 'wide', iteration: 1200, parameters: [], parameterSummary: earlier });
    await page.waitForFunction(() => /At iteration 1,200/.test(document.querySelector('#parameters-inspect').textContent));
    const rmsCells = await page.$$eval('.parameter-summary tbody tr:first-child td', (cells: any[]) => cells.map((cell) => cell.textContent));
    assert.equal(rmsCells[4], '0.5', 'the weights’ RMS at iteration 1,200');
    await page.click('#parameters-latest');
    await page.waitForFunction(() => document.querySelector('#parameters-inspect').hidden);
    const latest = await page.$$eval('.parameter-summary tbody tr:first-child td', (cells: any[]) => cells.map((cell) => cell.textContent));
    assert.equal(latest[4], '0.0226');
  });
});
