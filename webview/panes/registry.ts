// Every pane, by the key the host sends its data under. The record's type makes the compiler
// report a key of src/panes.ts without a pane here.
import { PANE_KEYS, showsPane, type PaneData, type PaneKey, type PaneMessage, type ViewKind } from '../../src/panes';
import { el } from '../dom';
import type { Pane, PaneUpdate } from './pane';
import { predictionPane } from './predictionPane';
import { stepPane } from './stepPane';
import { explanationPane } from './explanationPane';
import { lessonPane } from './lessonPane';
import { bagOfWordsPane } from './bagOfWordsPane';

export const PANES: { readonly [Key in PaneKey]: Pane<Key> } = {
  prediction: predictionPane,
  step: stepPane,
  explanation: explanationPane,
  lesson: lessonPane,
  bag: bagOfWordsPane,
};

export interface MountedPanes {
  /** One pane's news from the host. */
  update(message: PaneMessage): void;
  /** Every pane from a state: a pane without data hides. */
  updateAll(panes: Partial<PaneData> | undefined): void;
}

/** Builds the sections of the panes `kind` shows: `aside` ones after `aside`, `below` ones at the end of `main`. */
export function mountPanes(kind: ViewKind, aside: HTMLElement, main: HTMLElement): MountedPanes {
  const mounted = new Map<PaneKey, { section: HTMLElement; content: HTMLElement }>();
  let lastAside: HTMLElement = aside;
  for (const key of PANE_KEYS) {
    if (!showsPane(kind, key)) continue;
    const pane: Pane<PaneKey> = PANES[key] as Pane<PaneKey>;
    const { id, title, className } = pane.section;
    const content = el('div', { id: pane.content.id, class: pane.content.className });
    const section = el('section', { id, class: className ? `pane ${className}` : 'pane', 'aria-labelledby': `${id}-heading`, hidden: true },
      el('h2', { id: `${id}-heading` }, title), content);
    if (pane.place === 'aside') {
      lastAside.after(section);
      lastAside = section;
    } else {
      main.append(section);
    }
    mounted.set(key, { section, content });
  }

  function render(key: PaneKey, data: PaneData[PaneKey] | undefined, update: PaneUpdate): void {
    const found = mounted.get(key);
    if (!found) return;
    const pane = PANES[key] as Pane<PaneKey>;
    const shown = pane.render(found.content, data, update);
    found.section.hidden = !shown;
    if (shown && update === 'new' && pane.reveal) found.section.scrollIntoView({ block: 'nearest' });
  }

  return {
    update: (message) => render(message.key, message.data, message.refreshed ? 'refreshed' : 'new'),
    updateAll: (panes) => {
      for (const key of PANE_KEYS) render(key, panes?.[key], 'state');
    },
  };
}
