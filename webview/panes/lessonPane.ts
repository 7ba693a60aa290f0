import { createLessonView, type LessonView } from '../lesson/lessonView';
import { l10n } from '../../src/l10n';
import type { Pane } from './pane';

/** Built on first use: the lesson keeps the learner's inputs between updates. */
let view: LessonView | undefined;
let shown = false;

export const lessonPane: Pane<'lesson'> = {
  section: { id: 'lesson', title: l10n.t('Lesson: the tutorial\'s numbers, computed live'), className: 'lesson' },
  content: { id: 'lesson-body', className: 'lesson-body' },
  place: 'below',
  // The lesson scrolls to its card itself.
  reveal: false,
  render(content, focus, update) {
    if (!focus) return (shown = false);
    if (!view) {
      view = createLessonView();
      content.append(...view.elements);
    }
    // A re-sent state does not scroll the learner away; a state that opens the lesson or moves its focus does.
    const scrolls = update !== 'state' || !shown || view.focus !== focus;
    shown = true;
    if (scrolls) {
      // Scrolling to the card needs the section on screen: the registry would unhide it only after this returns.
      if (content.parentElement) content.parentElement.hidden = false;
      view.show(focus);
    }
    return true;
  },
};
