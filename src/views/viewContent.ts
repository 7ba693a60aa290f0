// Which host messages each kind of view shows. The Error Chart side view has the chart, the status,
// the weights, the prediction, the network and the decision boundary; the controls, the step
// debugger, the explanation, the lesson and the bag of words are the Training panel's alone. A
// view is sent only what it shows: every message costs the workbench's thread, which in VS Code
// for the browser is also the thread the webviews run on.
import type { HostMessage } from '../protocol';

export type ViewKind = 'panel' | 'sidebar';

const PANEL_ONLY: ReadonlySet<HostMessage['type']> = new Set(['step', 'explanation', 'lesson', 'bagOfWords', 'trainHandled', 'sessions']);

/** The message as `kind` needs it, or undefined when that view shows none of it. */
export function messageFor(kind: ViewKind, message: HostMessage): HostMessage | undefined {
  if (kind === 'panel') return message;
  if (PANEL_ONLY.has(message.type)) return undefined;
  if (message.type === 'state') {
    const { explanation: _explanation, lesson: _lesson, step: _step, bag: _bag, sessions: _sessions, ...shown } = message;
    return shown;
  }
  return message;
}
