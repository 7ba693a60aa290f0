// The Training panel: a WebviewPanel beside the editor, one at a time, restored after a reload.
import * as vscode from 'vscode';
import type { ViewHub } from './viewHub';
import { webviewHtml, webviewOptions } from './webviewHtml';

export const TRAINING_PANEL_TYPE = 'neuralNetworkLab.training';
const TITLE = 'Neural Network Training';

export class TrainingPanel implements vscode.Disposable {
  private panel?: vscode.WebviewPanel;
  private connection?: vscode.Disposable;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly hub: ViewHub,
  ) {}

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  /** Shows the panel beside the active editor, creating it if needed. */
  show(preserveFocus = true): void {
    if (this.panel) {
      this.panel.reveal(undefined, preserveFocus);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      TRAINING_PANEL_TYPE,
      TITLE,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus },
      { ...webviewOptions(this.extensionUri), retainContextWhenHidden: false },
    );
    this.adopt(panel);
  }

  /** Used by the serializer after a reload, and by show(). */
  adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'activity-bar.svg');
    panel.webview.options = webviewOptions(this.extensionUri);
    panel.webview.html = webviewHtml(panel.webview, this.extensionUri, 'panel', TITLE);
    this.connection = this.hub.attach(panel, 'panel', panel.onDidChangeViewState);
    panel.onDidDispose(() => {
      // Closing the panel never touches a run: only the connection goes.
      this.connection?.dispose();
      this.connection = undefined;
      this.panel = undefined;
    });
  }

  serializer(): vscode.WebviewPanelSerializer {
    return {
      deserializeWebviewPanel: async (panel: vscode.WebviewPanel) => {
        this.adopt(panel);
      },
    };
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
