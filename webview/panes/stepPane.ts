import { renderStep } from '../stepView';
import { l10n } from '../../src/l10n';
import type { Pane } from './pane';

export const stepPane: Pane<'step'> = {
  section: { id: 'step-section', title: l10n.t('Step debugger: one SGD iteration') },
  content: { id: 'step-view', className: 'step-view' },
  place: 'below',
  reveal: true,
  render: (content, step) => renderStep(content, step),
};
