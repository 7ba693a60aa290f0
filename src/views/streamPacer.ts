// Paces what a training run streams to the webviews. A run's worker reports progress 20 times a
// second and its decision boundary 4 times; every message crosses to the workbench and into each
// view (in VS Code for the browser, on the workbench's own thread), while a view redraws a curve at
// most twice a second anyway (webview/throttle.ts). So progress goes out at most every
// PROGRESS_PACE_MS, its batches merged (points appended, thinned only past MERGED_POINTS; the rest
// is the latest), and the boundary at most every BOUNDARY_PACE_MS, the latest one. Any other message
// first sends what is pending, so the views see everything in the order it happened (a run's last
// progress before its end, a state after the stream it includes). No `vscode` here.
//
// Backpressure: the next progress or boundary waits until the views have taken the last one (the
// promise `send` returns settles). A workbench slower than the stream (a busy browser tab) would
// otherwise have the host queue message after message for it: 74 in flight and +200 MB of the
// extension host's RSS in a minute of worst case 2. While it waits, progress keeps merging, its
// series bounded by MERGED_POINTS (older points thinned to min/max buckets, as the views' own
// series are), so what waits is bounded too. It also keeps the channel to the workbench clear for
// everything else: before it, a Stop chosen after ~8 s of a long run reached the host 8.5 s later,
// queued behind the views' messages (the status bar cleared as late).
import type { HostMessage } from '../protocol';
import type { ErrorPoint } from '../core/types';
import { appendBounded, ERROR_POINT_AXIS, type SeriesBounds } from '../training/decimation';

type Progress = Extract<HostMessage, { type: 'progress' }>;
type Boundary = Extract<HostMessage, { type: 'boundary' }>;

export const PROGRESS_PACE_MS = 200;
export const BOUNDARY_PACE_MS = 500;
/**
 * Each series of a merged batch: at most 768 points, the newest 256 as received. Four of the worker's
 * batches (128 points each at most) fit; more are thinned only while the views lag behind.
 */
export const MERGED_POINTS: SeriesBounds = { buckets: 64, recent: 256 };
/** A send the views have not settled after this long no longer holds the stream back (a lost reply must not stop it). */
export const SEND_SETTLE_LIMIT_MS = 2000;

export interface PacerClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: PacerClock = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Two progress batches of one run as one: the points of both, the latest of everything else — the
 * parameters (or their summary) of the later batch that carries them (the worker sends them with
 * only some batches). Appends the later points to the earlier batch's own arrays (the pacer's own,
 * see emptyLike), each series bounded by MERGED_POINTS: no copying of what is pending at every merge.
 */
export function mergeProgress(earlier: Progress, later: Progress): Progress {
  const withParameters = later.parameters.length > 0 || later.parameterSummary !== undefined ? later : earlier;
  const merged: Progress = {
    ...later,
    points: appendMerged(earlier.points, later.points),
    testPoints: appendMerged(earlier.testPoints, later.testPoints),
    parameters: withParameters.parameters,
  };
  if (withParameters.parameterSummary !== undefined) merged.parameterSummary = withParameters.parameterSummary;
  else delete merged.parameterSummary;
  if (earlier.penalizedPoints || later.penalizedPoints) merged.penalizedPoints = appendMerged(earlier.penalizedPoints ?? [], later.penalizedPoints ?? []);
  return merged;
}

function appendMerged(target: ErrorPoint[], points: readonly ErrorPoint[]): ErrorPoint[] {
  appendBounded(target, points, MERGED_POINTS, ERROR_POINT_AXIS);
  return target;
}

/** An empty batch of the run to merge a first batch into: the pacer's own arrays, the sender's left as they are. */
function emptyLike(message: Progress): Progress {
  return { ...message, points: [], testPoints: [], ...(message.penalizedPoints ? { penalizedPoints: [] } : {}) };
}

export class StreamPacer {
  /** Pending progress by run, in the order the runs first reported. */
  private progress = new Map<string, Progress>();
  private boundary?: Boundary;
  private lastProgress = -Infinity;
  private lastBoundary = -Infinity;
  private timer: unknown;
  /** Whether the last progress or boundary sent is still on its way to the views. */
  private sending = false;
  private sendNumber = 0;

  /** `send` may return what settles once the views have taken the message (webview.postMessage's promise). */
  constructor(private readonly send: (message: HostMessage) => PromiseLike<unknown> | void, private readonly clock: PacerClock = realClock) {}

  post(message: HostMessage): void {
    if (message.type === 'progress') {
      const pending = this.progress.get(message.runId);
      this.progress.set(message.runId, mergeProgress(pending ?? emptyLike(message), message));
    } else if (message.type === 'boundary') {
      this.boundary = message;
    } else {
      this.flush();
      this.send(message);
      return;
    }
    this.sendDue();
  }

  /** Sends everything pending now. */
  flush(): void {
    this.sendProgress();
    this.sendBoundary();
  }

  dispose(): void {
    this.cancelTimer();
    this.sending = false;
    this.sendNumber++;
    this.progress.clear();
    this.boundary = undefined;
  }

  private sendDue(): void {
    if (this.sending) return;
    const now = this.clock.now();
    if (this.progress.size > 0 && now - this.lastProgress >= PROGRESS_PACE_MS) this.sendProgress();
    if (this.boundary && now - this.lastBoundary >= BOUNDARY_PACE_MS) this.sendBoundary();
    this.schedule();
  }

  private sendProgress(): void {
    if (this.progress.size === 0) return;
    const batches = [...this.progress.values()];
    this.progress.clear();
    this.lastProgress = this.clock.now();
    for (const batch of batches) this.track(this.send(batch));
    this.schedule();
  }

  private sendBoundary(): void {
    const boundary = this.boundary;
    if (!boundary) return;
    this.boundary = undefined;
    this.lastBoundary = this.clock.now();
    this.track(this.send(boundary));
    this.schedule();
  }

  /** Holds the paced stream back until the views have taken this message (or SEND_SETTLE_LIMIT_MS has passed). */
  private track(delivered: PromiseLike<unknown> | void): void {
    if (!delivered) return;
    const number = ++this.sendNumber;
    this.sending = true;
    const settled = () => {
      // Only the latest send releases the stream (an earlier one settling says nothing of it).
      if (number !== this.sendNumber || !this.sending) return;
      this.sending = false;
      this.sendDue();
    };
    delivered.then(settled, settled);
    const limit = this.clock.setTimeout(settled, SEND_SETTLE_LIMIT_MS);
    delivered.then(() => this.clock.clearTimeout(limit), () => this.clock.clearTimeout(limit));
  }

  /** One timer for the earliest of what is still pending (none while a send is on its way: its settling reschedules). */
  private schedule(): void {
    this.cancelTimer();
    if (this.sending) return;
    const now = this.clock.now();
    const waits: number[] = [];
    if (this.progress.size > 0) waits.push(this.lastProgress + PROGRESS_PACE_MS - now);
    if (this.boundary) waits.push(this.lastBoundary + BOUNDARY_PACE_MS - now);
    if (waits.length === 0) return;
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.sendDue();
    }, Math.max(0, Math.min(...waits)));
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
