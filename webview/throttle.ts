// Host messages can arrive every ~50 ms; redrawing on each would waste the main thread.

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
