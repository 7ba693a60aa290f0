import { renderExplanation } from '../explanation';
import type { Pane } from './pane';

export const explanationPane: Pane<'explanation'> = {
  section: { id: 'explanation-section', title: 'Explanation' },
  content: { id: 'explanation', className: 'explanation' },
  place: 'below',
  reveal: true,
  render: (content, explanation) => renderExplanation(content, explanation),
};
