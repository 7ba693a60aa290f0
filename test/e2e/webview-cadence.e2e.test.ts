// How often the webview draws, in Chromium under the extension's CSP (harness: webviewPage.ts). In
// VS Code for the browser a webview runs on the workbench's own thread, so these are the editor's
// frames: a stream of progress redraws once per animation frame, chart.js gets a bounded series,
// nothing is drawn while the view is hidden, the heatmaps only when they changed, and a drawing out
// of sight waits until it is seen. Counts come from window.__nnlabDrawCounts (webview/throttle.ts).
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { BoundaryView } from '../../src/protocol';
import { DEFAULTS, errorCurve, progress, runInfo, useWebviewHarness } from './webviewPage';

declare const window: any;
declare const document: any;
declare function requestAnimationFrame(callback: () => void): number;

const URI = 'file:///work/tutorial.nn.json';
const HIDDEN_NET = [{ weights: [[0.5, -1], [1.5, 0.2], [-0.3, 0.8]], biases: [0.1, -0.2, 0.3] }, { weights: [[1, -1, 0.5]], biases: [0.05] }];

function boundary(iteration: number, shift = 0, units = false): BoundaryView {
  const size = 12;
  const values = Array.from({ length: size * size }, (_, index) => Math.min(1, Math.max(0, (index % size) / (size - 1) + shift)));
  return {
    runId: 'run-1', datasetUri: URI, iteration, columns: size, rows: size, values,
    x: { min: 0, max: 6, label: 'x1' }, y: { min: 0, max: 4, label: 'x2' },
    points: [{ x: 1, y: 1, target: 0, split: 'train' }, { x: 5, y: 3, target: 1, split: 'train' }],
    ...(units ? { units: { size: 4, layers: [[0, 1, 2].map((unit) => Array.from({ length: 16 }, (_, index) => Math.tanh(index / 8 - 1 + unit + shift)))] } } : {}),
  };
}

