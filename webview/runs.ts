// The runs a view shows, kept in memory in chart-ready form. The full series stays here
// (100,000 points per run is fine); the chart's decimation decides what is drawn.
import type { ErrorPoint, LayerParameters } from '../src/core/types';
import type { HostMessage, RunEnd, RunInfo, RunStatus, RunView } from '../src/protocol';

export interface ChartPoint {
  x: number;
  /** NaN where the recorded error was not finite: chart.js draws a gap instead of breaking the scale. */
  y: number;
}

export interface RunSeries {
  info: RunInfo;
  train: ChartPoint[];
  test: ChartPoint[];
  /** The last training error exactly as recorded (may be NaN or ±Infinity after a divergence). */
  lastError?: number;
  lastIteration?: number;
  iteration: number;
  stepsPerSecond: number;
  parameters: LayerParameters[];
  end?: RunEnd;
}

export type ViewStatus = 'idle' | 'running' | RunStatus;

type ProgressMessage = Extract<HostMessage, { type: 'progress' }>;
type RunEndedMessage = Extract<HostMessage, { type: 'runEnded' }>;

/** Older runs beyond this are dropped so memory stays bounded in a long session. */
export const MAX_RUNS = 8;

// push(...points) in slices: spreading 100,000 arguments at once can overflow the call stack.
const PUSH_SLICE = 8192;

function appendPoints(target: ChartPoint[], points: ErrorPoint[]): void {
  for (let start = 0; start < points.length; start += PUSH_SLICE) {
    const slice = points.slice(start, start + PUSH_SLICE).map(([x, y]) => ({ x, y: Number.isFinite(y) ? y : NaN }));
    target.push(...slice);
  }
}

export class RunStore {
  private list: RunSeries[] = [];

  get runs(): readonly RunSeries[] {
    return this.list;
  }

  /** The newest run is the one the status, parameters and table describe. */
  get current(): RunSeries | undefined {
    return this.list[this.list.length - 1];
  }

  get status(): ViewStatus {
    const run = this.current;
    if (!run) return 'idle';
    return run.end ? run.end.status : 'running';
  }

  replaceAll(views: RunView[]): void {
    this.list = views.slice(-MAX_RUNS).map((view) => {
      const run = this.emptySeries(view.run);
      run.iteration = view.iteration;
      run.stepsPerSecond = view.stepsPerSecond;
      run.parameters = view.parameters;
      run.end = view.end;
      this.appendTo(run, view.points, view.testPoints);
      return run;
    });
  }

  start(info: RunInfo): RunSeries {
    // A repeated runStarted (e.g. after a state re-send) restarts that run's series.
    this.list = this.list.filter((run) => run.info.runId !== info.runId);
    const run = this.emptySeries(info);
    this.list.push(run);
    if (this.list.length > MAX_RUNS) this.list.splice(0, this.list.length - MAX_RUNS);
    return run;
  }

  /** Returns the run updated, or undefined for a run this view does not know (the host re-sends state). */
  progress(message: ProgressMessage): RunSeries | undefined {
    const run = this.find(message.runId);
    if (!run) return undefined;
    this.appendTo(run, message.points, message.testPoints);
    run.iteration = message.iteration;
    run.stepsPerSecond = message.stepsPerSecond;
    if (message.parameters.length > 0) run.parameters = message.parameters;
    return run;
  }

  end(message: RunEndedMessage): RunSeries | undefined {
    const run = this.find(message.runId);
    if (!run) return undefined;
    run.iteration = message.iteration;
    run.end = message.end;
    return run;
  }

  private find(runId: string): RunSeries | undefined {
    return this.list.find((run) => run.info.runId === runId);
  }

  private emptySeries(info: RunInfo): RunSeries {
    return { info, train: [], test: [], iteration: 0, stepsPerSecond: 0, parameters: [] };
  }

  private appendTo(run: RunSeries, points: ErrorPoint[], testPoints: ErrorPoint[]): void {
    appendPoints(run.train, points);
    appendPoints(run.test, testPoints);
    const last = points[points.length - 1];
    if (last) {
      run.lastIteration = last[0];
      run.lastError = last[1];
    }
  }
}
