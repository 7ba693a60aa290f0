// Fans host messages out to every open webview (the Training panel and the Error Chart view)
// and funnels their messages back, validated. A hidden webview receives nothing, so a view
// gets the full state again when it says `ready` or becomes visible.
import * as vscode from 'vscode';
import { parseWebviewMessage, type HostMessage, type WebviewMessage } from '../protocol';
import { messageFor, type ViewKind } from './viewContent';
import { StreamPacer } from './streamPacer';

export interface ViewTarget {
  readonly webview: vscode.Webview;
  readonly visible: boolean;
}

interface Attached {
  readonly target: ViewTarget;
  readonly kind: ViewKind;
}

export class ViewHub implements vscode.Disposable {
  private readonly targets = new Set<Attached>();
  /**
   * A run's progress and boundary go out paced (streamPacer.ts), each once the views have taken the
   * last; everything else at once, after them.
   */
  private readonly pacer = new StreamPacer((message) => {
    const delivered: Thenable<boolean>[] = [];
    for (const attached of this.targets) {
      const posted = this.post(attached, message);
      if (posted) delivered.push(posted);
    }
    return Promise.all(delivered);
  });

  constructor(
    private readonly currentState: () => HostMessage,
    private readonly handle: (message: WebviewMessage) => void,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Starts talking to a webview; returns what stops it. `kind` says what it shows (see viewContent.ts). */
  attach(target: ViewTarget, kind: ViewKind, onDidChangeVisibility: vscode.Event<unknown>): vscode.Disposable {
    const attached: Attached = { target, kind };
    this.targets.add(attached);
    const subscriptions = [
      target.webview.onDidReceiveMessage((raw: unknown) => this.receive(attached, raw)),
      onDidChangeVisibility(() => {
        if (target.visible) this.sendState(attached);
      }),
    ];
    return new vscode.Disposable(() => {
      this.targets.delete(attached);
      subscriptions.forEach((subscription) => subscription.dispose());
    });
  }

  /** How many webviews are attached and visible (tests wait for the panel and the view). */
  get visibleCount(): number {
    let count = 0;
    for (const attached of this.targets) if (attached.target.visible) count++;
    return count;
  }

  /** To every visible view that shows it; a hidden view gets the full state when it is shown again. */
  broadcast(message: HostMessage): void {
    this.pacer.post(message);
  }

  refreshAll(): void {
    this.pacer.flush();
    for (const attached of this.targets) void this.post(attached, this.currentState());
  }

  /** The full state, after what is pending (a state includes the stream so far: nothing may follow it twice). */
  private sendState(attached: Attached): void {
    this.pacer.flush();
    void this.post(attached, this.currentState());
  }

  /** What settles once the view has the message; undefined when it was not sent. */
  private post(attached: Attached, message: HostMessage): Thenable<boolean> | undefined {
    if (!attached.target.visible) return undefined;
    const shown = messageFor(attached.kind, message);
    if (!shown) return undefined;
    return attached.target.webview.postMessage(shown);
  }

  /** The validation path of every webview message, for a message with no view to answer. */
  receiveRaw(raw: unknown): void {
    this.receive(undefined, raw);
  }

  private receive(target: Attached | undefined, raw: unknown): void {
    const message = parseWebviewMessage(raw);
    if (!message) {
      this.log.warn(`Ignored a malformed message from a webview: ${safeStringify(raw)}`);
      return;
    }
    if (message.type === 'ready') {
      if (target) this.sendState(target);
      return;
    }
    try {
      this.handle(message);
    } catch (error) {
      this.log.error(`Handling webview message "${message.type}" failed`, error);
    }
  }

  dispose(): void {
    this.pacer.dispose();
    this.targets.clear();
  }
}

function safeStringify(value: unknown): string {
  try {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
  } catch {
    return String(value);
  }
}
