// Says so when the chart shows a thinned series: a learner comparing the curve with the numbers
// should know that a long run's older stretches are kept as their extremes, not every point.
import type { RunSeries } from './runs';
import { formatInteger } from './format';
import { l10n } from '../src/l10n';

export function seriesNoteText(run: RunSeries | undefined): string | undefined {
  if (!run || run.recordedPoints <= run.train.length) return undefined;
  return l10n.t('The chart keeps {0} of the {1} errors this run recorded: each thinned stretch keeps its first, lowest, highest and last error.',
    formatInteger(run.train.length), formatInteger(run.recordedPoints));
}

export function renderSeriesNote(note: HTMLElement, run: RunSeries | undefined): void {
  const text = seriesNoteText(run);
  note.hidden = text === undefined;
  note.textContent = text ?? '';
  if (run) note.dataset.recordedCount = String(run.recordedPoints);
}
