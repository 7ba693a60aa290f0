// What the panes show, kept by the host so a view that opens (or is shown again) gets it back with
// the state. `set` both stores a pane's data and sends it to the open views: there is no way to do
// one without the other.
import type { BagOfWordsView, ExplanationView, HostMessage, LessonCheckpoint, PredictionView, StepView } from '../protocol';

export interface PaneData {
  prediction: PredictionView;
  explanation: ExplanationView;
  lesson: LessonCheckpoint;
  step: StepView;
  bag: BagOfWordsView;
}
export type PaneKey = keyof PaneData;

/** `refreshed`: the same pane recomputed (after a run), so the view does not scroll to it. */
const MESSAGES: { [Key in PaneKey]: (data: PaneData[Key], refreshed: boolean) => HostMessage } = {
  prediction: (prediction) => ({ type: 'prediction', prediction }),
  explanation: (explanation, refreshed) => (refreshed ? { type: 'explanation', explanation, refreshed } : { type: 'explanation', explanation }),
  lesson: (focus) => ({ type: 'lesson', focus }),
  step: (step) => ({ type: 'step', step }),
  bag: (bag) => ({ type: 'bagOfWords', bag }),
};

export class ViewState {
  private readonly data: Partial<PaneData> = {};

  constructor(private readonly post: (message: HostMessage) => void) {}

  get<Key extends PaneKey>(key: Key): PaneData[Key] | undefined {
    return this.data[key];
  }

  /** Stores the pane's data and sends it to every open view. */
  set<Key extends PaneKey>(key: Key, value: PaneData[Key], options: { refreshed?: boolean } = {}): void {
    this.data[key] = value;
    this.post(MESSAGES[key](value, options.refreshed ?? false));
  }

  /** Forgets the panes' data; the views learn it with the next state. */
  clear(...keys: PaneKey[]): void {
    for (const key of keys) delete this.data[key];
  }

  /** Every pane's data, for the state a view gets when it opens. */
  all(): Readonly<Partial<PaneData>> {
    return { ...this.data };
  }
}
