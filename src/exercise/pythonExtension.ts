// The interpreter selected in Microsoft's Python extension, through the environments API it
// exports. A small local interface to that API (the part @vscode/python-extension describes) keeps
// the lab free of the dependency; without the extension, or when it has no answer, there is none.
import * as vscode from 'vscode';

export const PYTHON_EXTENSION_ID = 'ms-python.python';
const ANSWER_WITHIN_MS = 3000;

interface EnvironmentPath {
  readonly id: string;
  readonly path: string;
}

interface PythonEnvironmentsApi {
  getActiveEnvironmentPath(resource?: vscode.Uri): EnvironmentPath;
  resolveEnvironment(environment: EnvironmentPath | string): Promise<{ executable: { uri?: vscode.Uri } } | undefined>;
}

interface PythonExtensionExports {
  environments?: PythonEnvironmentsApi;
}

/** The selected interpreter's executable for a file, or undefined. Never throws, never hangs. */
export async function pythonExtensionInterpreter(resource: vscode.Uri | undefined): Promise<string | undefined> {
  const extension = vscode.extensions.getExtension<PythonExtensionExports>(PYTHON_EXTENSION_ID);
  if (!extension) return undefined;
  const lookup = (async () => {
    const exports = extension.isActive ? extension.exports : await extension.activate();
    const environments = exports?.environments;
    if (!environments) return undefined;
    const active = environments.getActiveEnvironmentPath(resource);
    const resolved = await environments.resolveEnvironment(active);
    return resolved?.executable.uri?.fsPath ?? (active.path || undefined);
  })();
  const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ANSWER_WITHIN_MS));
  return Promise.race([lookup.catch(() => undefined), timeout]);
}
