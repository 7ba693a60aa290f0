// Webview entry for both views: the Training panel (body[data-view="panel"]) and the Error
// Chart side view (body[data-view="sidebar"]). Builds the DOM, tells the host it is ready,
// then renders every HostMessage.
import './l10nSetup';
import type { LayerParameters } from '../src/core/types';
import type { BoundaryView, HostMessage, LayerSummary } from '../src/protocol';
import { renderErrorTable } from './accessibility/table';
import { DecisionBoundary } from './boundary';
import { ErrorChart } from './chart';
import { attachInspect } from './chartInspect';
import { createControls, createLogScaleToggle, type Controls } from './controls';
import { formatInteger, formatSignificant } from './format';
import { setOrRemove } from './dom';
import { buildLayout, viewKind } from './layout';
import { NetworkDiagram, type UnitHeatmapsView } from './networkDiagram';
import { renderParameters } from './parameters';
import { RunStore, type RunSeries } from './runs';
import { penaltyName, regularizationOf } from './penalty';
import { renderSeriesNote } from './seriesNote';
import { renderRunMessage, statusText } from './status';
import { readThemeColors, watchTheme } from './theme';
import { drawingScheduler, intervalThrottle, STREAM_REDRAW_MS } from './throttle';
import { loadState, post, saveState } from './vscodeApi';
import { mountPanes } from './panes/registry';
import { l10n } from '../src/l10n';

/** Words for screen readers update at most this often while training: faster is only noise. */
const TEXT_UPDATE_MS = 1000;

const app = document.getElementById('app') ?? document.body.appendChild(document.createElement('div'));
const layout = buildLayout(app, viewKind());
const runs = new RunStore();
const persisted = loadState();
const chart = new ErrorChart(layout.canvas, readThemeColors(), { compact: layout.kind === 'sidebar', logScale: persisted.logScale === true });
const network = new NetworkDiagram(layout.kind);
const boundary = new DecisionBoundary(layout.boundaryCanvas, layout.kind);
let controls: Controls | undefined;
/** A recorded iteration the learner picked on the chart: its parameters replace the latest ones until "Back to latest". */
let inspected: { runId: string; iteration: number; parameters: LayerParameters[]; parameterSummary?: LayerSummary[] } | undefined;

layout.networkSection.querySelector('#network')!.append(network.element);
if (layout.controlsSlot) {
  controls = createControls();
  layout.controlsSlot.append(controls.element);
}
const panes = mountPanes(layout.kind, layout.parametersSection, layout.main);
layout.chartBox.after(attachInspect(chart, layout.canvas, () => runs.current, (runId, iteration) => post({ type: 'inspect', runId, iteration })));
// Focus goes to the pane when its "Back to latest" button disappears, not to the page's top.
layout.parametersSection.tabIndex = -1;
layout.parametersLatest.addEventListener('click', () => {
  inspected = undefined;
  renderRunState(true);
  layout.parametersSection.focus({ preventScroll: true });
});
layout.chartToolbar.append(
  createLogScaleToggle(persisted.logScale === true, (logScale) => {
    chart.setLogScale(logScale);
    saveState({ logScale });
  }),
);
watchTheme((colors) => {
  chart.applyTheme(colors);
  boundary.refreshTheme();
  network.refreshTheme();
});

/**
 * The latest boundary's hidden-unit heatmaps, kept as one object per message so the diagram repaints
 * only when they change. While a run streams them (4 a second) a new set is taken at most once a
 * second: each unit's picture is a PNG to encode and decode, and 20-pixel pictures need no more.
 */
let latestHeatmaps: (UnitHeatmapsView & { runId: string }) | undefined;
const HEATMAP_STREAM_MS = 1000;
let heatmapsTakenAt = -Infinity;
let heatmapTimer: ReturnType<typeof setTimeout> | undefined;
function keepHeatmaps(view: BoundaryView | undefined, streaming = false): void {
  const next = view?.units && { ...view.units, iteration: view.iteration, runId: view.runId };
  if (heatmapTimer !== undefined) clearTimeout(heatmapTimer);
  heatmapTimer = undefined;
  const take = () => {
    latestHeatmaps = next;
    heatmapsTakenAt = performance.now();
  };
  const wait = heatmapsTakenAt + HEATMAP_STREAM_MS - performance.now();
  if (!streaming || !next || wait <= 0) {
    take();
    return;
  }
  heatmapTimer = setTimeout(() => {
    heatmapTimer = undefined;
    take();
    paneUpdates();
  }, wait);
}

/** What each neuron sees, for the run on show and only at its latest parameters (an inspected iteration has none). */
function heatmapsToShow(): UnitHeatmapsView | undefined {
  return !inspected && latestHeatmaps && latestHeatmaps.runId === runs.current?.info.runId ? latestHeatmaps : undefined;
}

function chartSummary(run: RunSeries | undefined): string {
  if (!run || run.train.length === 0) return l10n.t('Error chart: no points yet');
  const first = run.train[0]!;
  const last = run.train[run.train.length - 1]!;
  const regularization = regularizationOf(run);
  const penalized = run.penalized?.[run.penalized.length - 1];
  const withPenalty = regularization && penalized
    ? l10n.t('A dotted curve adds the {0} once per training row: {1} at iteration {2}. ', penaltyName(regularization), formatSignificant(penalized.y, 4), formatInteger(penalized.x))
    : '';
  const values = [runs.runs.length, formatSignificant(first.y, 4), formatInteger(first.x), formatSignificant(last.y, 4), formatInteger(last.x)] as const;
  return (
    (run.unit === 'mean'
      ? l10n.t('Error chart of {0} run(s). Current run: mean error per training row {1} at iteration {2}, {3} at iteration {4}. ', ...values)
      : l10n.t('Error chart of {0} run(s). Current run: error {1} at iteration {2}, {3} at iteration {4}. ', ...values)) +
    withPenalty +
    l10n.t('The values are in the table "Error values as a table". To see the weights at a recorded iteration, move along the curve with the arrow keys and press Enter.')
  );
}

