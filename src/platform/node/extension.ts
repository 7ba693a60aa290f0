// The desktop entry (package.json `main`): the lab with worker threads.
import type * as vscode from 'vscode';
import { activateLab } from '../../extension';
import type { LabApi } from '../../api';
import { nodePlatform } from './nodePlatform';
import { registerExercises } from '../../exercise/register';

export function activate(context: vscode.ExtensionContext): LabApi {
  return activateLab(context, nodePlatform(context.asAbsolutePath('dist')), registerExercises);
}

export function deactivate(): void {}
