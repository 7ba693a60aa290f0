// The cumulative error with the weight penalty: drawn beside the tutorial's error when the file has
// "network.regularization". Each training row's loss is (prediction − target)² + penalty, so over
// all rows it is the tutorial's error + rows · penalty, and is named that way everywhere it is shown.
import type { Regularization } from '../src/core/regularization';
import type { ErrorUnit } from './errorUnit';
import type { RunSeries } from './runs';

/** Dotted, where the test curve is dashed and the training curve solid. */
export const PENALIZED_DASH = [2, 3];

/** "L2 penalty (rate 0.001)". */
export function penaltyName(regularization: Regularization): string {
  return `${regularization.kind} penalty (rate ${regularization.rate})`;
}

/** The legend entry for a run's penalised curve: full in the panel, short in the side bar. */
export function penalizedLegendLabel(runLabel: string, regularization: Regularization, compact: boolean): string {
  return compact ? `${runLabel}, error + ${regularization.kind} penalty` : `${runLabel}, error + ${penaltyName(regularization)}`;
}

/** The legend entry for the same run's training curve without the penalty, so the two are told apart. */
export function unpenalizedLegendLabel(runLabel: string, compact: boolean): string {
  return compact ? `${runLabel}, error alone` : `${runLabel}, error without the penalty`;
}

/** The table's column heading, beside the tutorial's "Error for all training instances" (or, with a
 *  test split, "Mean error per training row"). */
export function penalizedColumnTitle(regularization: Regularization, unit: ErrorUnit): string {
  return unit === 'mean'
    ? `Mean error + ${regularization.kind} penalty per training row`
    : `Error + ${regularization.kind} penalty for all training instances`;
}

/** The run's regularization, when it has a penalised series to show. */
export function regularizationOf(run: RunSeries | undefined): Regularization | undefined {
  return run?.penalized ? run.info.settings.regularization : undefined;
}
