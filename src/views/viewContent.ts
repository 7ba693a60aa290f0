// Which host messages each kind of view shows. The Error Chart side view has the chart, the status,
// the weights, the network, the decision boundary and the panes PANE_VIEWS gives it (the
// prediction); the controls and the other panes are the Training panel's alone. A view is sent only
// what it shows: every message costs the workbench's thread, which in VS Code for the browser is
// also the thread the webviews run on.
import type { HostMessage } from '../protocol';
import { showsPane, type PaneData, type PaneKey, type ViewKind } from '../panes';

export type { ViewKind } from '../panes';

const PANEL_ONLY: ReadonlySet<HostMessage['type']> = new Set(['trainHandled', 'sessions']);

/** The message as `kind` needs it, or undefined when that view shows none of it. */
export function messageFor(kind: ViewKind, message: HostMessage): HostMessage | undefined {
  if (kind === 'panel') return message;
  if (PANEL_ONLY.has(message.type)) return undefined;
  if (message.type === 'pane') return showsPane(kind, message.key) ? message : undefined;
  if (message.type === 'state') {
    const { sessions: _sessions, panes, ...shown } = message;
    const kept: Partial<PaneData> = {};
    for (const key of Object.keys(panes ?? {}) as PaneKey[]) if (showsPane(kind, key)) Object.assign(kept, { [key]: panes![key] });
    return { ...shown, panes: kept };
  }
  return message;
}
