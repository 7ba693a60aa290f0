// End to end, the sequence that once lost Stops and made the editor sluggish (issue 10, item 3):
// predict a row with its lens, train the tutorial to the end (the Training panel and the Error Chart
// view both open), then train a second file for as long as the schema allows and stop it from the
// palette, ten times in one workbench. Every run ends within 2 s of Stop (status bar cleared), and
// while the long run trains with both views drawing it, a 16 ms timer in the workbench page keeps
// an interval p50 under 50 ms. Loose bounds for a loaded CI machine: the tight figures are npm run bench's.
import * as assert from 'assert';
import { openFile, openWorkbench, runCommand, webviewFrame, type Workbench } from './workbench';

// Page-side globals, used only inside page.evaluate callbacks.
declare const document: any;
declare const window: any;
declare class MutationObserver {
  constructor(callback: () => void);
  observe(target: unknown, options: object): void;
  disconnect(): void;
}
declare const performance: { now(): number };
declare function getComputedStyle(element: any, pseudo?: string): any;

/** The tutorial's rows with the long run: a billion iterations, a hidden layer of 8, errors every 100. */
const LONG_RUN = {
  features: ['x1', 'x2'],
  rows: [[3, 1.5, 0], [2, 1, 1], [4, 1.5, 0], [3, 4, 1], [3.5, 0.5, 0], [2, 0.5, 1], [5.5, 1, 1], [1, 1, 0]].map(([a, b, target]) => ({ input: [a, b], target })),
  network: { hiddenLayers: [8], activation: 'tanh', learningRate: 0.05, iterations: 1_000_000_000, errorInterval: 100, seed: 7 },
};
const TRAINING_PANEL = 'Neural Network Training';
const STOPS = 10;

/** The training status-bar item's text, '' when it is not shown (trainingIndicators.ts). Runs in the page. */
function statusText(): string {
  const item = document.querySelector('.statusbar-item[id$="neuralNetworkLab.training"]');
  return item ? (item.textContent ?? '').trim() : '';
}
/** Whether the status-bar item's text matches `pattern` (a RegExp source). Runs in the page. */
function statusMatches(pattern: string): boolean {
  const item = document.querySelector('.statusbar-item[id$="neuralNetworkLab.training"]');
  return new RegExp(pattern).test(item ? (item.textContent ?? '').trim() : '');
}

