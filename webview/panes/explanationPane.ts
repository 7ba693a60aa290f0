import { renderExplanation } from '../explanation';
import { l10n } from '../../src/l10n';
import type { Pane } from './pane';

export const explanationPane: Pane<'explanation'> = {
  section: { id: 'explanation-section', title: l10n.t('Explanation') },
  content: { id: 'explanation', className: 'explanation' },
  place: 'below',
  reveal: true,
  render: (content, explanation) => renderExplanation(content, explanation),
};
