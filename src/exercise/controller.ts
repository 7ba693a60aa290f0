// Check My Code in VS Code's Testing API: a TestController whose items are the tutorial's functions
// in the learner's Python files, and a run profile that checks them with the harness. A run checks
// each file's items in one Python process and reports each function as its result arrives.
import * as vscode from 'vscode';
import * as fs from 'node:fs';
import { runCheckSession, type SessionEnd } from './checkSession';
import { EXERCISE_FILE_NAME, type ExerciseFunctionId } from './functions';
import { ExerciseItems, isPythonDocument, type FileItems } from './exerciseItems';
import type { Definitions } from './harnessProtocol';
import { defLine, renderVerdict, sameFile, stopText, traceback, type RenderContext } from './messages';
import { harnessCheck, type Specs } from './specs';
import { verdictOf, type Classify } from './verdict';
import { pythonProblem, type ResolvedInterpreter } from './interpreterMessages';
import type { InterpreterChoice } from './interpreter';

export const TEST_CONTROLLER_ID = 'neuralNetworkLab.exercises';

export type ItemStatus = 'passed' | 'failed' | 'errored' | 'skipped';

export interface ItemReport {
  status: ItemStatus;
  /** The message the Testing view shows, in one line. */
  message?: string;
  /** 1-based line the message points at. */
  line?: number;
  durationMs?: number;
  /** Wrong values: the first of the tutorial's terms that differs, and the known mistake named. */
  term?: string;
  mistake?: string;
  /** What went to the test output for this function (its prints, its traceback), each with the 1-based line it links to. */
  output?: { text: string; line?: number }[];
}

export interface FileReport {
  uri: string;
  /** Whether the editor's unsaved text was checked rather than the file on disk. */
  unsaved: boolean;
  interpreter?: string;
  items: Partial<Record<ExerciseFunctionId, ItemReport>>;
}

export interface ExerciseDependencies {
  harnessPath: string;
  specs: Specs;
  classify?: Classify;
  timeLimitSeconds(): number;
  chooseInterpreter(uri: vscode.Uri): Promise<InterpreterChoice>;
  log: vscode.LogOutputChannel;
  /** Called with what each run found, when it ends. */
  onReports?(reports: FileReport[]): void;
}

const EDIT_SETTLE_MS = 150;

