// The VS Code for the Web entry (package.json `browser`): the same lab, in the Web Worker extension
// host, with Web Workers started from inlined sources.
import * as vscode from 'vscode';
import { activateLab } from '../../extension';
import type { LabApi } from '../../api';
import { webPlatform } from './webPlatform';
import { registerNoExercises } from './noExercises';

/** Set by this entry only: `isWeb` is also true in a browser workbench whose extensions run on a Node host. */
export const WEB_HOST_CONTEXT = 'neuralNetworkLab.webExtensionHost';

export function activate(context: vscode.ExtensionContext): LabApi {
  void vscode.commands.executeCommand('setContext', WEB_HOST_CONTEXT, true);
  const api = activateLab(context, webPlatform(), registerNoExercises);
  // The web end-to-end tests read this line to know the lab really runs without Node; the
  // benchmark reads the activation time from it (the host's API cannot be reached from outside).
  console.log(`Neural Network Lab: web extension host, typeof process === '${typeof process}', activated in ${api.activationMs.toFixed(1)} ms`);
  return api;
}

export function deactivate(): void {}