/** Intervals of a 16 ms timer over `ms` in the page it runs in, sorted. */
function timerIntervals(ms: number): Promise<number[]> {
  return new Promise((resolve) => {
    const intervals: number[] = [];
    let last = performance.now();
    const end = last + ms;
    const tick = () => {
      const now = performance.now();
      intervals.push(now - last);
      last = now;
      if (now < end) setTimeout(tick, 16);
      else resolve(intervals.sort((a, b) => a - b));
    };
    setTimeout(tick, 16);
  });
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

describe('e2e: Stop from the palette during a long run with both views open', function () {
  this.timeout(300_000);
  let wb: Workbench;
  const began = Date.now();

  before(async () => {
    wb = await openWorkbench({ open: 'tutorial.nn.json', workspaceFiles: { 'long-run.nn.json': LONG_RUN } });
  });
  after(async () => {
    // Never leave a run going for the tests after this one.
    if (wb && (await wb.page.evaluate(statusText).catch(() => ''))) await runCommand(wb.page, 'Neural Network: Stop Training').catch(() => undefined);
    await wb?.close();
    console.log(`    [e2e] stop: ${((Date.now() - began) / 1000).toFixed(0)} s for these tests`);
  });

  it('predicts a row, then trains the tutorial to the end with the panel and the Error Chart view open', async () => {
    const { page } = wb;
    const predict = page.locator('.monaco-editor .codelens-decoration a', { hasText: /^Predict/ }).first();
    await predict.waitFor({ timeout: 60_000 });
    await predict.click();
    await page.waitForFunction(() => [...document.querySelectorAll('.monaco-editor .view-line span')].some((span: any) => String(getComputedStyle(span, '::after').content).includes('⇒ class')), undefined, { timeout: 30_000 });
    await runCommand(page, 'Neural Network: Train Network');
    const panel = await webviewFrame(page, { title: TRAINING_PANEL, timeout: 60_000 });
    await panel.locator('#error-chart[data-run-status="completed"]').waitFor({ timeout: 60_000 });
    await runCommand(page, 'Neural Network: Focus on Error Chart View');
    const side = await webviewFrame(page, { title: 'Error Chart', timeout: 60_000 });
    await side.locator('#error-chart[data-run-status="completed"]').waitFor({ timeout: 30_000 });
  });

  /** Starts the long run from the palette (its editor active) and waits until the status bar says it trains. */
  async function startLongRun(): Promise<void> {
    await runCommand(wb.page, 'Neural Network: Train Network');
    await wb.page.waitForFunction(statusMatches, 'Training long-run\\.nn\\.json \\d+%', { timeout: 60_000 });
  }

  /**
   * Stop from the palette; resolves with the ms from its Enter to the status bar cleared, timed in the
   * page (Playwright's own round trips on a loaded machine are not counted); fails from `withinMs` on.
   */
  async function stopFromPalette(label: string, withinMs = 2_000): Promise<number> {
    const { page } = wb;
    const chart = (await webviewFrame(page, { title: TRAINING_PANEL })).locator('#error-chart');
    const runId = await chart.getAttribute('data-run-id');
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input.input').fill('>Neural Network: Stop Training');
    await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Neural Network: Stop Training' }).waitFor();
    await page.evaluate(() => {
      window.__stopTook = new Promise<number>((resolve) => {
        let chosen = Infinity;
        const cleared = () => !document.querySelector('.statusbar-item[id$="neuralNetworkLab.training"]')?.textContent?.trim();
        const observer = new MutationObserver(() => {
          if (chosen === Infinity || !cleared()) return;
          observer.disconnect();
          resolve(performance.now() - chosen);
        });
        observer.observe(document.querySelector('.part.statusbar'), { subtree: true, childList: true, characterData: true, attributes: true });
        window.addEventListener('keydown', (event: any) => {
          if (event.key === 'Enter') chosen = performance.now();
        }, { capture: true, once: true });
        setTimeout(() => resolve(Infinity), 10_000);
      });
    });
    await page.keyboard.press('Enter');
    const ms: number = await page.evaluate(() => window.__stopTook);
    if (!(ms < withinMs)) {
      const now = { runId: await chart.getAttribute('data-run-id'), status: await chart.getAttribute('data-run-status'), iteration: await chart.getAttribute('data-last-iteration') };
      assert.fail(`${label}: the status bar says "${await page.evaluate(statusText)}" ${ms} ms after Stop (run ${runId} when Stop was chosen; the panel now shows ${JSON.stringify(now)})`);
    }
    return Math.round(ms);
  }

  it('keeps a 16 ms timer in the workbench at an interval p50 under 50 ms while the long run trains with both views open', async function () {
    const { page } = wb;
    await openFile(page, 'long-run.nn.json');
    const idle = await page.evaluate(timerIntervals, 2_000);
    console.log(`    [e2e] stop: 16 ms timer in the workbench with no run: ${idle.length} ticks in 2 s, p50 ${quantile(idle, 0.5).toFixed(1)} ms, p99 ${quantile(idle, 0.99).toFixed(1)} ms`);
    await startLongRun();
    try {
      // Both views draw this run: the panel beside the editor, the Error Chart view in the side bar.
      await (await webviewFrame(page, { title: TRAINING_PANEL })).locator('#error-chart[data-run-status="running"][data-last-iteration]').waitFor({ timeout: 30_000 });
      await (await webviewFrame(page, { title: 'Error Chart' })).locator('#error-chart[data-run-status="running"][data-last-iteration]').waitFor({ timeout: 30_000 });
      // Nothing of ours animates while it trains: a spinning status-bar icon alone had the workbench
      // composite 60 frames a second, which with the views open halved its frame rate.
      const animations = await page.evaluate(() =>
        document.querySelector('.statusbar-item[id$="neuralNetworkLab.training"]').getAnimations({ subtree: true }).map((animation: any) => animation.animationName ?? 'an animation'));
      assert.deepEqual(animations, [], 'the training status bar item animates');
      const intervals = await page.evaluate(timerIntervals, 2_000);
      const p50 = quantile(intervals, 0.5);
      console.log(`    [e2e] stop: 16 ms timer in the workbench while the long run trains, both views open: ${intervals.length} ticks in 2 s, p50 ${p50.toFixed(1)} ms, p99 ${quantile(intervals, 0.99).toFixed(1)} ms, max ${intervals[intervals.length - 1]!.toFixed(1)} ms`);
      assert.ok(p50 < 50, `timer interval p50 ${p50.toFixed(1)} ms`);
    } finally {
      // The first Stop in this window, after ~5 s of training: 0.4–0.7 s on a quiet machine, but under
      // load it is the slowest of all (2.3 s once with another test run beside it), so the issue's
      // 2 s is held by the ten Stops below; this one only has to end its run.
      const ms = await stopFromPalette('stop after the timer', 5_000);
      console.log(`    [e2e] stop: Stop after the timer window → status bar cleared in ${ms} ms`);
    }
  });

  it(`ends every long run within 2 s of Stop from the palette (${STOPS} times)`, async () => {
    const took: number[] = [];
    for (let attempt = 0; attempt < STOPS; attempt++) {
      await startLongRun();
      await wb.page.waitForTimeout(1_000);
      took.push(await stopFromPalette(`stop ${attempt + 1}`));
    }
    console.log(`    [e2e] stop: Stop from the palette → status bar cleared, ${STOPS} runs: ${took.join(', ')} ms`);
    await (await webviewFrame(wb.page, { title: TRAINING_PANEL })).locator('#error-chart[data-run-status="stopped"]').waitFor({ timeout: 10_000 });
  });
});
