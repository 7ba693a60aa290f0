// Fans host messages out to every open webview (the Training panel and the Error Chart view)
// and funnels their messages back, validated. A hidden webview receives nothing, so a view
// gets the full state again when it says `ready` or becomes visible.
import * as vscode from 'vscode';
import { parseWebviewMessage, type HostMessage, type WebviewMessage } from '../protocol';

export interface ViewTarget {
  readonly webview: vscode.Webview;
  readonly visible: boolean;
}

export class ViewHub implements vscode.Disposable {
  private readonly targets = new Set<ViewTarget>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly currentState: () => HostMessage,
    private readonly handle: (message: WebviewMessage) => void,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Starts talking to a webview; returns what stops it. */
  attach(target: ViewTarget, onDidChangeVisibility: vscode.Event<unknown>): vscode.Disposable {
    this.targets.add(target);
    const subscriptions = [
      target.webview.onDidReceiveMessage((raw: unknown) => this.receive(target, raw)),
      onDidChangeVisibility(() => {
        if (target.visible) this.sendState(target);
      }),
    ];
    return new vscode.Disposable(() => {
      this.targets.delete(target);
      subscriptions.forEach((subscription) => subscription.dispose());
    });
  }

  broadcast(message: HostMessage): void {
    for (const target of this.targets) {
      if (target.visible) void target.webview.postMessage(message);
    }
  }

  refreshAll(): void {
    for (const target of this.targets) if (target.visible) this.sendState(target);
  }

  private sendState(target: ViewTarget): void {
    void target.webview.postMessage(this.currentState());
  }

  /** The validation path of every webview message, for a message with no view to answer. */
  receiveRaw(raw: unknown): void {
    this.receive(undefined, raw);
  }

  private receive(target: ViewTarget | undefined, raw: unknown): void {
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
    this.targets.clear();
    this.disposables.forEach((disposable) => disposable.dispose());
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