/** The words: status line, chart description and table (throttled while training). */
const textUpdates = intervalThrottle(() => {
  const run = runs.current;
  layout.status.textContent = statusText(run, runs.status);
  layout.status.dataset.empty = String(run === undefined);
  layout.canvas.setAttribute('aria-label', chartSummary(run));
  renderErrorTable(layout.errorTable, run);
  renderSeriesNote(layout.seriesNote, run);
}, TEXT_UPDATE_MS);

/** Data attributes are cheap and kept exact on every message (tests and tools read them). */
function updateChartAttributes(): void {
  const run = runs.current;
  const box = layout.chartBox;
  box.dataset.runStatus = runs.status;
  box.dataset.runCount = String(runs.runs.length);
  // Errors recorded by the run, not the points held: a long series is thinned (see runs.ts).
  box.dataset.pointCount = String(run?.recordedPoints ?? 0);
  setOrRemove(box, 'data-run-id', run?.info.runId);
  setOrRemove(box, 'data-last-error', run?.lastError === undefined ? undefined : String(run.lastError));
  setOrRemove(box, 'data-last-iteration', run?.lastIteration === undefined ? undefined : String(run.lastIteration));
}

/** The parameters pane and the network drawing: the inspected iteration's, else the current run's latest. */
function renderParametersAndNetwork(): void {
  const run = runs.current;
  const layers = inspected?.parameters ?? run?.parameters ?? [];
  const summary = inspected ? inspected.parameterSummary : run?.parameterSummary;
  layout.parametersSection.hidden = !renderParameters(layout.parameters, layers, run?.info.generatedBy, summary);
  layout.parametersInspect.hidden = inspected === undefined;
  setOrRemove(layout.parameters, 'data-at-iteration', inspected === undefined ? undefined : String(inspected.iteration));
  if (inspected) {
    const which = inspected.runId === run?.info.runId ? '' : ` of run ${inspected.runId}`;
    layout.parametersInspect.querySelector('.inspect-text')!.textContent = `At iteration ${formatInteger(inspected.iteration)}${which}. `;
  }
  layout.networkSection.hidden = layers.length === 0;
  network.show(layers, run?.info.settings.activation ?? 'sigmoid', run?.info.settings.inputs);
  network.showHeatmaps(heatmapsToShow());
}

/** Everything about the current run except the chart's points. */
function renderRunState(immediateText: boolean): void {
  const run = runs.current;
  updateChartAttributes();
  layout.chartSection.hidden = runs.runs.length === 0;
  renderParametersAndNetwork();
  renderRunMessage(layout.runMessage, run);
  controls?.setRunning(runs.status === 'running');
  if (immediateText) textUpdates.flush();
  else textUpdates.request();
}

/** While a run streams progress, its panes are redrawn at most every STREAM_REDRAW_MS, and not while the view is hidden. */
const paneUpdates = drawingScheduler('panes', () => renderRunState(false), { minIntervalMs: STREAM_REDRAW_MS });

function handle(message: HostMessage): void {
  switch (message.type) {
    case 'state':
      runs.replaceAll(message.runs);
      chart.setRuns(runs.runs);
      if (inspected && !runs.runs.some((run) => run.info.runId === inspected!.runId)) inspected = undefined;
      controls?.setDefaults(message.defaults);
      if (message.sessions) controls?.setSessions(message.sessions);
      panes.updateAll(message.panes);
      layout.boundarySection.hidden = !boundary.show(message.boundary);
      keepHeatmaps(message.boundary);
      renderRunState(true);
      break;
    case 'sessions':
      controls?.setSessions(message.sessions);
      break;
    case 'trainHandled':
      controls?.trainHandled(message.requestId);
      break;
    case 'runStarted':
      inspected = undefined;
      runs.start(message.run);
      chart.setRuns(runs.runs);
      renderRunState(true);
      break;
    case 'progress': {
      const run = runs.progress(message);
      if (!run) return;
      chart.requestStreamRender();
      // Older runs still finishing in the background do not touch the current run's panes.
      if (run === runs.current) {
        updateChartAttributes();
        paneUpdates();
      }
      break;
    }
    case 'runEnded':
      if (!runs.end(message)) return;
      chart.requestRender();
      renderRunState(true);
      break;
    case 'pane':
      panes.update(message);
      break;
    case 'parameterSnapshot':
      inspected = { runId: message.runId, iteration: message.iteration, parameters: message.parameters, parameterSummary: message.parameterSummary };
      renderRunState(true);
      break;
    case 'boundary':
      layout.boundarySection.hidden = !boundary.show(message.boundary);
      keepHeatmaps(message.boundary, runs.status === 'running');
      network.showHeatmaps(heatmapsToShow());
      break;
  }
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const data = event.data;
  // Only the host posts to this window; still, ignore anything that is not shaped like a message.
  if (typeof data !== 'object' || data === null || typeof (data as { type?: unknown }).type !== 'string') return;
  try {
    handle(data as HostMessage);
  } catch (error) {
    console.error('Neural Network Lab webview: could not render message', (data as { type: string }).type, error);
  }
});

renderRunState(true);
post({ type: 'ready' });
