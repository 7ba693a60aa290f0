// Check My Code in the real VS Code, with Debian's /usr/bin/python3 and python3-numpy: the
// tutorial's own program passes every function, planted bugs fail exactly the functions they
// should, and the harness survives what a learner's code can do (a syntax error, a loop that never
// ends, a missing function, no NumPy).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CheckOutcome } from '../../src/exercise/checkMyCode';
import type { FileReport, ItemReport } from '../../src/exercise/controller';
import { findOnPath } from '../../src/exercise/interpreter';
import { activeApi, waitFor, workspaceFolder } from './helpers';
import { ALL_FUNCTIONS, PLANTED_BUGS, REPO, TUTORIAL_PROGRAM, withBug } from './exercise-fixtures';

const PYTHON = '/usr/bin/python3';
const settings = () => vscode.workspace.getConfiguration('neuralNetworkLab');

let folderNumber = 0;
/** Writes a Python file into a folder of its own in the workspace. */
function writePython(text: string, name = 'tutorial_program.py'): vscode.Uri {
  const folder = path.join(workspaceFolder(), `exercise-${process.pid}-${folderNumber++}`);
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, name);
  fs.writeFileSync(file, text);
  return vscode.Uri.file(file);
}

async function check(uri: vscode.Uri): Promise<FileReport> {
  const outcome = await vscode.commands.executeCommand<CheckOutcome>('neuralNetworkLab.checkMyCode', uri);
  assert.ok(outcome && 'reports' in outcome && outcome.reports.length === 1, `one report: ${JSON.stringify(outcome)}`);
  return outcome.reports[0];
}

function statuses(report: FileReport): Record<string, string> {
  return Object.fromEntries(Object.entries(report.items).map(([id, item]) => [id, item!.status]));
}

function item(report: FileReport, id: string): ItemReport {
  const found = report.items[id as keyof FileReport['items']];
  assert.ok(found, `${id} was checked: ${JSON.stringify(report.items)}`);
  return found;
}

