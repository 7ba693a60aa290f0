// Which Python runs the learner's code, in this order: the interpreter selected in the Python
// extension (when it is installed), the setting neuralNetworkLab.pythonPath, then python3 and
// python on PATH. And, when there is none or it lacks NumPy, the exact command that installs it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export type InterpreterSource = 'pythonExtension' | 'setting' | 'path';

export interface Interpreter {
  path: string;
  source: InterpreterSource;
}

export type InterpreterChoice =
  | { interpreter: Interpreter }
  /** The setting names a file that is not there: said as such, never silently replaced. */
  | { problem: 'settingNotFound'; path: string }
  | { problem: 'none' };

export interface InterpreterLookups {
  /** The Python extension's selected interpreter, if the extension is installed and has one. */
  fromPythonExtension(): Promise<string | undefined>;
  setting(): string | undefined;
  isFile(file: string): boolean;
  onPath(name: string): string | undefined;
}

export async function chooseInterpreter(lookups: InterpreterLookups): Promise<InterpreterChoice> {
  const selected = await lookups.fromPythonExtension().catch(() => undefined);
  if (selected && lookups.isFile(selected)) return { interpreter: { path: selected, source: 'pythonExtension' } };
  const setting = lookups.setting()?.trim();
  if (setting) {
    const expanded = setting.startsWith('~') ? path.join(os.homedir(), setting.slice(1)) : setting;
    if (lookups.isFile(expanded)) return { interpreter: { path: expanded, source: 'setting' } };
    // A bare name such as "python3.12" is looked up on PATH.
    const found = !/[\\/]/.test(expanded) ? lookups.onPath(expanded) : undefined;
    return found ? { interpreter: { path: found, source: 'setting' } } : { problem: 'settingNotFound', path: setting };
  }
  for (const name of ['python3', 'python']) {
    const found = lookups.onPath(name);
    if (found) return { interpreter: { path: found, source: 'path' } };
  }
  return { problem: 'none' };
}

export function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The first executable called `name` in the PATH directories (with PATHEXT on Windows). */
export function findOnPath(name: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  const windows = platform === 'win32';
  const directories = (env.PATH ?? env.Path ?? '').split(windows ? ';' : ':').filter(Boolean);
  const extensions = windows ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';').filter(Boolean) : [''];
  for (const directory of directories) {
    for (const extension of extensions) {
      const candidate = path.join(directory, name + extension);
      // The Microsoft Store's python.exe stub under WindowsApps only opens the Store.
      if (windows && /\\WindowsApps\\/i.test(candidate)) continue;
      try {
        if (!fs.statSync(candidate).isFile()) continue;
        if (!windows) fs.accessSync(candidate, fs.constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

export interface PythonFacts {
  platform: NodeJS.Platform;
  /** /etc/debian_version exists (Debian, Ubuntu and their kin). */
  debian: boolean;
  /** The interpreter, when there is one. */
  python?: string;
  venv?: boolean;
  /** PEP 668: the interpreter's packages belong to the system's package manager. */
  externallyManaged?: boolean;
}

const quoted = (file: string) => (/\s/.test(file) ? `"${file}"` : file);

/** The command that gets NumPy (and Python, when there is none) for this machine. */
export function installCommand(facts: PythonFacts): string {
  const { platform, debian, python, venv, externallyManaged } = facts;
  if (!python) {
    if (platform === 'win32') return 'winget install Python.Python.3.12; py -m pip install numpy';
    if (platform === 'darwin') return 'brew install numpy';
    if (debian) return 'sudo apt install python3 python3-numpy';
    return 'python3 -m pip install numpy';
  }
  if (venv || !externallyManaged) return `${quoted(python)} -m pip install numpy`;
  if (platform === 'linux' && debian && python.startsWith('/usr/bin/')) return 'sudo apt install python3-numpy';
  if (platform === 'darwin') return 'brew install numpy';
  // Externally managed elsewhere: a virtual environment is the way pip may install into.
  return `${quoted(python)} -m venv .venv && .venv/bin/python -m pip install numpy`;
}

export function isDebian(): boolean {
  return isFile('/etc/debian_version');
}
