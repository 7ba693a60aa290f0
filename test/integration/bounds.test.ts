// "Bounded by design" in the real VS Code: the worst files the schema allows, trained with the
// Training panel and the Error Chart view open. For each, the extension host never stalls for a
// second (a repeating timer's lateness), Stop from the palette ends the run within 2 s, and the host's
// RSS grows by less than RSS_BOUND_MB: over the full minute for case 2 (the memory case), 10 s
// for the others (60 s each would add four more minutes to the suite; the unbounded host of before
// grew 250 MB in 10 s on case 2 and never answered Stop on case 1); `npm run bench` runs the worst
// cases for 30 s and reports the tight figures.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activeApi, openDataset, waitFor } from './helpers';
import type { LabApi, RunResult } from '../../src/api';

/**
 * NNL_BOUNDS_WINDOW_MS=60000 watches every case for the full minute. Case 2 over 60 s went from
 * +201-221 MB of RSS (host heap +61-68 MB: up to 74 postMessages in flight to a lagging workbench, a
 * point object per error kept, an array sorted per decimation bucket) to about +115 MB (heap +18 MB).
 */
const WINDOW_MS = Number(process.env.NNL_BOUNDS_WINDOW_MS ?? 10_000);
/** The memory case: the full minute in `npm test` too. */
const MEMORY_WINDOW_MS = Number(process.env.NNL_BOUNDS_WINDOW_MS ?? 60_000);
const STALL_LIMIT_MS = 1000;
const STOP_LIMIT_MS = 2000;
const RSS_BOUND_MB = 150;

/** Lateness of a repeating timer and the host's peak RSS, from start() to stop(). */
class HostWatch {
  private readonly every = 50;
  private timer?: ReturnType<typeof setInterval>;
  private last = 0;
  worstLateMs = 0;
  readonly startRss = process.memoryUsage().rss;
  peakRss = this.startRss;
  readonly startHeap = process.memoryUsage().heapUsed;
  peakHeap = this.startHeap;
  /** Buffers outside the JS heap (what crosses to the workbench and from the worker). */
  readonly startExternal = process.memoryUsage().external;
  peakExternal = this.startExternal;

