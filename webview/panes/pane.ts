// One pane of the views: a section with a heading, filled from the data the host keeps for its key
// (src/panes.ts). The registry (registry.ts) mounts every pane a view shows and routes the host's
// `{ type: 'pane', key, data }` messages and the state's `panes` to it.
import type { PaneData, PaneKey } from '../../src/panes';

/** How the data arrived: with a state (a view opening or shown again), as news, or recomputed after a run. */
export type PaneUpdate = 'state' | 'new' | 'refreshed';

export interface Pane<Key extends PaneKey> {
  /** The section's id (its heading's is `${id}-heading`) and heading. */
  readonly section: { id: string; title: string; className?: string };
  /** The element `render` fills. */
  readonly content: { id: string; className: string };
  /** Beside the weights, or below the drawings in registry order. */
  readonly place: 'aside' | 'below';
  /** Scrolls into view when news arrives (not with a state, not when recomputed). */
  readonly reveal: boolean;
  /** Fills `content`; false when there is nothing to show, and the section hides. */
  render(content: HTMLElement, data: PaneData[Key] | undefined, update: PaneUpdate): boolean;
}
