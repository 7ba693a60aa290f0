// The VS Code for the Web entry (package.json `browser`): the same lab, in the Web Worker extension
// host, with Web Workers started from inlined sources.
import * as vscode from 'vscode';
import { activateLab } from '../../extension';
import type { LabApi } from '../../api';
import { webPlatform } from './webPlatform';

/** Set by this entry only: `isWeb` is also true in a browser workbench whose extensions run on a Node host. */
export const WEB_HOST_CONTEXT = 'neuralNetworkLab.webExtensionHost';

export function activate(context: vscode.ExtensionContext): LabApi {
  // The end-to-end tests read this line to know the lab really runs without Node.
  console.log(`Neural Network Lab: web extension host, typeof process === '${typeof process}'`);
  void vscode.commands.executeCommand('setContext', WEB_HOST_CONTEXT, true);
  return activateLab(context, webPlatform());
}

export function deactivate(): void {}
