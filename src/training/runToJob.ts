// The host's side of "Run to iteration" for the step debugger: the training runs in a worker (the
// extension host's thread stays free however far the learner asks to go), reports how far it got,
// and can be cancelled. No `vscode` here: the command wraps it in a progress notification.
import type { Platform } from '../platform/platform';
import type { WorkerStop } from './workerProtocol';
import type { RunToReply, RunToState, WorkerRunTo } from './runToProtocol';

export type RunToOutcome =
  | ({ status: 'completed' | 'diverged'; done: number } & RunToState)
  | { status: 'stopped'; done: number }
  | { status: 'failed'; done: number; detail?: string };

/** A worker that has not answered a cancel within this time is terminated. */
const CANCEL_GRACE_MS = 1000;
const PROGRESS_INTERVAL_MS = 100;

export interface RunToJob {
  /** Resolves once the worker is done (or gone); never rejects. */
  readonly outcome: Promise<RunToOutcome>;
  /** Iterations done so far, about every PROGRESS_INTERVAL_MS. */
  onProgress(listener: (done: number) => void): void;
  cancel(): void;
}

export function startRunTo(
  platform: Pick<Platform, 'startTrainingWorker' | 'createStopFlag'>,
  request: Omit<WorkerRunTo, 'type' | 'stopFlag' | 'progressIntervalMs'>,
): RunToJob {
  let onProgress: (done: number) => void = () => {};
  const worker = platform.startTrainingWorker();
  const stopFlag = platform.createStopFlag();
  let graceTimer: ReturnType<typeof setTimeout> | undefined;
  const outcome = new Promise<RunToOutcome>((resolve) => {
    let settled = false;
    const settle = (result: RunToOutcome) => {
      if (settled) return;
      settled = true;
      if (graceTimer) clearTimeout(graceTimer);
      worker.terminate();
      resolve(result);
    };
    worker.onMessage((reply: RunToReply) => {
      if (reply.type === 'runToProgress') onProgress(reply.done);
      else settle(reply);
    });
    worker.onError((error) => settle({ status: 'failed', done: 0, detail: error.message }));
    worker.onExit(() => settle(stopFlag.isSet ? { status: 'stopped', done: 0 } : { status: 'failed', done: 0, detail: 'the worker exited unexpectedly' }));
  });
  worker.postMessage({ type: 'runTo', ...request, stopFlag: stopFlag.shared, progressIntervalMs: PROGRESS_INTERVAL_MS } satisfies WorkerRunTo);
  return {
    outcome,
    onProgress: (listener) => (onProgress = listener),
    cancel() {
      if (stopFlag.isSet) return;
      stopFlag.set();
      if (!stopFlag.shared) worker.postMessage({ type: 'stop' } satisfies WorkerStop);
      graceTimer = setTimeout(() => worker.terminate(), CANCEL_GRACE_MS);
    },
  };
}