describe('webview drawing cadence (what a long run costs the editor)', function () {
  const harness = useWebviewHarness();
  let page: Page;
  const { send, nextFrames } = harness;
  const counts = (): Promise<Record<string, number>> => page.evaluate(() => ({ ...window.__nnlabDrawCounts }));
  const setHidden = (hidden: boolean) => page.evaluate((hidden) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);

  async function startRun(view: 'panel' | 'sidebar' = 'panel'): Promise<void> {
    page = await harness.open(view);
    await send({ type: 'state', runs: [], defaults: DEFAULTS });
    await send({ type: 'runStarted', run: runInfo('run-1', { hiddenLayers: [3] }, 1) });
  }

  it('a stream of progress redraws once per animation frame, and chart.js gets at most 2,000 points a curve', async function () {
    await startRun();
    // 200 messages of 500 points each, posted in one task like a host that fell behind; frames counted meanwhile.
    const frames = await page.evaluate(async () => {
      let frames = 0;
      let counting = true;
      const tick = () => { frames++; if (counting) requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
      for (let message = 0; message < 200; message++) {
        const points: number[][] = [];
        for (let index = message * 500; index < (message + 1) * 500; index++) points.push([index * 100, 2 + Math.exp(-index / 5000) + 0.1 * Math.sin(index)]);
        window.postMessage({
          type: 'progress', runId: 'run-1', datasetUri: 'file:///work/tutorial.nn.json', points, testPoints: points.map(([x, y]) => [x, y! + 0.5]),
          iteration: (message + 1) * 50_000, stepsPerSecond: 1e6, parameters: [{ weights: [[1, 2]], biases: [0] }],
        }, '*');
      }
      await new Promise<void>((resolve) => { const wait = () => (document.querySelector('#error-chart').dataset.pointCount === '100000' ? resolve() : setTimeout(wait, 10)); wait(); });
      // The last stream redraw comes up to 200 ms (STREAM_REDRAW_MS) after the last message.
      await new Promise<void>((resolve) => { const wait = () => (window.__nnlabCharts[0].data.datasets[0].data.at(-1)?.x === 99_999 * 100 ? resolve() : setTimeout(wait, 10)); wait(); });
      await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
      counting = false;
      return frames;
    });
    const drawn = await counts();
    assert.ok(drawn.chart! <= frames + 1, `${drawn.chart} chart redraws in ${frames} frames`);
    assert.ok(drawn.panes! <= frames + 1, `${drawn.panes} pane redraws in ${frames} frames`);
    assert.ok(drawn.chart! < 50, `${drawn.chart} chart redraws for 200 messages`);
    const lengths: number[] = await page.evaluate(() => window.__nnlabCharts[0].data.datasets.map((dataset: any) => dataset.data.length));
    assert.equal(lengths.length, 2, 'training and test curve');
    for (const length of lengths) assert.ok(length > 100 && length <= 2000, `${length} points handed to chart.js`);
    // The drawn curve keeps the ends and the extremes of the series.
    const ends = await page.evaluate(() => {
      const data = window.__nnlabCharts[0].data.datasets[0].data;
      return { first: data[0].x, last: data[data.length - 1].x, highest: Math.max(...data.map((point: any) => point.y)) };
    });
    assert.deepEqual([ends.first, ends.last], [0, 99_999 * 100]);
    // With a test split the training curve is the mean per row (8 training rows, runInfo): the first error 3 / 8.
    assert.ok(ends.highest > 2.99 / 8, `the first, highest errors are drawn (${ends.highest})`);
  });

  it('draws nothing while the view is hidden, and catches up once it is shown', async function () {
    await startRun();
    await send(progress('run-1', errorCurve(0, 10), 1000, [], HIDDEN_NET));
    await send({ type: 'boundary', boundary: boundary(1000, 0, true) });
    await page.waitForSelector('#decision-boundary[data-plot]');
    await nextFrames();
    const before = await counts();
    await setHidden(true);
    for (let batch = 1; batch <= 20; batch++) {
      await send(progress('run-1', errorCurve(batch * 10, 10), (batch + 1) * 1000, [], HIDDEN_NET));
      await send({ type: 'boundary', boundary: boundary((batch + 1) * 1000, batch / 100, true) });
    }
    await nextFrames();
    await nextFrames();
    assert.deepEqual(await counts(), before, 'no drawing while hidden');
    assert.equal(await page.getAttribute('#error-chart', 'data-point-count'), '210', 'the messages were still taken in');
    await setHidden(false);
    await nextFrames();
    await nextFrames();
    const after = await counts();
    for (const name of ['chart', 'boundary', 'panes']) assert.equal(after[name], before[name]! + 1, `${name}: one redraw on showing`);
    // The panes' redraw hands the diagram its parameters, which it draws in the next frame.
    assert.ok(after.network! - before.network! >= 1 && after.network! - before.network! <= 2, `network: ${after.network! - before.network!} redraws on showing`);
    assert.equal(await page.getAttribute('#decision-boundary', 'data-iteration'), '21000');
  });

  it('redraws the decision boundary and the units\' heatmaps only when they changed', async function () {
    await startRun();
    await send(progress('run-1', errorCurve(0, 10), 1000, [], HIDDEN_NET));
    await send({ type: 'boundary', boundary: boundary(1000, 0, true) });
    await page.waitForSelector('#network-diagram[data-heatmap-count="3"]');
    await nextFrames();
    const first = await counts();
    // A settled run: a new iteration, the same picture.
    await send({ type: 'boundary', boundary: boundary(2000, 0, true) });
    await send(progress('run-1', errorCurve(10, 10), 2000, [], HIDDEN_NET));
    await nextFrames();
    await nextFrames();
    const same = await counts();
    assert.equal(await page.getAttribute('#decision-boundary', 'data-iteration'), '2000', 'the label follows');
    assert.equal(same.boundary, first.boundary, 'the same boundary is not drawn again');
    assert.equal(same.unitHeatmaps, first.unitHeatmaps, 'nor are the same heatmaps encoded again');
    await send({ type: 'boundary', boundary: boundary(3000, 0.01, true) });
    await send(progress('run-1', errorCurve(20, 10), 3000, [], HIDDEN_NET));
    // While the run streams, the units' pictures are taken at most once a second.
    await page.waitForFunction((expected) => window.__nnlabDrawCounts.unitHeatmaps >= expected, first.unitHeatmaps! + 3);
    await nextFrames();
    const changed = await counts();
    assert.equal(changed.boundary, first.boundary! + 1, 'a changed boundary is drawn once');
    assert.equal(changed.unitHeatmaps, first.unitHeatmaps! + 3, 'each changed unit once');
  });

  it('a drawing out of sight waits until it is scrolled into view', async function () {
    await startRun('sidebar');
    await page.setViewportSize({ width: 260, height: 320 });
    await send(progress('run-1', errorCurve(0, 10), 1000, [], HIDDEN_NET));
    await send({ type: 'boundary', boundary: boundary(1000) });
    await page.waitForSelector('#decision-boundary[data-plot]');
    await page.evaluate(() => window.scrollTo(0, 0));
    const outOfSight = await page.evaluate(() => document.querySelector('#decision-boundary').getBoundingClientRect().top > window.innerHeight);
    assert.ok(outOfSight, 'the boundary is below the fold of a short side bar');
    await nextFrames();
    const before = await counts();
    for (let batch = 1; batch <= 5; batch++) await send({ type: 'boundary', boundary: boundary(1000 + batch, batch / 50) });
    await nextFrames();
    await nextFrames();
    assert.equal((await counts()).boundary, before.boundary, 'not drawn while out of sight');
    await page.evaluate(() => document.querySelector('#decision-boundary').scrollIntoView());
    await page.waitForFunction((drawn) => window.__nnlabDrawCounts.boundary === drawn + 1, before.boundary);
    await nextFrames();
    assert.equal((await counts()).boundary, before.boundary! + 1, 'drawn once, with the latest');
  });

  it("the units' pictures out of sight wait until the diagram is scrolled into view", async function () {
    await startRun('sidebar');
    await page.setViewportSize({ width: 260, height: 320 });
    await send(progress('run-1', errorCurve(0, 10), 1000, [], HIDDEN_NET));
    await send({ type: 'boundary', boundary: boundary(1000, 0, true) });
    // Painted once even out of sight: the diagram is never left without pictures.
    await page.waitForSelector('#network-diagram[data-heatmap-count="3"]');
    await page.evaluate(() => window.scrollTo(0, 0));
    const outOfSight = await page.evaluate(() => document.querySelector('#network-diagram').getBoundingClientRect().top > window.innerHeight);
    assert.ok(outOfSight, 'the diagram is below the fold of a short side bar');
    await nextFrames();
    const before = await counts();
    await send({ type: 'boundary', boundary: boundary(2000, 0.05, true) });
    await send(progress('run-1', errorCurve(10, 10), 2000, [], HIDDEN_NET));
    // Past the once-a-second pace of pictures while streaming.
    await page.waitForTimeout(1500);
    await nextFrames();
    assert.equal((await counts()).unitHeatmaps, before.unitHeatmaps, 'no picture encoded while out of sight');
    await page.evaluate(() => document.querySelector('#network-diagram').scrollIntoView());
    await page.waitForFunction((painted) => window.__nnlabDrawCounts.unitHeatmaps === painted + 3, before.unitHeatmaps);
    assert.equal(await page.getAttribute('#network-diagram [data-iteration]', 'data-iteration'), '2000', 'the latest pictures');
  });
});

