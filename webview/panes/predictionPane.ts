import { renderPrediction } from '../prediction';
import { l10n } from '../../src/l10n';
import type { Pane } from './pane';

export const predictionPane: Pane<'prediction'> = {
  section: { id: 'prediction-section', title: l10n.t('Prediction') },
  content: { id: 'prediction', className: 'prediction' },
  place: 'aside',
  reveal: false,
  render: (content, prediction) => renderPrediction(content, prediction),
};
