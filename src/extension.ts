import * as vscode from 'vscode';

export function activate(_context: vscode.ExtensionContext): void {
  // Registration only; filled in as features land.
}

export function deactivate(): void {}
