// Text alternative to the chart: the current run's last recorded points as a table.
// It is always in the accessibility tree; sighted users open it from a <details> toggle.
import { el, replaceChildren } from '../dom';
import { l10n } from '../../src/l10n';
import { formatInteger, formatSignificant } from '../format';
import type { RunSeries } from '../runs';
import { SUM_AXIS_TITLE } from '../errorUnit';
import { penalizedColumnTitle, regularizationOf } from '../penalty';

export const TABLE_ROWS = 20;

export function renderErrorTable(table: HTMLTableElement, run: RunSeries | undefined): void {
  const body = table.tBodies[0] ?? table.appendChild(el('tbody'));
  const points = run ? run.train.slice(-TABLE_ROWS) : [];
  const testByIteration = new Map((run ? run.test.slice(-TABLE_ROWS * 2) : []).map((point) => [point.x, point.y]));
  const hasTest = testByIteration.size > 0;
  table.classList.toggle('has-test', hasTest);
  const regularization = regularizationOf(run);
  const penalizedByIteration = new Map((run?.penalized ?? []).slice(-TABLE_ROWS * 2).map((point) => [point.x, point.y]));
  table.classList.toggle('has-penalty', regularization !== undefined);
  // The same numbers the chart draws: sums, or with a test split means per row.
  const headings = table.tHead?.rows[0]?.cells;
  if (headings) {
    headings[1].textContent = run?.unit === 'mean' ? l10n.t('Mean error per training row') : SUM_AXIS_TITLE;
    headings[2].textContent = run?.unit === 'mean' ? l10n.t('Mean error per test row') : l10n.t('Error on test rows');
    if (regularization) headings[3].textContent = penalizedColumnTitle(regularization, run!.unit);
  }
  replaceChildren(
    body,
    ...points.map((point) => {
      const test = testByIteration.get(point.x);
      const penalized = penalizedByIteration.get(point.x);
      return el(
        'tr',
        { 'data-iteration': point.x, 'data-error': String(point.y), ...(penalized === undefined ? {} : { 'data-penalized': String(penalized) }) },
        el('td', { class: 'number' }, formatInteger(point.x)),
        el('td', { class: 'number' }, formatSignificant(point.y, 6)),
        hasTest ? el('td', { class: 'number' }, test === undefined ? '' : formatSignificant(test, 6)) : null,
        regularization ? el('td', { class: 'number' }, penalized === undefined ? '' : formatSignificant(penalized, 6)) : null,
      );
    }),
  );
  if (points.length === 0) body.append(el('tr', {}, el('td', { colspan: 4 }, l10n.t('No points recorded yet.'))));
}

export function createErrorTable(): HTMLTableElement {
  return el(
    'table',
    { id: 'error-table', class: 'data-table error-table' },
    el('caption', {}, l10n.t('Last {0} recorded errors of the current run', TABLE_ROWS)),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col', class: 'numeric' }, l10n.t('Iteration')),
        el('th', { scope: 'col', class: 'numeric' }, SUM_AXIS_TITLE),
        el('th', { scope: 'col', class: 'numeric test-column' }, l10n.t('Error on test rows')),
        el('th', { scope: 'col', class: 'numeric penalty-column' }, l10n.t('Error + penalty for all training instances')),
      ),
    ),
    el('tbody'),
  );
}