export class ExerciseController implements vscode.Disposable {
  readonly controller: vscode.TestController;
  readonly runProfile: vscode.TestRunProfile;
  readonly items: ExerciseItems;
  /** Every harness process started, for the tests to check none outlives its Check. */
  readonly processes: number[] = [];
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly deps: ExerciseDependencies) {
    this.controller = vscode.tests.createTestController(TEST_CONTROLLER_ID, vscode.l10n.t('Neural Network exercises'));
    this.items = new ExerciseItems(this.controller);
    this.runProfile = this.controller.createRunProfile(
      vscode.l10n.t('Check My Code'), vscode.TestRunProfileKind.Run, async (request, token) => { await this.run(request, token); }, true,
      undefined, true, // supportsContinuousRun: re-check on save
    );
    this.controller.resolveHandler = async (item) => {
      if (!item) await this.discoverWorkspace();
    };
    this.controller.refreshHandler = () => this.discoverWorkspace();
    for (const document of vscode.workspace.textDocuments) this.documentChanged(document);
    this.disposables.push(
      this.controller,
      vscode.workspace.onDidOpenTextDocument((document) => this.documentChanged(document)),
      vscode.workspace.onDidChangeTextDocument((event) => this.documentEdited(event.document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.documentClosed(document)),
      this.watchExerciseFiles(),
    );
  }

  dispose(): void {
    for (const timer of this.pendingEdits.values()) clearTimeout(timer);
    this.pendingEdits.clear();
    for (const disposable of this.disposables) disposable.dispose();
  }

  /** The workspace's exercise files, and every open Python file that defines some of the functions. */
  async discoverWorkspace(): Promise<void> {
    const files = await vscode.workspace.findFiles(`**/${EXERCISE_FILE_NAME}`, '{**/node_modules/**,**/.venv/**,**/venv/**,**/site-packages/**}', 100);
    for (const uri of files) {
      const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
      const text = open?.getText() ?? (await readText(uri));
      if (text !== undefined) this.items.update(uri, text);
    }
    for (const document of vscode.workspace.textDocuments) this.documentChanged(document);
  }

  /** Exercise files created, changed or deleted on disk (by git, a terminal, another editor). */
  private watchExerciseFiles(): vscode.Disposable {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${EXERCISE_FILE_NAME}`);
    const reread = async (uri: vscode.Uri) => {
      if (vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString())) return; // the editor's text rules
      const text = await readText(uri);
      if (text !== undefined) this.items.update(uri, text);
    };
    watcher.onDidCreate(reread);
    watcher.onDidChange(reread);
    watcher.onDidDelete((uri) => this.items.remove(uri));
    return watcher;
  }

  /** Typing re-reads a file's defs once the keystrokes pause, not at each one (a long file is read whole). */
  private readonly pendingEdits = new Map<string, ReturnType<typeof setTimeout>>();

  private documentEdited(document: vscode.TextDocument): void {
    if (!isPythonDocument(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.pendingEdits.get(key));
    this.pendingEdits.set(key, setTimeout(() => {
      this.pendingEdits.delete(key);
      if (!document.isClosed) this.documentChanged(document);
    }, EDIT_SETTLE_MS));
  }

  private documentChanged(document: vscode.TextDocument): void {
    if (isPythonDocument(document)) this.items.update(document.uri, document.getText());
  }

  private documentClosed(document: vscode.TextDocument): void {
    if (!isPythonDocument(document)) return;
    // An exercise file stays listed (it is on disk); another file is listed while it is open.
    if (!document.uri.path.endsWith(`/${EXERCISE_FILE_NAME}`)) this.items.remove(document.uri);
  }

  /**
   * The run profile's handler. A continuous request watches: every save of a file with items in
   * it checks those items again (a save during a check cancels that check), until the token is
   * cancelled. Any other request runs at once; resolves with what each function got.
   */
  async run(request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<FileReport[]> {
    if (!request.continuous) return this.execute(request, token);
    if (token.isCancellationRequested) return [];
    const inFlight = new Map<string, vscode.CancellationTokenSource>();
    const saved = vscode.workspace.onDidSaveTextDocument((document) => {
      if (!isPythonDocument(document)) return;
      const file = this.items.update(document.uri, document.getText());
      if (!file) return;
      const include = request.include ? request.include.filter((item) => this.items.resolve(item)?.file === file) : [file.item];
      if (include.length === 0) return;
      const key = file.uri.toString();
      inFlight.get(key)?.cancel();
      const cancellation = new vscode.CancellationTokenSource();
      inFlight.set(key, cancellation);
      const stop = token.onCancellationRequested(() => cancellation.cancel());
      void this.execute(new vscode.TestRunRequest(include, request.exclude, request.profile, true), cancellation.token).finally(() => {
        stop.dispose();
        if (inFlight.get(key) === cancellation) inFlight.delete(key);
        cancellation.dispose();
      });
    });
    this.watching++;
    // Like VS Code's test-provider sample, the handler returns at once; the token ends the watch.
    const ended = token.onCancellationRequested(() => {
      ended.dispose();
      this.watching--;
      saved.dispose();
      for (const cancellation of inFlight.values()) cancellation.cancel();
    });
    return [];
  }

  /** How many continuous runs are watching for saves (the tests wait for the learner's toggle). */
  watching = 0;

  private async execute(request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<FileReport[]> {
    const selected = this.select(request);
    const single = selected.length === 1 ? selected[0] : undefined;
    const name = single ? runName(single.file.uri) : vscode.l10n.t('Check My Code');
    const run = this.controller.createTestRun(request, name, true);
    const reports: FileReport[] = [];
    try {
      for (const { file, ids } of selected) {
        if (token.isCancellationRequested) break;
        reports.push(await this.checkFile(run, file, ids, token));
      }
    } finally {
      run.end();
      this.deps.onReports?.(reports);
    }
    return reports;
  }

  private select(request: vscode.TestRunRequest): { file: FileItems; ids: ExerciseFunctionId[] }[] {
    const excluded = new Set<string>();
    for (const item of request.exclude ?? []) for (const id of this.items.resolve(item)?.ids ?? []) excluded.add(`${item.uri}#${id}`);
    const chosen = new Map<FileItems, Set<ExerciseFunctionId>>();
    const roots = request.include ?? this.items.all.map((file) => file.item);
    for (const item of roots) {
      const resolved = this.items.resolve(item);
      if (!resolved) continue;
      const ids = chosen.get(resolved.file) ?? new Set<ExerciseFunctionId>();
      for (const id of resolved.ids) if (!excluded.has(`${resolved.file.uri}#${id}`)) ids.add(id);
      chosen.set(resolved.file, ids);
    }
    return [...chosen].filter(([, ids]) => ids.size > 0).map(([file, ids]) => ({ file, ids: [...ids] }));
  }

  private async checkFile(run: vscode.TestRun, file: FileItems, ids: ExerciseFunctionId[], token: vscode.CancellationToken): Promise<FileReport> {
    const report: FileReport = { uri: file.uri.toString(), unsaved: false, items: {} };
    const items = new Map(ids.map((id) => [id, file.functions.get(id)!] as const).filter(([, item]) => item));
    for (const item of items.values()) run.enqueued(item);
    const outputOf = new Map<vscode.TestItem, { text: string; line?: number }[]>();
    const out = (text: string, location?: vscode.Location, item?: vscode.TestItem) => {
      run.appendOutput(text.replace(/\r?\n/g, '\r\n') + '\r\n', location, item);
      if (!item) return;
      const lines = outputOf.get(item) ?? [];
      if (lines.length === 0) outputOf.set(item, lines);
      lines.push({ text, line: location ? location.range.start.line + 1 : undefined });
    };
    const settle = (id: ExerciseFunctionId, status: ItemStatus, messages: vscode.TestMessage[] = [], durationMs?: number, summary?: string) => {
      const item = items.get(id);
      if (!item || report.items[id]) return;
      const first = messages[0];
      report.items[id] = { status, message: summary ?? (typeof first?.message === 'string' ? first.message : first?.message.value), line: first?.location ? first.location.range.start.line + 1 : undefined, durationMs, output: outputOf.get(item) };
      if (status === 'passed') run.passed(item, durationMs);
      else if (status === 'failed') run.failed(item, messages, durationMs);
      else if (status === 'errored') run.errored(item, messages, durationMs);
      else run.skipped(item);
    };
    const settleAll = (status: ItemStatus, text: string, line?: number) => {
      const message = new vscode.TestMessage(text);
      if (line !== undefined) message.location = new vscode.Location(file.uri, new vscode.Position(line, 0));
      for (const id of items.keys()) settle(id, status, status === 'skipped' ? [] : [message], undefined, text);
    };

    if (!vscode.workspace.isTrusted) {
      settleAll('errored', restrictedModeText());
      out(restrictedModeText());
      return report;
    }
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === file.uri.toString());
    const source = document ? document.getText() : await readText(file.uri);
    if (source === undefined) {
      settleAll('errored', vscode.l10n.t('{0} cannot be read.', file.uri.fsPath));
      return report;
    }
    report.unsaved = document?.isDirty ?? false;
    out(report.unsaved
      ? vscode.l10n.t('Checking the editor’s text of {0}, with its unsaved changes.', file.uri.fsPath)
      : vscode.l10n.t('Checking the saved file {0}.', file.uri.fsPath));

    const choice = await this.deps.chooseInterpreter(file.uri);
    const problem = pythonProblem(choice);
    if (problem) {
      settleAll('errored', problem);
      out(problem);
      return report;
    }
    const interpreter = (choice as { interpreter: ResolvedInterpreter }).interpreter;
    report.interpreter = interpreter.path;
    const timeLimitSeconds = this.deps.timeLimitSeconds();
    let definitions: Definitions | undefined;
    const failed = new Set<string>();
    const context = (): RenderContext => ({ uri: file.uri, file: file.uri.fsPath, definitions, timeLimitSeconds, failedInThisRun: failed });
    const end: SessionEnd = await runCheckSession({
      python: interpreter.path,
      harnessPath: this.deps.harnessPath,
      file: file.uri.fsPath,
      source,
      checks: [...items.keys()].map((id) => harnessCheck(this.deps.specs[id])),
      timeLimitMs: timeLimitSeconds * 1000,
    }, {
      process: (pid) => this.processes.push(pid),
      hello: (event) => out(vscode.l10n.t('Python {0} with NumPy {1}: {2} ({3})', event.python, event.numpy, event.executable, sourceText(interpreter.source))),
      loaded: (event) => {
        definitions = event.definitions;
        this.placeItems(file, event.definitions);
        if (event.output) out(event.output);
        if (event.skipped.length > 0) {
          const lines = event.skipped.map((s) => (s.line === s.endLine ? String(s.line) : `${s.line}–${s.endLine}`)).join(', ');
          out(vscode.l10n.t('Not run: the top-level statements at lines {0}. The checks run only the imports, functions and classes, and call the functions themselves.', lines));
        }
        for (const failure of event.importFailures) out(vscode.l10n.t('An import failed, and the checks go on without it: {0}: {1}', failure.type, failure.message));
      },
      started: (id) => { const item = items.get(id); if (item) run.started(item); },
      result: (id, result) => {
        const verdict = verdictOf(id, result, this.deps.specs, this.deps.classify);
        if (verdict.status !== 'passed') failed.add(id);
        const rendered = renderVerdict(id, verdict, context());
        const item = items.get(id);
        if (result.output) out(vscode.l10n.t('--- {0} printed:', id) + '\n' + result.output.replace(/\n$/, ''), undefined, item);
        if (result.output && result.outputChars > result.output.length) out(vscode.l10n.t('(and {0} more characters)', String(result.outputChars - result.output.length)), undefined, item);
        for (const line of rendered.output) out(line.text, line.location, item);
        settle(id, verdict.status === 'passed' ? 'passed' : verdict.status, rendered.messages, result.seconds === undefined ? undefined : result.seconds * 1000, rendered.summary);
        if (verdict.status === 'failed' && verdict.kind === 'values' && report.items[id]) {
          report.items[id]!.term = verdict.comparison.first?.name;
          report.items[id]!.mistake = verdict.mistake;
        }
      },
      stopped: (id, reason) => {
        failed.add(id);
        const rendered = renderVerdict(id, { status: 'errored', kind: 'stopped', reason }, context());
        for (const line of rendered.output) out(line.text, line.location, items.get(id));
        settle(id, reason.kind === 'cancelled' ? 'skipped' : 'errored', rendered.messages, undefined, rendered.summary);
      },
      output: (text, id) => run.appendOutput(text.replace(/\r?\n/g, '\r\n'), undefined, id ? items.get(id) : undefined),
    }, token);
    this.finish(end, file, report, settleAll, out, timeLimitSeconds, interpreter);
    return report;
  }

  private finish(
    end: SessionEnd, file: FileItems, report: FileReport, settleAll: (status: ItemStatus, text: string, line?: number) => void,
    out: (text: string, location?: vscode.Location) => void, timeLimitSeconds: number, interpreter: ResolvedInterpreter,
  ): void {
    const name = file.uri.path.split('/').pop()!;
    switch (end.kind) {
      case 'done':
        return;
      case 'cancelled':
        settleAll('skipped', vscode.l10n.t('Cancelled.'));
        return;
      case 'spawnFailed': {
        const text = vscode.l10n.t('Could not start {0}: {1}', interpreter.path, end.error.message);
        settleAll('errored', text);
        out(text);
        return;
      }
      case 'noNumpy': {
        const text = pythonProblem({ noNumpy: end.event })!;
        settleAll('errored', text);
        out(text);
        return;
      }
      case 'loadFailed': {
        const { error } = end.event;
        const syntax = ['SyntaxError', 'IndentationError', 'TabError'].includes(error.type);
        const frames = error.traceback.filter((frame) => sameFile(frame.file, file.uri.fsPath));
        const line = syntax ? (error.line ?? 1) - 1 : frames.length > 0 ? frames[frames.length - 1].line - 1 : undefined;
        const text = syntax
          ? vscode.l10n.t('{0} has a syntax error at line {1}: {2}. Nothing in it can run until it is fixed.', name, String((line ?? 0) + 1), error.message)
          : error.kind === 'timeLimit'
            ? vscode.l10n.t('Loading {0} did not finish within {1} s (its imports, functions and classes are run when it loads).', name, String(timeLimitSeconds))
            : vscode.l10n.t('Loading {0} raised {1}: {2}', name, error.type, error.message);
        if (end.event.output) out(end.event.output);
        for (const entry of traceback(error, { uri: file.uri, file: file.uri.fsPath })) out(entry.text, entry.location);
        settleAll('errored', text, line);
        return;
      }
      case 'stoppedBeforeChecks': {
        const text = stopText(end.reason, timeLimitSeconds, vscode.l10n.t('Loading {0}', name));
        out(text);
        settleAll(end.reason.kind === 'cancelled' ? 'skipped' : 'errored', text);
        return;
      }
    }
  }

  private placeItems(file: FileItems, definitions: Definitions): void {
    const lines = new Map<ExerciseFunctionId, number>();
    for (const id of file.functions.keys()) {
      const line = defLine(definitions, id);
      if (line !== undefined) lines.set(id, line);
    }
    const classLine = definitions.classes.NeuralNetwork?.line;
    this.items.placeAt(file, lines, classLine === undefined ? undefined : classLine - 1);
  }
}

export function restrictedModeText(): string {
  return vscode.l10n.t('Check My Code runs your Python code, and this workspace is in Restricted Mode: nothing was run. Trust the workspace (Manage Workspace Trust) to check your code.');
}

function runName(uri: vscode.Uri): string {
  const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
  const name = uri.path.split('/').pop()!;
  return document?.isDirty
    ? vscode.l10n.t('Check My Code: {0} (the editor’s unsaved text)', name)
    : vscode.l10n.t('Check My Code: {0} (the saved file)', name);
}

function sourceText(source: ResolvedInterpreter['source']): string {
  switch (source) {
    case 'pythonExtension': return vscode.l10n.t('selected in the Python extension');
    case 'setting': return vscode.l10n.t('from the setting neuralNetworkLab.pythonPath');
    case 'path': return vscode.l10n.t('found on PATH');
  }
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return await fs.promises.readFile(uri.fsPath, 'utf8');
  } catch {
    return undefined;
  }
}
