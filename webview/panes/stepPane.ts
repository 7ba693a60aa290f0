import { renderStep } from '../stepView';
import type { Pane } from './pane';

export const stepPane: Pane<'step'> = {
  section: { id: 'step-section', title: 'Step debugger: one SGD iteration' },
  content: { id: 'step-view', className: 'step-view' },
  place: 'below',
  reveal: true,
  render: (content, step) => renderStep(content, step),
};
