// The Error Chart side view: the same run as the panel, compact, in the activity-bar container.
import * as vscode from 'vscode';
import type { ViewHub } from './viewHub';
import { webviewHtml, webviewOptions } from './webviewHtml';

export const ERROR_CHART_VIEW_ID = 'neuralNetworkLab.errorChart';

export class ErrorChartViewProvider implements vscode.WebviewViewProvider {
  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly hub: ViewHub,
  ) {}

  resolveWebviewView(view: vscode.WebviewView): void {
    view.webview.options = webviewOptions(this.extensionUri);
    view.webview.html = webviewHtml(view.webview, this.extensionUri, 'sidebar', 'Error Chart');
    const connection = this.hub.attach(view, 'sidebar', view.onDidChangeVisibility);
    view.onDidDispose(() => connection.dispose());
  }
}
