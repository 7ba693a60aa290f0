// The cumulative error with the weight penalty: drawn beside the tutorial's error when the file has
// "network.regularization". Each training row's loss is (prediction − target)² + penalty, so over
// all rows it is the tutorial's error + rows · penalty, and is named that way everywhere it is shown.
import type { Regularization } from '../src/core/regularization';
import type { ErrorUnit } from './errorUnit';
import type { RunSeries } from './runs';
import { l10n } from '../src/l10n';

/** Dotted, where the test curve is dashed and the training curve solid. */
export const PENALIZED_DASH = [2, 3];

/** "L2 penalty (rate 0.001)". */
export function penaltyName(regularization: Regularization): string {
  return l10n.t('{0} penalty (rate {1})', regularization.kind, regularization.rate);
}

/** The legend entry for a run's penalised curve: full in the panel, short in the side bar. */
export function penalizedLegendLabel(runLabel: string, regularization: Regularization, compact: boolean): string {
  return compact ? l10n.t('{0}, error + {1} penalty', runLabel, regularization.kind) : l10n.t('{0}, error + {1}', runLabel, penaltyName(regularization));
}

/** The legend entry for the same run's training curve without the penalty, so the two are told apart. */
export function unpenalizedLegendLabel(runLabel: string, compact: boolean): string {
  return compact ? l10n.t('{0}, error alone', runLabel) : l10n.t('{0}, error without the penalty', runLabel);
}

/** The table's column heading, beside the tutorial's "Error for all training instances" (or, with a
 *  test split, "Mean error per training row"). */
export function penalizedColumnTitle(regularization: Regularization, unit: ErrorUnit): string {
  return unit === 'mean'
    ? l10n.t('Mean error + {0} penalty per training row', regularization.kind)
    : l10n.t('Error + {0} penalty for all training instances', regularization.kind);
}

/** The run's regularization, when it has a penalised series to show. */
export function regularizationOf(run: RunSeries | undefined): Regularization | undefined {
  return run?.penalized ? run.info.settings.regularization : undefined;
}
