// The first time the extension activates in a profile, its walkthrough opens: what VS Code does by
// itself when an extension is installed from the Marketplace, done here for every other way in
// (a VSIX, npm start, F5). It follows VS Code's own setting for that, so a user (or a test
// profile) who turned walkthroughs-on-install off is left alone.
import * as vscode from 'vscode';

export const WALKTHROUGH_ID = 'buildNeuralNetwork';
const OPENED_KEY = 'neuralNetworkLab.walkthroughOpened';

export interface FirstRunContext {
  globalState: vscode.Memento;
  extension: { id: string };
}

/** Opens the walkthrough once per profile; resolves true when it did. Never throws: a first run must not break activation. */
export async function openWalkthroughOnFirstRun(context: FirstRunContext): Promise<boolean> {
  if (context.globalState.get<boolean>(OPENED_KEY)) return false;
  if (!vscode.workspace.getConfiguration('workbench.welcomePage').get<boolean>('walkthroughs.openOnInstall', true)) return false;
  await context.globalState.update(OPENED_KEY, true);
  try {
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${WALKTHROUGH_ID}`, false);
    return true;
  } catch {
    return false;
  }
}
