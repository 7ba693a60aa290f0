// What the error curve's numbers are. Without a test split, the tutorial's: the sum of the squared
// errors over all training rows. With one, a sum over 60 training rows and a sum over 20 test rows
// cannot be compared (the test curve would sit lower just for having fewer rows), so both curves
// are drawn as the mean error per row, and the axis says so.
import type { RunInfo } from '../src/protocol';
import { l10n } from '../src/l10n';

export type ErrorUnit = 'sum' | 'mean';

/** The tutorial's y-axis label, for a sum over the training rows. */
export const SUM_AXIS_TITLE = l10n.t('Error for all training instances');
export const MEAN_AXIS_TITLE = l10n.t('Mean error per row (training and test rows)');

export function errorUnit(info: RunInfo): ErrorUnit {
  return info.testRows > 0 ? 'mean' : 'sum';
}

/** What each recorded sum is divided by before it is drawn. */
export function errorDivisors(info: RunInfo): { train: number; test: number } {
  return errorUnit(info) === 'mean' ? { train: Math.max(1, info.trainRows), test: Math.max(1, info.testRows) } : { train: 1, test: 1 };
}

export function axisTitle(unit: ErrorUnit): string {
  return unit === 'mean' ? MEAN_AXIS_TITLE : SUM_AXIS_TITLE;
}

/** Said after a legend label when a run's unit differs from the axis's (runs of several files overlaid). */
export function unitSuffix(unit: ErrorUnit): string {
  return ` (${unit === 'mean' ? l10n.t('mean per row') : l10n.t('sum over training rows')})`;
}
