// Check My Code's host-side logic that needs no VS Code: the interpreter's fallback order, the
// install command each machine gets, where the test items go (def lines read from the text), and
// the validation of what the harness prints.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chooseInterpreter, findOnPath, installCommand, type InterpreterLookups } from '../../src/exercise/interpreter';
import { findDefinitions } from '../../src/exercise/pythonSource';
import { parseHarnessLine } from '../../src/exercise/harnessProtocol';
import { EXERCISE_FUNCTION_IDS } from '../../src/exercise/functions';
import { EXERCISE_LINKS } from '../../src/lesson/exerciseLinks';
import { CHECKPOINT_IDS } from '../../src/lesson/checkpoints';
import { parseWebviewMessage } from '../../src/protocol';

const ROOT = path.resolve(__dirname, '..', '..', '..');

function lookups(found: { extension?: string; setting?: string; files?: string[]; path?: Record<string, string> }): InterpreterLookups {
  return {
    fromPythonExtension: async () => found.extension,
    setting: () => found.setting,
    isFile: (file) => (found.files ?? []).includes(file),
    onPath: (name) => found.path?.[name],
  };
}

describe('exercise: choosing the interpreter', () => {
  it('takes the Python extension’s, then the setting, then python3, then python on PATH', async () => {
    const everything = { extension: '/venv/bin/python', setting: '/usr/bin/python3', files: ['/venv/bin/python', '/usr/bin/python3'], path: { python3: '/bin/python3', python: '/bin/python' } };
    assert.deepEqual(await chooseInterpreter(lookups(everything)), { interpreter: { path: '/venv/bin/python', source: 'pythonExtension' } });
    assert.deepEqual(await chooseInterpreter(lookups({ ...everything, extension: undefined })), { interpreter: { path: '/usr/bin/python3', source: 'setting' } });
    assert.deepEqual(await chooseInterpreter(lookups({ ...everything, extension: undefined, setting: '' })), { interpreter: { path: '/bin/python3', source: 'path' } });
    assert.deepEqual(await chooseInterpreter(lookups({ path: { python: '/bin/python' } })), { interpreter: { path: '/bin/python', source: 'path' } });
    assert.deepEqual(await chooseInterpreter(lookups({})), { problem: 'none' });
  });

  it('never replaces a wrong setting silently, and looks a bare name up on PATH', async () => {
    assert.deepEqual(await chooseInterpreter(lookups({ setting: '/opt/missing/python', path: { python3: '/bin/python3' } })), { problem: 'settingNotFound', path: '/opt/missing/python' });
    assert.deepEqual(await chooseInterpreter(lookups({ setting: 'python3.11', path: { 'python3.11': '/usr/bin/python3.11' } })), { interpreter: { path: '/usr/bin/python3.11', source: 'setting' } });
  });

  it('falls back when the Python extension fails or names a file that is not there', async () => {
    const failing: InterpreterLookups = { ...lookups({ setting: '/usr/bin/python3', files: ['/usr/bin/python3'] }), fromPythonExtension: () => Promise.reject(new Error('not ready')) };
    assert.deepEqual(await chooseInterpreter(failing), { interpreter: { path: '/usr/bin/python3', source: 'setting' } });
    assert.deepEqual(await chooseInterpreter(lookups({ extension: '/gone/python', path: { python3: '/bin/python3' } })), { interpreter: { path: '/bin/python3', source: 'path' } });
  });

  it('finds executables on PATH in order, skipping what is not executable', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nnl-path-'));
    try {
      for (const [name, mode] of [['a/python3', 0o644], ['b/python3', 0o755], ['c/python3', 0o755]] as const) {
        fs.mkdirSync(path.join(dir, path.dirname(name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), '', { mode });
      }
      const PATH = ['a', 'b', 'c'].map((d) => path.join(dir, d)).join(':');
      assert.equal(findOnPath('python3', { PATH }, 'linux'), path.join(dir, 'b', 'python3'));
      assert.equal(findOnPath('python', { PATH }, 'linux'), undefined);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives the exact install command for each kind of machine', () => {
    assert.equal(installCommand({ platform: 'linux', debian: true, python: '/usr/bin/python3', externallyManaged: true }), 'sudo apt install python3-numpy');
    assert.equal(installCommand({ platform: 'linux', debian: true, python: '/home/me/.venv/bin/python', venv: true, externallyManaged: false }), '/home/me/.venv/bin/python -m pip install numpy');
    assert.equal(installCommand({ platform: 'win32', debian: false, python: 'C:\\Program Files\\Python312\\python.exe', externallyManaged: false }), '"C:\\Program Files\\Python312\\python.exe" -m pip install numpy');
    assert.equal(installCommand({ platform: 'darwin', debian: false, python: '/opt/homebrew/bin/python3', externallyManaged: true }), 'brew install numpy');
    assert.equal(installCommand({ platform: 'linux', debian: true }), 'sudo apt install python3 python3-numpy');
    assert.equal(installCommand({ platform: 'win32', debian: false }), 'winget install Python.Python.3.12; py -m pip install numpy');
  });
});

describe('exercise: where the test items go', () => {
  it('finds each def of the tutorial’s functions, the methods only inside class NeuralNetwork', () => {
    const text = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'exercise', 'tutorial_program.py'), 'utf8');
    const lines = text.split('\n');
    const found = findDefinitions(text);
    assert.equal(found.functions.size, 10);
    for (const [id, line] of found.functions) assert.match(lines[line], new RegExp(`^\\s*def ${id.split('.').pop()}\\(`), id);
    assert.match(lines[found.classLine!], /^class NeuralNetwork:/);
  });

  it('ignores defs in docstrings, other classes and nested positions', () => {
    const found = findDefinitions([
      '"""',
      'def sigmoid(x):',
      '"""',
      'class Other:',
      '    def predict(self, x):',
      '        pass',
      'def predict(x):',
      '    pass',
      'class NeuralNetwork(object):',
      '    """The net."""',
      '',
      '    # a comment',
      '    def train(self, a, b, c):',
      '        def sigmoid(x):',
      '            pass',
      'x = 1',
      '    def _sigmoid(self, x):',
    ].join('\n'));
    assert.deepEqual([...found.functions], [['NeuralNetwork.train', 12]]);
    assert.equal(found.classLine, 8);
  });

  it('reads the shipped exercise template as defining every function', () => {
    const found = findDefinitions(fs.readFileSync(path.join(ROOT, 'python', 'neural_network.py'), 'utf8'));
    assert.equal(found.functions.size, 10);
  });
});

