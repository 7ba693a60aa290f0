// The runs a view shows, kept in memory in chart-ready form. A series is bounded (a run may record
// a billion errors): past WEBVIEW_SERIES_BOUNDS its older stretches are thinned to min/max buckets,
// in place, since the chart holds the same array; the chart's own decimation decides what is drawn.
import type { ErrorPoint, LayerParameters } from '../src/core/types';
import type { HostMessage, LayerSummary, RunEnd, RunInfo, RunStatus, RunView } from '../src/protocol';
import { appendBounded, type PointAxis, type SeriesBounds } from '../src/training/decimation';
import { errorDivisors, errorUnit, type ErrorUnit } from './errorUnit';

export interface ChartPoint {
  x: number;
  /** NaN where the recorded error was not finite: chart.js draws a gap instead of breaking the scale. */
  y: number;
}

export interface RunSeries {
  info: RunInfo;
  /** What `train` and `test` hold: sums over the rows (the tutorial's), or with a test split means per row. */
  unit: ErrorUnit;
  train: ChartPoint[];
  test: ChartPoint[];
  /** The last training error exactly as recorded, a sum (may be NaN or ±Infinity after a divergence). */
  lastError?: number;
  /** With regularization: the training error plus the penalty once per row, recorded at the same
   *  iterations, in `train`'s unit and bounded alike. Absent for a run without regularization. */
  penalized?: ChartPoint[];
  /** The last of them exactly as recorded, a sum, at `lastIteration`. */
  lastPenalized?: number;
  lastIteration?: number;
  iteration: number;
  /** Counts the changes to `train`, `test` and `penalized`, so a drawing knows whether it is stale. */
  version: number;
  /** Errors the run recorded; more than `train` holds once the series is thinned. */
  recordedPoints: number;
  stepsPerSecond: number;
  parameters: LayerParameters[];
  /** A network too large to list is summarised per layer (then `parameters` stays empty). */
  parameterSummary?: LayerSummary[];
  end?: RunEnd;
}

export type ViewStatus = 'idle' | 'running' | RunStatus;

type ProgressMessage = Extract<HostMessage, { type: 'progress' }>;
type RunEndedMessage = Extract<HostMessage, { type: 'runEnded' }>;

/** Older runs beyond this are dropped so memory stays bounded in a long session. */
export const MAX_RUNS = 8;

/** At most 16,384 points per series in a view, the newest 4,096 as received. */
export const WEBVIEW_SERIES_BOUNDS: SeriesBounds = { buckets: 2048, recent: 4096 };
export const CHART_AXIS: PointAxis<ChartPoint> = { x: (point) => point.x, y: (point) => point.y };

function appendPoints(target: ChartPoint[], points: ErrorPoint[], divisor: number): void {
  const converted = points.map(([x, y]) => ({ x, y: Number.isFinite(y) ? y / divisor : NaN }));
  appendBounded(target, converted, WEBVIEW_SERIES_BOUNDS, CHART_AXIS);
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
      run.recordedPoints = view.recordedPoints ?? view.points.length;
      run.parameters = view.parameters;
      run.parameterSummary = view.parameterSummary;
      run.end = view.end;
      this.appendTo(run, view.points, view.testPoints, view.penalizedPoints);
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
    this.appendTo(run, message.points, message.testPoints, message.penalizedPoints);
    run.recordedPoints = message.recordedPoints ?? run.recordedPoints + message.points.length;
    run.iteration = message.iteration;
    run.stepsPerSecond = message.stepsPerSecond;
    if (message.parameters.length > 0) run.parameters = message.parameters;
    if (message.parameterSummary) run.parameterSummary = message.parameterSummary;
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
    return {
      info, unit: errorUnit(info), train: [], test: [], ...(info.settings.regularization ? { penalized: [] } : {}),
      version: 0, iteration: 0, recordedPoints: 0, stepsPerSecond: 0, parameters: [],
    };
  }

  private appendTo(run: RunSeries, points: ErrorPoint[], testPoints: ErrorPoint[], penalizedPoints: ErrorPoint[] | undefined): void {
    if (points.length > 0 || testPoints.length > 0 || (penalizedPoints?.length ?? 0) > 0) run.version++;
    const divisors = errorDivisors(run.info);
    appendPoints(run.train, points, divisors.train);
    appendPoints(run.test, testPoints, divisors.test);
    // The same sum over the training rows, plus the penalty once per row: the training curve's unit.
    if (run.penalized && penalizedPoints) {
      appendPoints(run.penalized, penalizedPoints, divisors.train);
      const lastPenalized = penalizedPoints[penalizedPoints.length - 1];
      if (lastPenalized) run.lastPenalized = lastPenalized[1];
    }
    const last = points[points.length - 1];
    if (last) {
      run.lastIteration = last[0];
      run.lastError = last[1];
    }
  }
}
