// Builds each view's DOM inside #app: the chart, the status, the weights, the network drawing and the
// decision boundary, and the panel's controls. The panes (prediction, step debugger, explanation,
// lesson, bag of words) are mounted by webview/panes/registry.ts into the view that shows them.
import { createErrorTable } from './accessibility/table';
import { button } from './buttons';
import { el } from './dom';
import { l10n } from '../src/l10n';
import type { ViewKind } from '../src/panes';

export type { ViewKind } from '../src/panes';

export interface Layout {
  kind: ViewKind;
  /** Where the panes below the drawings go. */
  main: HTMLElement;
  status: HTMLElement;
  runMessage: HTMLElement;
  chartSection: HTMLElement;
  chartBox: HTMLElement;
  canvas: HTMLCanvasElement;
  chartToolbar: HTMLElement;
  /** "The chart keeps N of M recorded errors…" when a long run's series is thinned. */
  seriesNote: HTMLElement;
  errorTable: HTMLTableElement;
  parametersSection: HTMLElement;
  parameters: HTMLElement;
  /** "At iteration N · Back to latest" while the learner inspects a recorded iteration. */
  parametersInspect: HTMLElement;
  parametersLatest: HTMLElement;
  networkSection: HTMLElement;
  boundarySection: HTMLElement;
  boundaryCanvas: HTMLCanvasElement;
  /** Where the panel's controls go; absent in the side bar. */
  controlsSlot?: HTMLElement;
}

export function viewKind(): ViewKind {
  return document.body.dataset.view === 'sidebar' ? 'sidebar' : 'panel';
}

function section(id: string, title: string, content: HTMLElement, level: 'h2' | 'h3' = 'h2'): HTMLElement {
  const headingId = `${id}-heading`;
  return el('section', { id, class: 'pane', 'aria-labelledby': headingId, hidden: true }, el(level, { id: headingId }, title), content);
}

/**
 * The table is outside <details> on purpose: the content of a closed <details> leaves the
 * accessibility tree, but screen readers should always find the values. The toggle only
 * decides whether sighted users see it.
 */
function tableDisclosure(table: HTMLTableElement): HTMLElement[] {
  const wrap = el('div', { id: 'error-table-wrap', class: 'table-wrap visually-hidden' }, table);
  const details = el('details', { id: 'error-table-toggle', class: 'table-toggle' }, el('summary', {}, l10n.t('Error values as a table')));
  details.addEventListener('toggle', () => wrap.classList.toggle('visually-hidden', !details.open));
  return [details, wrap];
}

export function buildLayout(app: HTMLElement, kind: ViewKind): Layout {
  const status = el('p', { id: 'run-status', class: 'run-status', role: 'status', 'aria-live': 'polite' });
  const runMessage = el('div', { id: 'run-message', class: 'run-message', hidden: true });
  const canvas = el('canvas', { role: 'img', 'aria-label': l10n.t('Error chart: no runs yet') });
  const chartBox = el('div', {
    id: 'error-chart',
    class: 'chart-box',
    'data-point-count': 0,
    'data-run-status': 'idle',
    'data-run-count': 0,
  }, canvas);
  const chartToolbar = el('div', { class: 'chart-toolbar' });
  const seriesNote = el('p', { id: 'series-note', class: 'note', hidden: true });
  const errorTable = createErrorTable();
  const chartHeading = el('h2', { id: 'chart-section-heading', class: kind === 'sidebar' ? 'visually-hidden' : '' }, l10n.t('Error during training'));
  const chartSection = el(
    'section',
    { id: 'chart-section', class: 'pane chart-section', 'aria-labelledby': 'chart-section-heading', hidden: true },
    chartHeading,
    chartBox,
    chartToolbar,
    seriesNote,
    ...tableDisclosure(errorTable),
  );
  const parameters = el('div', { id: 'parameters', class: 'parameters' });
  const parametersLatest = button('parameters-latest', l10n.t('Back to latest'), true, l10n.t('Back to the latest weights'));
  const parametersInspect = el('p', { id: 'parameters-inspect', class: 'inspect-banner', hidden: true }, el('span', { class: 'inspect-text' }), parametersLatest);
  const parametersSection = section('parameters-section', l10n.t('Weights and bias'), el('div', {}, parametersInspect, parameters));
  const networkSection = section('network-section', l10n.t('Network'), el('div', { id: 'network', class: 'network' }));
  const boundaryCanvas = el('canvas', { id: 'decision-boundary', class: 'boundary-canvas', role: 'img', 'aria-label': l10n.t('Decision boundary') });
  const boundarySection = section('boundary-section', l10n.t('Decision boundary'), el('div', { class: 'boundary' }, boundaryCanvas, boundaryLegend()));
  const main = el('main', { class: `view view-${kind}` });
  const layout: Layout = {
    kind, main, status, runMessage, chartSection, chartBox, canvas, chartToolbar, seriesNote, errorTable,
    parametersSection, parameters, parametersInspect, parametersLatest, networkSection, boundarySection, boundaryCanvas,
  };

  if (kind === 'panel') {
    layout.controlsSlot = el('div', { class: 'controls-slot' });
    main.append(
      el('header', { class: 'panel-header' }, el('h1', {}, l10n.t('Neural Network Lab: training')), layout.controlsSlot),
      status,
      runMessage,
      chartSection,
      el('div', { class: 'panes' }, parametersSection),
      el('div', { class: 'panes visual-panes' }, networkSection, boundarySection),
    );
  } else {
    main.append(status, runMessage, chartSection, parametersSection, networkSection, boundarySection);
  }
  app.replaceChildren(main);
  return layout;
}

/** The heatmap's key, in HTML so its swatches take the theme colours straight from CSS. */
function boundaryLegend(): HTMLElement {
  const item = (swatch: string, text: string) => el('li', {}, el('span', { class: `swatch ${swatch}`, 'aria-hidden': 'true' }), text);
  return el(
    'ul',
    { class: 'boundary-legend', 'aria-label': l10n.t('Key') },
    item('swatch-class0', l10n.t('predicts 0')),
    item('swatch-class1', l10n.t('predicts 1')),
    item('marker-line', l10n.t('prediction 0.5')),
    item('marker-train', l10n.t('training row')),
    item('marker-test', l10n.t('test row')),
    item('marker-none', l10n.t('no target')),
  );
}
