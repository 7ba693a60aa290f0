// Host messages can arrive every ~50 ms; redrawing on each would waste the main thread — and in
// VS Code for the browser a webview runs on the workbench's own thread, so every millisecond spent
// here is one the editor does not get.

/** Runs `task` at most once per animation frame, however often it is requested. */
export function frameScheduler(task: () => void): () => void {
  let pending = 0;
  return () => {
    if (pending) return;
    pending = requestAnimationFrame(() => {
      pending = 0;
      task();
    });
  };
}

/**
 * While progress streams in, a drawing that follows it is redrawn at most this often (twice a
 * second): a chart.js update of both views took ~15 ms each, the largest share of the workbench's
 * main thread that was ours at 5 a second.
 */
export const STREAM_REDRAW_MS = 500;

/** Draws done per drawing, for the browser tests (how often, not what). */
export const drawCounts: Record<string, number> = {};
declare global {
  interface Window {
    __nnlabDrawCounts?: Record<string, number>;
  }
}
window.__nnlabDrawCounts = drawCounts;

/**
 * For drawings: `draw` runs at most once per animation frame and at most once every `minIntervalMs`
 * (a run streams progress 20 times a second; a curve redrawn twice a second looks just as live
 * and costs a tenth), never while the view is hidden (its tab in the background, its side bar
 * collapsed), and — once it has drawn — not while `element` is out of sight (scrolled away, or in
 * a hidden pane): the redraw waits until it is visible again. The last request is never lost.
 * `draw` returns false when it had nothing to draw. Returns the function that asks for a redraw.
 */
export function drawingScheduler(name: string, draw: () => boolean | void, options: { element?: Element; minIntervalMs?: number } = {}): () => void {
  const { element, minIntervalMs = 0 } = options;
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastDraw = -Infinity;
  let drawn = false;
  let outOfSight = false;
  let deferred = false;
  drawCounts[name] = 0;
  const run = () => {
    frame = 0;
    if (document.visibilityState === 'hidden' || (drawn && outOfSight)) {
      deferred = true;
      return;
    }
    deferred = false;
    lastDraw = performance.now();
    if (draw() === false) return;
    drawn = true;
    drawCounts[name]++;
  };
  const request = () => {
    if (frame || timer !== undefined) return;
    const wait = lastDraw + minIntervalMs - performance.now();
    if (wait <= 0) frame = requestAnimationFrame(run);
    else timer = setTimeout(() => {
      timer = undefined;
      frame = requestAnimationFrame(run);
    }, wait);
  };
  if (element) {
    new IntersectionObserver((entries) => {
      outOfSight = !entries[entries.length - 1]!.isIntersecting;
      if (!outOfSight && deferred) request();
    }).observe(element);
  }
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && deferred) request();
  });
  return request;
}

/**
 * Runs `task` at most once every `intervalMs`, always including a trailing call so the last
 * update is never lost. `flush` runs it now (used when a run starts or ends).
 */
export function intervalThrottle(task: () => void, intervalMs: number): { request(): void; flush(): void } {
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    last = performance.now();
    task();
  };
  return {
    request() {
      if (timer !== undefined) return;
      const wait = last + intervalMs - performance.now();
      if (wait <= 0) run();
      else timer = setTimeout(run, wait);
    },
    flush: run,
  };
}
