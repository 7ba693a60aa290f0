// The panes beside the chart, shared by host and webview: the data each pane shows and the views it
// appears in. The host keeps that data (src/views/viewState.ts) and sends a change as one
// `{ type: 'pane', key, data }` message, only to the views that show the pane; the webview's
// registry (webview/panes/registry.ts) renders each key. A new pane: a line in PaneData and in
// PANE_VIEWS here, a file in webview/panes/ and its line in the registry.
import type { BagOfWordsView, ExplanationView, LessonCheckpoint, PredictionView, StepView } from './protocol';

export interface PaneData {
  prediction: PredictionView;
  step: StepView;
  explanation: ExplanationView;
  /** The lesson card to scroll to (the lesson computes its numbers in the webview). */
  lesson: LessonCheckpoint;
  bag: BagOfWordsView;
}
export type PaneKey = keyof PaneData;

/** The Training panel, or the Error Chart view in the side bar. */
export type ViewKind = 'panel' | 'sidebar';

export const PANE_VIEWS: { readonly [Key in PaneKey]: readonly ViewKind[] } = {
  prediction: ['panel', 'sidebar'],
  step: ['panel'],
  explanation: ['panel'],
  lesson: ['panel'],
  bag: ['panel'],
};

export const PANE_KEYS = Object.keys(PANE_VIEWS) as PaneKey[];

/** `refreshed`: the same pane recomputed (after a run), so the view does not scroll to it. */
export type PaneMessage = { [Key in PaneKey]: { type: 'pane'; key: Key; data: PaneData[Key]; refreshed?: boolean } }[PaneKey];

export const showsPane = (kind: ViewKind, key: PaneKey): boolean => PANE_VIEWS[key].includes(kind);
