// The error chart: one line per run (test curve dashed), drawn with chart.js.
// Only the components used are registered, which keeps the bundle small.
import {
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  Tooltip,
  type ChartDataset,
  type ChartOptions,
} from 'chart.js';
import { formatCompact, formatInteger, formatSignificant } from './format';
import { l10n } from '../src/l10n';
import { CHART_AXIS, type ChartPoint, type RunSeries } from './runs';
import type { ThemeColors } from './theme';
import { drawingScheduler, STREAM_REDRAW_MS } from './throttle';
import { decimate } from '../src/training/decimation';
import { PENALIZED_DASH, penalizedLegendLabel, unpenalizedLegendLabel } from './penalty';
import { axisTitle, SUM_AXIS_TITLE, unitSuffix, type ErrorUnit } from './errorUnit';

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Legend, Tooltip);

/** The tutorial's label: without a test split the chart draws its sum (errorUnit.ts). */
export const Y_AXIS_TITLE = SUM_AXIS_TITLE;

/**
 * chart.js gets each curve already decimated — min/max buckets, at most 4 points each, so at most
 * 2,000 points whatever the run's length — as arrays of its own: the view's series (runs.ts) can
 * grow without chart.js watching every push, and a redraw costs the same at the end of a long run
 * as at its start. A curve is decimated again only when its run has new points.
 */
const DRAWN_BUCKETS = 500;

export function drawnPoints(points: readonly ChartPoint[]): ChartPoint[] {
  return decimate(points, DRAWN_BUCKETS, CHART_AXIS);
}

type LineDataset = ChartDataset<'line', ChartPoint[]>;

/** The training error, the test error, and with a weight penalty the training error plus the penalty. */
type CurveKind = 'train' | 'test' | 'penalized';

function seriesOf(run: RunSeries, curve: CurveKind): ChartPoint[] {
  return curve === 'penalized' ? run.penalized ?? [] : run[curve];
}

/** Each curve's legend entry; with a penalty both training curves say which one they are. */
function curveLabel(run: RunSeries, label: string, curve: CurveKind, compact: boolean): string {
  if (curve === 'test') return l10n.t('{0}, test rows', label);
  const trainLabel = run.info.testRows > 0 ? l10n.t('{0}, training rows', label) : label;
  const regularization = run.penalized ? run.info.settings.regularization : undefined;
  if (!regularization) return trainLabel;
  return curve === 'penalized' ? penalizedLegendLabel(trainLabel, regularization, compact) : unpenalizedLegendLabel(trainLabel, compact);
}

/** A dataset of the chart and the run's series it draws, with the run's version it was last decimated at. */
interface Curve {
  run: RunSeries;
  curve: CurveKind;
  version: number;
  dataset: LineDataset;
}

declare global {
  interface Window {
    /** Debug hook for the browser tests: the live chart instances of this view. */
    __nnlabCharts?: Chart[];
  }
}

/**
 * "tutorial.nn.json (learning rate 0.1)". The side bar is too narrow for that, so there the
 * label is "lr 0.1", with the file name only when runs of several files are overlaid.
 */
function legendLabel(run: RunSeries, compact: boolean, severalFiles: boolean): string {
  const rate = run.info.settings.learningRate;
  if (!compact) return l10n.t('{0} (learning rate {1})', run.info.datasetName, rate);
  return severalFiles ? l10n.t('{0}, lr {1}', run.info.datasetName, rate) : l10n.t('lr {0}', rate);
}

export class ErrorChart {
  private readonly chart: Chart<'line', ChartPoint[]>;
  private runs: readonly RunSeries[] = [];
  /** Which dataset draws which series of the view (dataset.data is a decimated copy). */
  private seriesIndex = new Map<ChartPoint[], number>();
  private curves: Curve[] = [];
  private colors: ThemeColors;
  private readonly compact: boolean;
  /** Coalesces all updates of one animation frame into one chart.update(); none while out of sight. */
  readonly requestRender: () => void;
  /** The same for new points of a running run: at most every STREAM_REDRAW_MS. */
  readonly requestStreamRender: () => void;

  constructor(canvas: HTMLCanvasElement, colors: ThemeColors, options: { compact: boolean; logScale: boolean }) {
    this.colors = colors;
    this.compact = options.compact;
    this.requestRender = drawingScheduler('chart', () => this.render(), { element: canvas });
    this.requestStreamRender = drawingScheduler('chart', () => this.render(), { element: canvas, minIntervalMs: STREAM_REDRAW_MS });
    this.chart = new Chart(canvas, { type: 'line', data: { datasets: [] }, options: this.buildOptions(options) });
    (window.__nnlabCharts ??= []).push(this.chart as unknown as Chart);
    this.applyColors();
  }

  /** The chart.js instance, for picking points (chartInspect.ts). */
  get instance(): Chart<'line', ChartPoint[]> {
    return this.chart;
  }

  datasetIndexOf(series: ChartPoint[]): number | undefined {
    return this.seriesIndex.get(series);
  }