  start(): this {
    this.last = performance.now();
    this.timer = setInterval(() => {
      const now = performance.now();
      this.worstLateMs = Math.max(this.worstLateMs, now - this.last - this.every);
      this.last = now;
      const memory = process.memoryUsage();
      this.peakRss = Math.max(this.peakRss, memory.rss);
      this.peakHeap = Math.max(this.peakHeap, memory.heapUsed);
      this.peakExternal = Math.max(this.peakExternal, memory.external);
    }, this.every);
    return this;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  get growthMb(): number {
    return (this.peakRss - this.startRss) / 1e6;
  }
}

function wave(rows: number, inputs: number): { input: number[]; target: number }[] {
  return Array.from({ length: rows }, (_, row) => ({
    input: Array.from({ length: inputs }, (_, index) => Number(Math.sin(row * 7 + index).toFixed(3))),
    target: row % 2,
  }));
}

async function openPanelAndView(api: LabApi): Promise<void> {
  await vscode.commands.executeCommand('neuralNetworkLab.showTrainingPanel');
  await vscode.commands.executeCommand('neuralNetworkLab.errorChart.focus');
  await waitFor('the Training panel and the Error Chart view', () => (api.visibleViews() >= 2 ? true : undefined), 30_000);
}

/** Trains the file with both views open for `windowMs`, then stops it from the palette; checks the three bounds. */
async function trainAndStop(api: LabApi, document: vscode.TextDocument, what: string, windowMs = WINDOW_MS): Promise<RunResult> {
  await openPanelAndView(api);
  // Back to the dataset, as a learner would be, with the panel beside it.
  await vscode.window.showTextDocument(document, { preview: false, preserveFocus: false });
  const watch = new HostWatch().start();
  const runId = (await vscode.commands.executeCommand<string>('neuralNetworkLab.train', document.uri))!;
  assert.ok(runId, 'the run started');
  await waitFor('the first progress', () => ((api.iterationOf(runId) ?? 0) > 0 ? true : undefined), 30_000);
  await new Promise((resolve) => setTimeout(resolve, windowMs));
  assert.ok(api.isRunning(runId), `${what}: still training after ${windowMs / 1000} s`);
  const asked = performance.now();
  await vscode.commands.executeCommand('neuralNetworkLab.stop');
  const result = await api.waitForRun(runId);
  const stopMs = performance.now() - asked;
  watch.stop();
  const figures = `${what}: stall ${watch.worstLateMs.toFixed(0)} ms, Stop ${stopMs.toFixed(0)} ms, RSS +${watch.growthMb.toFixed(0)} MB (host heap +${((watch.peakHeap - watch.startHeap) / 1e6).toFixed(0)} MB, external +${((watch.peakExternal - watch.startExternal) / 1e6).toFixed(0)} MB), ${result.iteration} iterations`;
  console.log(`      ${figures}`);
  assert.strictEqual(result.status, 'stopped', result.message);
  assert.ok(watch.worstLateMs < STALL_LIMIT_MS, figures);
  assert.ok(stopMs < STOP_LIMIT_MS, figures);
  assert.ok(watch.growthMb < RSS_BOUND_MB, figures);
  return result;
}

describe('Bounded by design: the worst files the schema allows, panel and view open', function () {
  this.timeout(180_000 + MEMORY_WINDOW_MS * 2);

  it('case 1: 4 rows of 4,000 inputs into [256], every progress once carrying a million weights', async () => {
    const api = await activeApi();
    const document = await openDataset({ network: { hiddenLayers: [256], iterations: 1e9, seed: 1 }, rows: wave(4, 4000) });
    await trainAndStop(api, document, 'case 1');
  });

  it('case 2 (worst case 2): 2 rows, errorInterval 1, 1e9 iterations: a billion errors recorded', async () => {
    const api = await activeApi();
    const document = await openDataset({ network: { iterations: 1e9, errorInterval: 1, seed: 2 }, rows: [{ input: [1, 2], target: 0 }, { input: [3, 1], target: 1 }] });
    const run = await trainAndStop(api, document, 'case 2', MEMORY_WINDOW_MS);
    assert.ok(run.points.length <= 32_768, `${run.points.length} points held`);
    assert.ok(run.recordedPoints >= run.iteration - 1 && run.recordedPoints > run.points.length, `${run.recordedPoints} recorded`);
  });

  it('worst case 1: 4 rows of 4,000 inputs into [256 × 8] (1,485,057 weights and biases)', async () => {
    const api = await activeApi();
    const layers = [256, 256, 256, 256, 256, 256, 256, 256];
    const document = await openDataset({ network: { hiddenLayers: layers, iterations: 1e9, errorInterval: 1, seed: 3 }, rows: wave(4, 4000) });
    await trainAndStop(api, document, 'worst case 1');
    const model = await api.modelFor(document.uri.toString());
    assert.strictEqual(model?.layers.length, 9, 'the stopped run’s model is kept (in a file: it is 12 MB)');
  });

  it('case 3: lenses over a [256 × 8] model on 10,000 inputs resolve without a network per lens', async () => {
    const api = await activeApi();
    const layers = [256, 256, 256, 256, 256, 256, 256, 256];
    const document = await openDataset({ network: { hiddenLayers: layers, iterations: 2, errorInterval: 1, seed: 4 }, rows: wave(30, 10_000) });
    const trained = (await vscode.commands.executeCommand<string>('neuralNetworkLab.train', document.uri))!;
    assert.strictEqual((await api.waitForRun(trained)).status, 'completed');
    await waitFor('the stored model', async () => (await api.modelFor(document.uri.toString()))?.inputSize === 10_000 || undefined, 30_000);
    await openPanelAndView(api);
    await vscode.window.showTextDocument(document);
    const watch = new HostWatch().start();
    const started = performance.now();
    // Resolve every lens (60 of them), as the editor does for the lenses on screen; twice, as after an edit.
    for (let round = 0; round < 2; round++) {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 200);
      const predicts = lenses.filter((lens) => lens.command?.command === 'neuralNetworkLab.predictRow');
      assert.strictEqual(predicts.length, 30);
      assert.ok(predicts.every((lens) => lens.command?.title === 'Predict'), 'the trained model answers');
    }
    const lensMs = performance.now() - started;
    const predicted = await vscode.commands.executeCommand<number>('neuralNetworkLab.predictRow', document.uri, 0);
    watch.stop();
    console.log(`      case 3: 2 × 60 lenses resolved in ${lensMs.toFixed(0)} ms, stall ${watch.worstLateMs.toFixed(0)} ms`);
    assert.ok(typeof predicted === 'number' && predicted > 0 && predicted < 1);
    assert.ok(watch.worstLateMs < STALL_LIMIT_MS, `stalled ${watch.worstLateMs.toFixed(0)} ms`);
    // And a long run on it: the same three bounds.
    const edited = await openDataset({ network: { hiddenLayers: layers, iterations: 1e9, errorInterval: 1000, seed: 4 }, rows: wave(30, 10_000) });
    await trainAndStop(api, edited, 'case 3');
  });
});
