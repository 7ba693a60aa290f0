// One clear message when there is no Python to run the checks with, or it has no NumPy: what was
// looked for, and the exact command that installs what is missing on this machine.
import * as vscode from 'vscode';
import type { HarnessEvent } from './harnessProtocol';
import { installCommand, isDebian, type Interpreter, type InterpreterChoice } from './interpreter';

export type ResolvedInterpreter = Interpreter;

type NoNumpy = Extract<HarnessEvent, { event: 'noNumpy' }>;

/** The message for a choice that cannot run the checks; undefined when it can. */
export function pythonProblem(choice: InterpreterChoice | { noNumpy: NoNumpy }): string | undefined {
  if ('noNumpy' in choice) {
    const { executable, python, venv, externallyManaged } = choice.noNumpy;
    const command = installCommand({ platform: process.platform, debian: isDebian(), python: executable, venv, externallyManaged });
    return vscode.l10n.t('NumPy is not installed for Python {0} ({1}), and the tutorial’s code needs it. Install it with: {2}', python, executable, command);
  }
  if ('interpreter' in choice) return undefined;
  if (choice.problem === 'settingNotFound') {
    return vscode.l10n.t('The setting neuralNetworkLab.pythonPath is {0}, which is not a Python interpreter on this machine. Correct the setting, or clear it to use python3 on PATH.', choice.path);
  }
  const command = installCommand({ platform: process.platform, debian: isDebian() });
  return vscode.l10n.t('No Python was found to check your code with (looked for: the Python extension’s interpreter, the setting neuralNetworkLab.pythonPath, python3 and python on PATH). Install Python 3 with NumPy: {0}', command);
}