  /** Rebuilds the datasets when runs are added, replaced or removed. */
  setRuns(runs: readonly RunSeries[]): void {
    this.runs = runs;
    const curves: Curve[] = [];
    const severalFiles = new Set(runs.map((run) => run.info.datasetUri)).size > 1;
    // The axis speaks for the current run; an overlaid run in the other unit says its own in the legend.
    const unit: ErrorUnit = runs[runs.length - 1]?.unit ?? 'sum';
    const y = this.chart.options.scales?.y;
    if (y && 'title' in y && y.title) y.title.text = axisTitle(unit);
    runs.forEach((run, index) => {
      const label = legendLabel(run, this.compact, severalFiles) + (run.unit === unit ? '' : unitSuffix(run.unit));
      const isCurrent = index === runs.length - 1;
      curves.push(this.curve(run, label, 'train', index, isCurrent));
      if (run.info.testRows > 0 || run.test.length > 0) curves.push(this.curve(run, label, 'test', index, isCurrent));
      if (run.penalized) curves.push(this.curve(run, label, 'penalized', index, isCurrent));
    });
    this.curves = curves;
    this.seriesIndex = new Map(curves.map((curve, index) => [seriesOf(curve.run, curve.curve), index]));
    this.chart.data.datasets = curves.map((curve) => curve.dataset);
    this.requestRender();
  }

  private render(): void {
    for (const curve of this.curves) {
      if (curve.version === curve.run.version) continue;
      curve.dataset.data = drawnPoints(seriesOf(curve.run, curve.curve));
      curve.version = curve.run.version;
    }
    this.chart.update('none');
  }

  setLogScale(logScale: boolean): void {
    const y = this.chart.options.scales?.y;
    if (y) y.type = logScale ? 'logarithmic' : 'linear';
    this.requestRender();
  }

  applyTheme(colors: ThemeColors): void {
    this.colors = colors;
    this.applyColors();
    this.setRuns(this.runs);
  }

  private curve(run: RunSeries, label: string, curve: CurveKind, index: number, isCurrent: boolean): Curve {
    return { run, curve, version: run.version, dataset: this.dataset(run, drawnPoints(seriesOf(run, curve)), label, curve, index, isCurrent) };
  }

  private dataset(run: RunSeries, data: ChartPoint[], label: string, curve: CurveKind, index: number, isCurrent: boolean): LineDataset {
    const color = this.colors.series[index % this.colors.series.length];
    return {
      label: curveLabel(run, label, curve, this.compact),
      data,
      borderColor: color,
      backgroundColor: color,
      // The current run stands out; older runs stay for comparison.
      borderWidth: isCurrent ? 2 : 1,
      borderDash: curve === 'test' ? [6, 4] : curve === 'penalized' ? PENALIZED_DASH : [],
      pointRadius: 0,
      pointHoverRadius: 3,
      spanGaps: false,
      indexAxis: 'x',
    };
  }

  private applyColors(): void {
    const { foreground, description, grid, fontFamily, fontSize } = this.colors;
    const options = this.chart.options;
    // Empty strings mean "variable not defined": keep chart.js's own default then.
    if (fontFamily) options.font = { ...options.font, family: fontFamily };
    for (const axis of [options.scales?.x, options.scales?.y]) {
      if (!axis) continue;
      if (description) axis.ticks = { ...axis.ticks, color: description };
      if (grid) axis.grid = { ...axis.grid, color: grid };
      if (grid) axis.border = { ...axis.border, color: grid };
      if ('title' in axis && axis.title && foreground) axis.title.color = foreground;
    }
    const legend = options.plugins?.legend;
    if (legend && foreground) legend.labels = { ...legend.labels, color: foreground };
    if (options.font) options.font.size = fontSize;
    this.requestRender();
  }

  private buildOptions({ compact, logScale }: { compact: boolean; logScale: boolean }): ChartOptions<'line'> {
    const titleFont = { size: compact ? 10 : 12 };
    return {
      animation: false,
      parsing: false,
      normalized: true,
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: 'x',
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      scales: {
        x: {
          type: 'linear',
          title: { display: true, text: l10n.t('Iteration'), font: titleFont },
          ticks: { callback: (value) => formatCompact(Number(value)), maxTicksLimit: compact ? 4 : 8, maxRotation: 0 },
        },
        y: {
          type: logScale ? 'logarithmic' : 'linear',
          title: { display: true, text: Y_AXIS_TITLE, font: titleFont },
          ticks: { callback: (value) => formatSignificant(Number(value), 3), maxTicksLimit: compact ? 5 : 8 },
        },
      },
      plugins: {
        legend: { position: 'bottom', labels: { boxWidth: compact ? 10 : 24, boxHeight: compact ? 2 : 2, font: { size: compact ? 10 : 12 } } },
        tooltip: {
          callbacks: {
            title: (items) => (items[0] ? l10n.t('Iteration {0}', formatInteger(items[0].parsed.x ?? 0)) : ''),
            label: (item) => `${item.dataset.label ?? ''}: ${formatSignificant(item.parsed.y ?? NaN, 6)}`,
          },
        },
      },
    };
  }
}
