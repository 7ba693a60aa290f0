// Picking a recorded iteration on the error chart: a click picks the current run's recorded
// point nearest on the x axis; from the keyboard the focused chart moves a cursor with the
// arrow keys (Page Up/Down jump, Home/End go to the ends) and Enter or Space picks it.
// The host answers the pick with the parameters recorded there (a 'parameterSnapshot' message).
import type { ErrorChart } from './chart';
import { l10n } from '../src/l10n';
import { el } from './dom';
import { formatInteger, formatSignificant } from './format';
import type { ChartPoint, RunSeries } from './runs';

/** Index of the point whose x is nearest to `x` (points are in iteration order). */
export function nearestIndex(points: readonly ChartPoint[], x: number): number {
  let low = 0;
  let high = points.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (points[middle]!.x < x) low = middle + 1;
    else high = middle;
  }
  if (low > 0 && Math.abs(points[low - 1]!.x - x) <= Math.abs(points[low]!.x - x)) return low - 1;
  return low;
}

/** The series the pick reads: the training curve, or the test curve if only that has points. */
const pickSeries = (run: RunSeries) => (run.train.length > 0 ? run.train : run.test);

export function attachInspect(
  chart: ErrorChart,
  canvas: HTMLCanvasElement,
  currentRun: () => RunSeries | undefined,
  onPick: (runId: string, iteration: number) => void,
): HTMLElement {
  const announcer = el('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  let cursor: number | undefined;

  canvas.tabIndex = 0;
  canvas.classList.add('inspectable');

  canvas.addEventListener('click', (event) => {
    const run = currentRun();
    const instance = chart.instance;
    const area = instance.chartArea;
    if (!run || !area) return;
    const rect = canvas.getBoundingClientRect();
    const x = event.clientX - rect.left;
    const y = event.clientY - rect.top;
    // Clicks on the legend or the axes are not picks.
    if (x < area.left || x > area.right || y < area.top || y > area.bottom) return;
    const points = pickSeries(run);
    if (points.length === 0) return;
    const index = nearestIndex(points, instance.scales.x!.getValueForPixel(x) ?? 0);
    cursor = index;
    onPick(run.info.runId, points[index]!.x);
  });

  canvas.addEventListener('keydown', (event) => {
    const run = currentRun();
    if (!run) return;
    const points = pickSeries(run);
    if (points.length === 0) return;
    const last = points.length - 1;
    const jump = Math.max(1, Math.round(points.length / 10));
    const current = cursor === undefined || cursor > last ? last : cursor;
    const moves: Record<string, number> = {
      ArrowLeft: current - 1, ArrowRight: current + 1, PageDown: current - jump, PageUp: current + jump, Home: 0, End: last,
    };
    if (event.key in moves) {
      event.preventDefault();
      cursor = Math.min(last, Math.max(0, moves[event.key]!));
      showTooltip(chart, run, points[cursor]!);
      const iteration = formatInteger(points[cursor]!.x);
      const value = formatSignificant(points[cursor]!.y, 6);
      announcer.textContent = run.unit === 'mean'
        ? l10n.t('Iteration {0}: mean error per training row {1}. Press Enter to show the weights recorded there.', iteration, value)
        : l10n.t('Iteration {0}: error {1}. Press Enter to show the weights recorded there.', iteration, value);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onPick(run.info.runId, points[current]!.x);
    }
  });
  canvas.addEventListener('blur', () => {
    chart.instance.tooltip?.setActiveElements([], { x: 0, y: 0 });
    chart.requestRender();
  });
  return announcer;
}

/** Shows chart.js's own tooltip on the drawn point nearest to `point` (drawn points may be decimated). */
function showTooltip(chart: ErrorChart, run: RunSeries, point: ChartPoint): void {
  const instance = chart.instance;
  const datasetIndex = chart.datasetIndexOf(pickSeries(run));
  if (datasetIndex === undefined) return;
  const drawn = instance.getDatasetMeta(datasetIndex).data;
  if (drawn.length === 0) return;
  const pixel = instance.scales.x!.getPixelForValue(point.x);
  let best = 0;
  for (let index = 1; index < drawn.length; index++) {
    if (Math.abs(drawn[index]!.x - pixel) < Math.abs(drawn[best]!.x - pixel)) best = index;
  }
  const element = drawn[best]!;
  instance.setActiveElements([{ datasetIndex, index: best }]);
  instance.tooltip?.setActiveElements([{ datasetIndex, index: best }], { x: element.x, y: element.y });
  chart.requestRender();
}
