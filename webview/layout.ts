// Builds each view's DOM inside #app. The panel gets controls and the explanation; the side
// bar view stays compact (chart, status, parameters, prediction).
import { createErrorTable } from './accessibility/table';
import { el } from './dom';

export type ViewKind = 'panel' | 'sidebar';

export interface Layout {
  kind: ViewKind;
  status: HTMLElement;
  runMessage: HTMLElement;
  chartSection: HTMLElement;
  chartBox: HTMLElement;
  canvas: HTMLCanvasElement;
  chartToolbar: HTMLElement;
  errorTable: HTMLTableElement;
  parametersSection: HTMLElement;
  parameters: HTMLElement;
  predictionSection: HTMLElement;
  prediction: HTMLElement;
  explanationSection?: HTMLElement;
  explanation?: HTMLElement;
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
  const details = el('details', { id: 'error-table-toggle', class: 'table-toggle' }, el('summary', {}, 'Error values as a table'));
  details.addEventListener('toggle', () => wrap.classList.toggle('visually-hidden', !details.open));
  return [details, wrap];
}

export function buildLayout(app: HTMLElement, kind: ViewKind): Layout {
  const status = el('p', { id: 'run-status', class: 'run-status', role: 'status', 'aria-live': 'polite' });
  const runMessage = el('div', { id: 'run-message', class: 'run-message', hidden: true });
  const canvas = el('canvas', { role: 'img', 'aria-label': 'Error chart: no runs yet' });
  const chartBox = el('div', {
    id: 'error-chart',
    class: 'chart-box',
    'data-point-count': 0,
    'data-run-status': 'idle',
    'data-run-count': 0,
  }, canvas);
  const chartToolbar = el('div', { class: 'chart-toolbar' });
  const errorTable = createErrorTable();
  const chartHeading = el('h2', { id: 'chart-section-heading', class: kind === 'sidebar' ? 'visually-hidden' : '' }, 'Error during training');
  const chartSection = el(
    'section',
    { id: 'chart-section', class: 'pane chart-section', 'aria-labelledby': 'chart-section-heading', hidden: true },
    chartHeading,
    chartBox,
    chartToolbar,
    ...tableDisclosure(errorTable),
  );
  const parameters = el('div', { id: 'parameters', class: 'parameters' });
  const prediction = el('div', { id: 'prediction', class: 'prediction' });
  const parametersSection = section('parameters-section', 'Weights and bias', parameters);
  const predictionSection = section('prediction-section', 'Prediction', prediction);
  const layout: Layout = {
    kind, status, runMessage, chartSection, chartBox, canvas, chartToolbar, errorTable,
    parametersSection, parameters, predictionSection, prediction,
  };

  const main = el('main', { class: `view view-${kind}` });
  if (kind === 'panel') {
    layout.controlsSlot = el('div', { class: 'controls-slot' });
    layout.explanation = el('div', { id: 'explanation', class: 'explanation' });
    layout.explanationSection = section('explanation-section', 'Explanation', layout.explanation);
    main.append(
      el('header', { class: 'panel-header' }, el('h1', {}, 'Neural Network Lab: training'), layout.controlsSlot),
      status,
      runMessage,
      chartSection,
      el('div', { class: 'panes' }, parametersSection, predictionSection),
      layout.explanationSection,
    );
  } else {
    main.append(status, runMessage, chartSection, parametersSection, predictionSection);
  }
  app.replaceChildren(main);
  return layout;
}
