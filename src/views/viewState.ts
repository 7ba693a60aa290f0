// What the panes show, kept by the host so a view that opens (or is shown again) gets it back with
// the state. `set` both stores a pane's data and sends it to the open views: there is no way to do
// one without the other.
import type { HostMessage } from '../protocol';
import type { PaneData, PaneKey, PaneMessage } from '../panes';

export class ViewState {
  private readonly data: Partial<PaneData> = {};

  constructor(private readonly post: (message: HostMessage) => void) {}

  get<Key extends PaneKey>(key: Key): PaneData[Key] | undefined {
    return this.data[key];
  }

  /** Stores the pane's data and sends it to every open view that shows the pane. */
  set<Key extends PaneKey>(key: Key, data: PaneData[Key], options: { refreshed?: boolean } = {}): void {
    this.data[key] = data;
    this.post({ type: 'pane', key, data, ...(options.refreshed ? { refreshed: true } : {}) } as PaneMessage);
  }

  /** Forgets the panes' data; the views learn it with the next state. */
  clear(...keys: PaneKey[]): void {
    for (const key of keys) delete this.data[key];
  }

  /** Every pane's data, for the state a view gets when it opens. */
  all(): Partial<PaneData> {
    return { ...this.data };
  }
}
