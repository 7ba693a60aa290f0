// The one HTML page both webviews load. Strict CSP: nothing but our own bundle, run with a
// fresh nonce; styles and images only from the extension; no inline code or styles.
import * as vscode from 'vscode';

export type WebviewKind = 'panel' | 'sidebar';

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

export function createNonce(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let nonce = '';
  const bytes = new Uint8Array(32);
  globalThis.crypto.getRandomValues(bytes);
  for (const byte of bytes) nonce += alphabet[byte % alphabet.length];
  return nonce;
}

export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, kind: WebviewKind, title: string): string {
  const nonce = createNonce();
  const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', name)).toString();
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link href="${asset('webview.css')}" rel="stylesheet">
<title>${escapeHtml(title)}</title>
</head>
<body data-view="${kind}"${l10nAttribute()}>
<div id="app"></div>
<script nonce="${nonce}" src="${asset('webview.js')}"></script>
</body>
</html>`;
}

/** VS Code's translations for the display language, for the webview's l10n.t (webview/l10nSetup.ts); none in English. */
function l10nAttribute(): string {
  const bundle = vscode.l10n.bundle;
  return bundle && Object.keys(bundle).length > 0 ? ` data-l10n="${escapeHtml(JSON.stringify(bundle))}"` : '';
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
