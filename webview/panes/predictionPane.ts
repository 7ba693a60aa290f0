import { renderPrediction } from '../prediction';
import type { Pane } from './pane';

export const predictionPane: Pane<'prediction'> = {
  section: { id: 'prediction-section', title: 'Prediction' },
  content: { id: 'prediction', className: 'prediction' },
  place: 'aside',
  reveal: false,
  render: (content, prediction) => renderPrediction(content, prediction),
};
