// The error chart: one line per run (test curve dashed), drawn with chart.js.
// Only the components used are registered, which keeps the bundle small.
import {
  Chart,
  Decimation,
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
import type { ChartPoint, RunSeries } from './runs';
import type { ThemeColors } from './theme';
import { frameScheduler } from './throttle';
import { axisTitle, SUM_AXIS_TITLE, unitSuffix, type ErrorUnit } from './errorUnit';

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Legend, Tooltip, Decimation);

/** The tutorial's label: without a test split the chart draws its sum (errorUnit.ts). */
export const Y_AXIS_TITLE = SUM_AXIS_TITLE;

/**
 * Decimation keeps drawing cheap whatever the run length: a series longer than THRESHOLD is
 * reduced to SAMPLES points (LTTB keeps the curve's shape), so at most ~2,000 points are drawn per line.
 */
const DECIMATION_THRESHOLD = 2000;
const DECIMATION_SAMPLES = 1000;

type LineDataset = ChartDataset<'line', ChartPoint[]>;

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
  if (!compact) return `${run.info.datasetName} (learning rate ${rate})`;
  return severalFiles ? `${run.info.datasetName}, lr ${rate}` : `lr ${rate}`;
}

export class ErrorChart {
  private readonly chart: Chart<'line', ChartPoint[]>;
  private runs: readonly RunSeries[] = [];
  /** Which dataset draws which series. dataset.data cannot tell: decimation swaps it for its sample. */
  private seriesIndex = new Map<ChartPoint[], number>();
  private colors: ThemeColors;
  private readonly compact: boolean;
  /** Coalesces all updates of one animation frame into one chart.update(). */
  readonly requestRender = frameScheduler(() => this.chart.update('none'));

  constructor(canvas: HTMLCanvasElement, colors: ThemeColors, options: { compact: boolean; logScale: boolean }) {
    this.colors = colors;
    this.compact = options.compact;
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

  /** Rebuilds the datasets when runs are added, replaced or removed. Points are shared, not copied. */
  setRuns(runs: readonly RunSeries[]): void {
    this.runs = runs;
    const datasets: LineDataset[] = [];
    const severalFiles = new Set(runs.map((run) => run.info.datasetUri)).size > 1;
    // The axis speaks for the current run; an overlaid run in the other unit says its own in the legend.
    const unit: ErrorUnit = runs[runs.length - 1]?.unit ?? 'sum';
    const y = this.chart.options.scales?.y;
    if (y && 'title' in y && y.title) y.title.text = axisTitle(unit);
    runs.forEach((run, index) => {
      const label = legendLabel(run, this.compact, severalFiles) + (run.unit === unit ? '' : unitSuffix(run.unit));
      const isCurrent = index === runs.length - 1;
      datasets.push(this.dataset(run, label, 'train', index, isCurrent));
      if (run.info.testRows > 0 || run.test.length > 0) datasets.push(this.dataset(run, label, 'test', index, isCurrent));
    });
    this.seriesIndex = new Map(datasets.map((dataset, index) => [dataset.data, index]));
    this.chart.data.datasets = datasets;
    this.requestRender();
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

  private dataset(run: RunSeries, label: string, curve: 'train' | 'test', index: number, isCurrent: boolean): LineDataset {
    const color = this.colors.series[index % this.colors.series.length];
    return {
      label: curve === 'test' ? `${label}, test rows` : run.info.testRows > 0 ? `${label}, training rows` : label,
      data: curve === 'train' ? run.train : run.test,
      borderColor: color,
      backgroundColor: color,
      // The current run stands out; older runs stay for comparison.
      borderWidth: isCurrent ? 2 : 1,
      borderDash: curve === 'test' ? [6, 4] : [],
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
          title: { display: true, text: 'Iteration', font: titleFont },
          ticks: { callback: (value) => formatCompact(Number(value)), maxTicksLimit: compact ? 4 : 8, maxRotation: 0 },
        },
        y: {
          type: logScale ? 'logarithmic' : 'linear',
          title: { display: true, text: Y_AXIS_TITLE, font: titleFont },
          ticks: { callback: (value) => formatSignificant(Number(value), 3), maxTicksLimit: compact ? 5 : 8 },
        },
      },
      plugins: {
        decimation: { enabled: true, algorithm: 'lttb', samples: DECIMATION_SAMPLES, threshold: DECIMATION_THRESHOLD },
        legend: { position: 'bottom', labels: { boxWidth: compact ? 10 : 24, boxHeight: compact ? 2 : 2, font: { size: compact ? 10 : 12 } } },
        tooltip: {
          callbacks: {
            title: (items) => (items[0] ? `Iteration ${formatInteger(items[0].parsed.x ?? 0)}` : ''),
            label: (item) => `${item.dataset.label ?? ''}: ${formatSignificant(item.parsed.y ?? NaN, 6)}`,
          },
        },
      },
    };
  }
}