describe('exercise: what the harness prints', () => {
  it('accepts its events and rejects anything else', () => {
    assert.deepEqual(parseHarnessLine('{"event": "start", "id": "sigmoid"}'), { event: 'start', id: 'sigmoid' });
    assert.deepEqual(parseHarnessLine('{"event": "done"}'), { event: 'done' });
    const result = { cases: [{ returned: [0.5, { nonFinite: 'nan' }], locals: { x: 1 }, attributes: {}, calls: [] }], output: '', outputChars: 0, seconds: 0.1 };
    assert.equal(parseHarnessLine(JSON.stringify({ event: 'result', id: 'sigmoid', result }))?.event, 'result');
    for (const bad of ['', 'not json', '[]', '{"event":"start","id":"rm -rf"}', '{"event":"result","id":"sigmoid","result":{"cases":[{"locals":{"x":"1"}}]}}',
      '{"event":"result","id":"sigmoid","result":{"cases":[],"output":"","outputChars":0,"seconds":0,"error":{"kind":"boom"}}}', '{"event":"hello"}']) {
      assert.equal(parseHarnessLine(bad), undefined, bad);
    }
  });
});

describe('exercise: lesson cards link to it', () => {
  it('links every card to functions of the exercise', () => {
    assert.deepEqual(Object.keys(EXERCISE_LINKS).sort(), [...CHECKPOINT_IDS].sort());
    for (const ids of Object.values(EXERCISE_LINKS)) {
      assert.ok(ids.length > 0);
      for (const id of ids) assert.ok(EXERCISE_FUNCTION_IDS.includes(id), id);
    }
  });

  it('accepts a card’s openExercise message only with a function of the exercise', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'openExercise', function: 'NeuralNetwork.train' }), { type: 'openExercise', function: 'NeuralNetwork.train' });
    for (const bad of [{ type: 'openExercise' }, { type: 'openExercise', function: 'os.system' }, { type: 'openExercise', function: 'sigmoid', path: '/etc/passwd' }, { type: 'openExercise', function: 7 }]) {
      assert.equal(parseWebviewMessage(bad), undefined, JSON.stringify(bad));
    }
  });
});