/** Alive, and not a zombie waiting to be reaped. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

describe('Check My Code (the exercise)', function () {
  this.timeout(120_000);

  before(async () => {
    await activeApi();
    await settings().update('pythonPath', PYTHON, vscode.ConfigurationTarget.Global);
    // VS Code in a browser saves 1 s after an edit by default (the desktop's default is off): the
    // tests save when they mean to.
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    await vscode.workspace.getConfiguration('files').update('autoSave', undefined, vscode.ConfigurationTarget.Global);
    await settings().update('pythonPath', undefined, vscode.ConfigurationTarget.Global);
    await settings().update('checkTimeLimit', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  // First: Create Exercise File opens any neural_network.py the workspace already has, and later tests write some.
  it('opens the exercise file at a lesson card’s function, creating it once and never overwriting it', async () => {
    const api = await activeApi();
    const existing = path.join(workspaceFolder(), 'neural_network.py');
    assert.ok(!fs.existsSync(existing));
    api.receiveWebviewMessage({ type: 'openExercise', function: 'NeuralNetwork._update_parameters' });
    const editor = await waitFor('the exercise file in an editor', () =>
      vscode.window.activeTextEditor?.document.uri.fsPath === existing ? vscode.window.activeTextEditor : undefined);
    const template = fs.readFileSync(path.join(REPO, 'python', 'neural_network.py'), 'utf8');
    assert.strictEqual(fs.readFileSync(existing, 'utf8'), template);
    assert.match(editor.document.lineAt(editor.selection.active.line).text, /^\s+def _update_parameters\(self, derror_dbias, derror_dweights\):/);
    // The learner's work is never overwritten: the command opens what is there.
    fs.writeFileSync(existing, '# mine\n' + template);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const again = await vscode.commands.executeCommand<vscode.Uri>('neuralNetworkLab.createExerciseFile');
    assert.strictEqual(again.fsPath, existing);
    assert.strictEqual(fs.readFileSync(existing, 'utf8'), '# mine\n' + template);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(existing);
  });

  it('passes every function of the tutorial’s own program, running none of its top-level code', async () => {
    const uri = writePython(TUTORIAL_PROGRAM);
    const report = await check(uri);
    assert.deepStrictEqual(statuses(report), Object.fromEntries(ALL_FUNCTIONS.map((id) => [id, 'passed'])));
    assert.strictEqual(report.interpreter, PYTHON);
    assert.strictEqual(report.unsaved, false);
    const folder = path.dirname(uri.fsPath);
    // The program saves a plot and trains at top level; python -B writes no __pycache__.
    assert.deepStrictEqual(fs.readdirSync(folder), ['tutorial_program.py']);
  });

  it('puts one test item per function on its def line, nested under the file and the class', async () => {
    const api = await activeApi();
    const uri = writePython(TUTORIAL_PROGRAM);
    await vscode.workspace.openTextDocument(uri);
    const file = api.exercises.controller.items.byUri(uri);
    assert.ok(file, 'the open file has items');
    const lines = TUTORIAL_PROGRAM.split('\n');
    const children: string[] = [];
    file.item.children.forEach((child) => { children.push(child.label); });
    assert.deepStrictEqual(children.sort(), ['NeuralNetwork', 'make_prediction', 'sigmoid', 'sigmoid_deriv']);
    for (const [id, testItem] of file.functions) {
      const name = id.split('.').pop()!;
      assert.ok(testItem.range, `${id} has a range`);
      assert.match(lines[testItem.range.start.line], new RegExp(`^\\s*def ${name}\\(`), id);
    }
    assert.match(lines[file.classItem!.range!.start.line], /^class NeuralNetwork/);
  });

  for (const bug of PLANTED_BUGS) {
    it(`fails exactly the functions a planted bug breaks: ${bug.name}`, async () => {
      const report = await check(writePython(withBug(bug)));
      const failing = Object.keys(bug.fails).sort();
      assert.deepStrictEqual(Object.entries(statuses(report)).filter(([, status]) => status !== 'passed').map(([id]) => id).sort(), failing);
      for (const [id, term] of Object.entries(bug.fails)) {
        const failed = item(report, id);
        assert.strictEqual(failed.status, 'failed', `${id}: ${failed.message}`);
        assert.ok(failed.term?.startsWith(term), `${id}: first differing term ${failed.term}, expected ${term}`);
        assert.ok(failed.message?.includes(term.replace(/^returned /, '').replace(/\[\d+\]$/, '')), `${id}: the message names ${term}: ${failed.message}`);
      }
      for (const [id, note] of Object.entries(bug.notes ?? {})) assert.match(item(report, id).message!, note);
      for (const id of Object.keys(bug.fails)) {
        const message = item(report, id).message!;
        if (bug.mistake) assert.ok(message.startsWith(`Known mistake: ${bug.mistake}. `) && message.includes('Your numbers are exactly the ones it gives.'), `${id} is diagnosed: ${message}`);
        else assert.ok(!message.includes('Known mistake'), `${id} is not diagnosed: ${message}`);
      }
    });
  }

  it('points a syntax error at its line, and runs nothing else', async () => {
    const lines = TUTORIAL_PROGRAM.split('\n');
    const at = lines.findIndex((line) => line.startsWith('def make_prediction'));
    lines.splice(at, 1, 'def make_prediction(input_vector, weights, bias:');
    const report = await check(writePython(lines.join('\n')));
    for (const id of ALL_FUNCTIONS) {
      const errored = item(report, id);
      assert.strictEqual(errored.status, 'errored', id);
      assert.strictEqual(errored.line, at + 1, `${id}: ${errored.message}`);
    }
    assert.match(item(report, 'sigmoid').message!, new RegExp(`syntax error at line ${at + 1}`));
  });

  it('stops a loop that never ends at the time limit, and the rest is still checked', async () => {
    await settings().update('checkTimeLimit', 1, vscode.ConfigurationTarget.Global);
    try {
      const program = TUTORIAL_PROGRAM.replace(
        '        self.bias = self.bias - (derror_dbias * self.learning_rate)',
        '        while True:\n            pass\n        self.bias = self.bias - (derror_dbias * self.learning_rate)');
      const report = await check(writePython(program));
      const stopped = item(report, 'NeuralNetwork._update_parameters');
      assert.strictEqual(stopped.status, 'errored');
      assert.match(stopped.message!, /did not finish within 1 s and was stopped at line \d+/);
      const loopLine = program.split('\n').findIndex((line) => line === '        while True:');
      assert.ok(stopped.line === loopLine + 1 || stopped.line === loopLine + 2, `points into the loop: ${stopped.line}`);
      assert.strictEqual(item(report, 'NeuralNetwork.predict').status, 'passed');
    } finally {
      await settings().update('checkTimeLimit', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('ends a process that ignores the time limit, and everything it started', async () => {
    const api = await activeApi();
    await settings().update('checkTimeLimit', 1, vscode.ConfigurationTarget.Global);
    const pidFile = path.join(workspaceFolder(), `child-${process.pid}.pid`);
    try {
      // train starts a process of its own, then swallows the harness's stop and loops on.
      const program = TUTORIAL_PROGRAM.replace('        cumulative_errors = []\n', `        import subprocess, sys
        child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
        open(${JSON.stringify(pidFile)}, "w").write(str(child.pid))
        while True:
            try:
                while True:
                    pass
            except BaseException:
                pass
        cumulative_errors = []
`);
      const started = api.exercises.controller.processes.length;
      const before = Date.now();
      const report = await check(writePython(program));
      const train = item(report, 'NeuralNetwork.train');
      assert.strictEqual(train.status, 'errored');
      assert.match(train.message!, /did not finish within 1 s: the Python process and everything it started were ended/);
      assert.ok(Date.now() - before < 20_000, 'stopped soon after the limit');
      assert.strictEqual(item(report, 'NeuralNetwork._update_parameters').status, 'passed');
      const harnessPids = api.exercises.controller.processes.slice(started);
      assert.ok(harnessPids.length >= 1);
      const child = Number(fs.readFileSync(pidFile, 'utf8'));
      await new Promise((resolve) => setTimeout(resolve, 300));
      for (const pid of [...harnessPids, child]) assert.ok(!isAlive(pid), `process ${pid} is gone`);
    } finally {
      fs.rmSync(pidFile, { force: true });
      await settings().update('checkTimeLimit', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('ends sys.exit, a crash of the interpreter and 1 GB of prints each as one clear error, and checks the rest', async () => {
    const program = TUTORIAL_PROGRAM
      .replace('def sigmoid_deriv(x):\n', 'def sigmoid_deriv(x):\n    import sys\n    sys.exit(3)\n')
      .replace('def make_prediction(input_vector, weights, bias):\n',
        'def make_prediction(input_vector, weights, bias):\n    for _ in range(1000):\n        print("x" * 1_000_000)\n')
      .replace('    def __init__(self, learning_rate):\n', '    def __init__(self, learning_rate):\n        import ctypes\n        ctypes.string_at(0)\n');
    // A learner's machine may allow core files (core_pattern "core" writes them into the working directory).
    const wrapper = path.join(workspaceFolder(), `python-with-core-files-${process.pid}`);
    fs.writeFileSync(wrapper, `#!/bin/sh\nulimit -c unlimited 2>/dev/null\nexec ${PYTHON} "$@"\n`, { mode: 0o755 });
    await settings().update('pythonPath', wrapper, vscode.ConfigurationTarget.Global);
    const uri = writePython(program);
    const before = Date.now();
    let report: FileReport;
    try {
      report = await check(uri);
    } finally {
      fs.rmSync(wrapper, { force: true });
      await settings().update('pythonPath', PYTHON, vscode.ConfigurationTarget.Global);
    }
    assert.ok(Date.now() - before < 30_000, `all ended soon: ${Date.now() - before} ms`);
    assert.deepStrictEqual(fs.readdirSync(path.dirname(uri.fsPath)).filter((name) => /^core/.test(name)), [], 'no core file in the learner’s folder');
    const exited = item(report, 'sigmoid_deriv');
    assert.strictEqual(exited.status, 'errored');
    assert.match(exited.message!, /^sigmoid_deriv\(.*\) called sys\.exit\(3\), which ends the Python process: a function should return its result instead\.$/);
    const printed = item(report, 'make_prediction');
    assert.strictEqual(printed.status, 'errored');
    assert.match(printed.message!, /^make_prediction\(.*\) printed more than 8,388,608 characters and was stopped\.$/);
    const crashed = item(report, 'NeuralNetwork.__init__');
    assert.strictEqual(crashed.status, 'errored');
    assert.match(crashed.message!, /^The Python process crashed \(SIGSEGV\) while checking NeuralNetwork\.__init__/);
    const rest = ALL_FUNCTIONS.filter((id) => !['sigmoid_deriv', 'make_prediction', 'NeuralNetwork.__init__'].includes(id));
    assert.deepStrictEqual(rest.filter((id) => item(report, id).status !== 'passed'), [], 'the other functions are checked in a fresh process and pass');
  });

  it('ends the process and everything it started when the run is cancelled', async () => {
    const api = await activeApi();
    const controller = api.exercises.controller;
    await settings().update('checkTimeLimit', 60, vscode.ConfigurationTarget.Global);
    const pidFile = path.join(workspaceFolder(), `cancelled-child-${process.pid}.pid`);
    try {
      const program = TUTORIAL_PROGRAM.replace('        cumulative_errors = []\n', `        import subprocess, sys
        child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
        open(${JSON.stringify(pidFile)}, "w").write(str(child.pid))
        while True:
            pass
        cumulative_errors = []
`);
      const uri = writePython(program);
      const file = controller.items.update(uri, program)!;
      const started = controller.processes.length;
      const cancellation = new vscode.CancellationTokenSource();
      const running = controller.run(new vscode.TestRunRequest([file.item], undefined, controller.runProfile), cancellation.token);
      await waitFor('train to start its process', () => fs.existsSync(pidFile) && fs.readFileSync(pidFile, 'utf8') !== '', 30_000);
      const cancelledAt = Date.now();
      cancellation.cancel();
      const [report] = await running;
      assert.ok(Date.now() - cancelledAt < 5_000, `ended soon after the cancel: ${Date.now() - cancelledAt} ms`);
      assert.strictEqual(item(report, 'NeuralNetwork.train').status, 'skipped');
      assert.strictEqual(item(report, 'NeuralNetwork._update_parameters').status, 'passed');
      await new Promise((resolve) => setTimeout(resolve, 300));
      for (const pid of [...controller.processes.slice(started), Number(fs.readFileSync(pidFile, 'utf8'))]) assert.ok(!isAlive(pid), `process ${pid} is gone`);
      cancellation.dispose();
    } finally {
      fs.rmSync(pidFile, { force: true });
      await settings().update('checkTimeLimit', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('re-checks on save in a continuous run, until it is turned off', async () => {
    const api = await activeApi();
    const controller = api.exercises.controller;
    const uri = writePython(TUTORIAL_PROGRAM, 'neural_network.py');
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    const file = controller.items.byUri(uri)!;
    const watch = new vscode.CancellationTokenSource();
    const started = controller.watching;
    await controller.run(new vscode.TestRunRequest([file.item], undefined, controller.runProfile, true), watch.token);
    assert.strictEqual(controller.watching, started + 1);
    const reportsFor = (since: number) => api.exercises.reports.slice(since).filter((report) => report.uri === uri.toString());
    const bias = '        self.bias = self.bias - (derror_dbias * self.learning_rate)';
    const line = TUTORIAL_PROGRAM.split('\n').indexOf(bias);
    try {
      let since = api.exercises.reports.length;
      await editor.edit((edit) => edit.replace(new vscode.Range(line, 0, line, bias.length), '        self.bias = self.bias  # not updated'));
      await document.save();
      const checked = (since: number) => reportsFor(since).find((report) => ['passed', 'failed'].includes(report.items['NeuralNetwork._update_parameters']?.status ?? ''));
      const broken = await waitFor('a check after the save', () => checked(since), 30_000);
      assert.strictEqual(broken.unsaved, false);
      const update = item(broken, 'NeuralNetwork._update_parameters');
      assert.strictEqual(update.status, 'failed');
      assert.strictEqual(update.mistake, 'biasNotUpdated');
      assert.strictEqual(update.line, line + 1, 'the message points at the bias update');
      assert.strictEqual(item(broken, 'NeuralNetwork.predict').status, 'passed');
      since = api.exercises.reports.length;
      await editor.edit((edit) => edit.replace(new vscode.Range(line, 0, line, bias.length), bias));
      await document.save();
      const fixed = await waitFor('a check after the fix', () => checked(since), 30_000);
      assert.strictEqual(item(fixed, 'NeuralNetwork._update_parameters').status, 'passed');
    } finally {
      watch.cancel();
    }
    assert.strictEqual(controller.watching, started);
    const since = api.exercises.reports.length;
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '# no longer watched\n'));
    await document.save();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.strictEqual(reportsFor(since).length, 0, 'no check once continuous run is off');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('reports a missing function by name', async () => {
    const program = TUTORIAL_PROGRAM.replace('def sigmoid_deriv(x):\n    return sigmoid(x) * (1 - sigmoid(x))\n', '')
      .replace(/^dprediction_dlayer1 = .*$/m, '');
    const report = await check(writePython(program, 'neural_network.py'));
    const missing = item(report, 'sigmoid_deriv');
    assert.strictEqual(missing.status, 'failed');
    assert.match(missing.message!, /neural_network\.py does not define the function sigmoid_deriv\. The tutorial writes it as def sigmoid_deriv\(x\):/);
    assert.strictEqual(item(report, 'sigmoid').status, 'passed');
  });

  it('checks the editor’s unsaved text, says so, and leaves the file alone', async () => {
    const uri = writePython(TUTORIAL_PROGRAM);
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    const line = document.getText().split('\n').findIndex((text) => text === '        derror_dprediction = 2 * (prediction - target)');
    await editor.edit((edit) => edit.replace(new vscode.Range(line, 29, line, 30), '3'));
    const saves: string[] = [];
    const watchSaves = vscode.workspace.onWillSaveTextDocument((event) => {
      if (event.document.uri.toString() === uri.toString()) saves.push(`saved, reason ${event.reason}`);
    });
    const report = await check(uri);
    watchSaves.dispose();
    assert.deepStrictEqual(saves, [], 'nothing saved the document');
    assert.strictEqual(report.unsaved, true);
    assert.strictEqual(item(report, 'NeuralNetwork._compute_gradients').term, 'derror_dprediction');
    assert.strictEqual(fs.readFileSync(uri.fsPath, 'utf8'), TUTORIAL_PROGRAM, 'the file on disk is untouched');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('reports the learner’s exception with its traceback line, and an unwritten function as not written yet', async () => {
    const template = fs.readFileSync(path.join(REPO, 'python', 'neural_network.py'), 'utf8');
    const report = await check(writePython(template, 'neural_network.py'));
    for (const id of ALL_FUNCTIONS) {
      const unwritten = item(report, id);
      assert.strictEqual(unwritten.status, 'failed', id);
      assert.match(unwritten.message!, /is not written yet: it raises NotImplementedError\. Hint: /, id);
      const raiseLine = template.split('\n')[unwritten.line! - 1];
      assert.match(raiseLine, /raise NotImplementedError/, `${id} points at its raise`);
    }
  });

  it('puts the learner’s prints and traceback in the function’s test output, the traceback’s lines linked to the file', async () => {
    const program = TUTORIAL_PROGRAM.replace('    def predict(self, input_vector):\n',
      '    def predict(self, input_vector):\n        print("checking predict with", list(input_vector))\n        raise ValueError("planted")\n');
    const uri = writePython(program);
    const report = await check(uri);
    const predict = item(report, 'NeuralNetwork.predict');
    assert.strictEqual(predict.status, 'failed');
    const output = predict.output ?? [];
    assert.ok(output.some((entry) => /printed:\nchecking predict with \[/.test(entry.text)), JSON.stringify(output));
    const raiseLine = program.split('\n').indexOf('        raise ValueError("planted")') + 1;
    const linked = output.find((entry) => entry.text.includes(`File "${uri.fsPath}", line ${raiseLine}, in predict`));
    assert.ok(linked, `a traceback line names the raise: ${JSON.stringify(output)}`);
    assert.strictEqual(linked.line, raiseLine, 'and links to it');
    assert.ok(output.some((entry) => entry.text === 'ValueError: planted'), JSON.stringify(output));
    assert.strictEqual(item(report, 'NeuralNetwork._compute_gradients').output, undefined, 'a quiet function has no output');
  });

  it('says how to get NumPy when the interpreter has none, as an error of every item', async () => {
    // An interpreter without NumPy: Debian's python3 without its site packages.
    const wrapper = path.join(workspaceFolder(), `python-without-numpy-${process.pid}`);
    fs.writeFileSync(wrapper, `#!/bin/sh\nexec ${PYTHON} -S "$@"\n`, { mode: 0o755 });
    try {
      await settings().update('pythonPath', wrapper, vscode.ConfigurationTarget.Global);
      const report = await check(writePython(TUTORIAL_PROGRAM));
      for (const id of ALL_FUNCTIONS) {
        const errored = item(report, id);
        assert.strictEqual(errored.status, 'errored');
        assert.match(errored.message!, /NumPy is not installed for Python 3[\d.]+ .*Install it with: (sudo apt install python3-numpy|\S+ -m pip install numpy)/);
      }
    } finally {
      fs.rmSync(wrapper, { force: true });
      await settings().update('pythonPath', PYTHON, vscode.ConfigurationTarget.Global);
    }
  });

  it('chooses the interpreter in order: (no Python extension here) the setting, then python3 on PATH', async () => {
    assert.strictEqual(vscode.extensions.getExtension('ms-python.python'), undefined, 'the test server has no Python extension');
    await settings().update('pythonPath', '/nonexistent/python3', vscode.ConfigurationTarget.Global);
    try {
      const wrong = await check(writePython(TUTORIAL_PROGRAM));
      assert.match(item(wrong, 'sigmoid').message!, /neuralNetworkLab\.pythonPath is \/nonexistent\/python3, which is not a Python interpreter/);
      await settings().update('pythonPath', undefined, vscode.ConfigurationTarget.Global);
      const onPath = await check(writePython(TUTORIAL_PROGRAM));
      assert.strictEqual(onPath.interpreter, findOnPath('python3') ?? findOnPath('python'));
    } finally {
      await settings().update('pythonPath', PYTHON, vscode.ConfigurationTarget.Global);
    }
  });
});
