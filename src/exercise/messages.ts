// What the Testing view shows for a verdict: a TestMessage with expected and actual values (a diff),
// the first tutorial term that differs, the known mistake the numbers equal, at the line where it
// starts; and the traceback and prints as test output, each traceback line linked to its file.
import * as vscode from 'vscode';
import { OUTPUT_LIMIT_CHARS, type StopReason } from './checkSession';
import { exerciseFunction, tutorialSignature, type ExerciseFunctionId, NETWORK_CLASS } from './functions';
import type { Definitions, FunctionInfo, PythonError, PythonFrame } from './harnessProtocol';
import type { Verdict } from './verdict';
import { mistakeText } from './mistakeMessages';

export function displayName(id: ExerciseFunctionId): string {
  return id; // "sigmoid" or "NeuralNetwork.predict", as Python names it
}

/** The def line (0-based) of a function in what the harness parsed. */
function functionInfo(definitions: Definitions | undefined, id: ExerciseFunctionId): FunctionInfo | undefined {
  const fn = exerciseFunction(id)!;
  return fn.className ? definitions?.classes[fn.className]?.methods[fn.name] : definitions?.functions[fn.name];
}

export function defLine(definitions: Definitions | undefined, id: ExerciseFunctionId): number | undefined {
  const info = functionInfo(definitions, id);
  return info ? info.line - 1 : undefined;
}

function location(uri: vscode.Uri, line: number | undefined): vscode.Location | undefined {
  return line === undefined || line < 0 ? undefined : new vscode.Location(uri, new vscode.Position(line, 0));
}

/** The deepest traceback line inside the checked file: where the learner's code raised or was stopped. */
function lineInFile(error: PythonError, file: string): number | undefined {
  const frames = error.traceback.filter((frame) => sameFile(frame.file, file));
  const last = frames[frames.length - 1];
  return last ? last.line - 1 : error.line !== undefined && error.line > 0 ? error.line - 1 : undefined;
}

export function sameFile(a: string, b: string): boolean {
  return process.platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b;
}

export interface RenderedVerdict {
  messages: vscode.TestMessage[];
  /** One line for summaries and the API. */
  summary: string;
  /** Text for the test output (traceback, notes), CRLF line ends added by the caller. */
  output: { text: string; location?: vscode.Location }[];
}

export interface RenderContext {
  uri: vscode.Uri;
  file: string;
  definitions?: Definitions;
  timeLimitSeconds: number;
  /** Verdicts of the other functions in this run, for "train calls X, which fails its own check". */
  failedInThisRun: ReadonlySet<string>;
}

export function renderVerdict(id: ExerciseFunctionId, verdict: Verdict, context: RenderContext): RenderedVerdict {
  const name = displayName(id);
  const at = (line: number | undefined) => location(context.uri, line ?? defLine(context.definitions, id));
  switch (verdict.status) {
    case 'passed':
      return { messages: [], summary: vscode.l10n.t('{0} passed', name), output: [] };
    case 'failed':
      if (verdict.kind === 'missing') return missing(id, context);
      if (verdict.kind === 'raised') return raised(id, verdict, context, at);
      return wrongValues(id, verdict, context, at);
    case 'errored':
      if (verdict.kind === 'stopped') return stopped(id, verdict.reason, context);
      return errored(id, verdict, context, at);
  }
}

function wrongValues(id: ExerciseFunctionId, verdict: Extract<Verdict, { kind: 'values' }>, context: RenderContext, at: (line?: number) => vscode.Location | undefined): RenderedVerdict {
  const first = verdict.comparison.first!;
  const name = displayName(id);
  const term = first.name.replace(/^returned /, '');
  const mistake = verdict.mistake ? mistakeText(verdict.mistake) : undefined;
  // What matters comes first: VS Code shows the start of the message beside the code.
  const parts = mistake ? [vscode.l10n.t('Known mistake: {0}.', mistake.name)] : [];
  parts.push(first.term.source === 'local'
    ? vscode.l10n.t('{0} is the first of the tutorial’s terms that differs: expected {1}, got {2}, in {3}.', term, first.expected, first.actual, verdict.call)
    : vscode.l10n.t('{0} is wrong: expected {1}, got {2}, in {3}.', term, first.expected, first.actual, verdict.call));
  if (first.reason === 'shape') parts.push(vscode.l10n.t('The shapes differ: compare how many values each side has.'));
  if (verdict.notReplayed) {
    parts.push(vscode.l10n.t('np.random.randint gave the lab’s rows {0} times in {1} iterations, so your run could not follow the lab’s. Pick each row with np.random.randint(len(input_vectors)), as the tutorial does.', String(verdict.notReplayed.replayed), String(verdict.notReplayed.iterations)));
  }
  if (mistake) parts.push(vscode.l10n.t('Your numbers are exactly the ones it gives.'), mistake.explanation);
  const failedCallees = verdict.calls.filter((callee) => callee !== id && context.failedInThisRun.has(callee));
  if (failedCallees.length > 0) parts.push(vscode.l10n.t('{0} calls {1}, which fails its own check: fix that first.', name, failedCallees.join(', ')));
  const text = parts.join(' ');
  const info = functionInfo(context.definitions, id);
  const key = first.term.source === 'attribute' ? `self.${first.term.keys[0]}` : first.term.keys.find((k) => info?.assigned[k] !== undefined);
  const line = first.term.source !== 'returned' && key && info?.assigned[key] ? info.assigned[key] - 1 : undefined;
  // Two messages: the explanation where the wrong value is computed, and expected against actual
  // values (a diff view) on the def line.
  const explanation = new vscode.TestMessage(text);
  explanation.location = at(line);
  const values = vscode.TestMessage.diff(vscode.l10n.t('Expected and actual values of {0}', verdict.call),
    verdict.comparison.expectedLines.join('\n') + '\n', verdict.comparison.actualLines.join('\n') + '\n');
  values.location = at(undefined);
  return { messages: [explanation, values], summary: text, output: [] };
}

function raised(id: ExerciseFunctionId, verdict: Extract<Verdict, { kind: 'raised' }>, context: RenderContext, at: (line?: number) => vscode.Location | undefined): RenderedVerdict {
  const { error } = verdict;
  const name = displayName(id);
  let text: string;
  if (error.type === 'NotImplementedError') {
    text = vscode.l10n.t('{0} is not written yet: it raises NotImplementedError. {1}', name, error.message);
  } else {
    text = vscode.l10n.t('{0} raised {1}: {2}', verdict.call, error.type, error.message);
    if (error.type === 'NameError') text += ' ' + vscode.l10n.t('The checks run only the imports, functions and classes of the file, so a name that a top-level statement defines does not exist for them.');
    if (error.type === 'AttributeError' && exerciseFunction(id)!.className === NETWORK_CLASS) {
      text += ' ' + vscode.l10n.t('The check makes the object without calling __init__ and sets self.weights, self.bias and self.learning_rate, the tutorial’s names, before each call.');
    }
  }
  const message = new vscode.TestMessage(text);
  message.location = at(lineInFile(error, context.file));
  return { messages: [message], summary: text, output: traceback(error, context) };
}

function errored(id: ExerciseFunctionId, verdict: Extract<Verdict, { status: 'errored'; call: string }>, context: RenderContext, at: (line?: number) => vscode.Location | undefined): RenderedVerdict {
  const { error } = verdict;
  let text: string;
  if (verdict.kind === 'timeLimit') {
    const line = lineInFile(error, context.file);
    text = line === undefined
      ? vscode.l10n.t('{0} did not finish within {1} s and was stopped.', verdict.call, String(context.timeLimitSeconds))
      : vscode.l10n.t('{0} did not finish within {1} s and was stopped at line {2}. Is there a loop that never ends?', verdict.call, String(context.timeLimitSeconds), String(line + 1));
  } else if (verdict.kind === 'outputLimit') {
    text = vscode.l10n.t('{0} printed more than {1} characters and was stopped.', verdict.call, OUTPUT_LIMIT_CHARS.toLocaleString('en-US'));
  } else {
    text = vscode.l10n.t('{0} called sys.exit({1}), which ends the Python process: a function should return its result instead.', verdict.call, error.message);
  }
  const message = new vscode.TestMessage(text);
  message.location = at(lineInFile(error, context.file));
  return { messages: [message], summary: text, output: traceback(error, context) };
}

function stopped(id: ExerciseFunctionId, reason: StopReason, context: RenderContext): RenderedVerdict {
  const text = stopText(reason, context.timeLimitSeconds, displayName(id));
  const message = new vscode.TestMessage(text);
  message.location = location(context.uri, defLine(context.definitions, id));
  return { messages: [message], summary: text, output: reason.kind === 'crashed' && reason.stderr ? [{ text: reason.stderr }] : [] };
}

export function stopText(reason: StopReason, timeLimitSeconds: number, what: string): string {
  switch (reason.kind) {
    case 'timeLimit':
      return vscode.l10n.t('{0} did not finish within {1} s: the Python process and everything it started were ended.', what, String(timeLimitSeconds));
    case 'output':
      return vscode.l10n.t('{0} wrote too much output: the Python process was ended.', what);
    case 'cancelled':
      return vscode.l10n.t('{0}: the check was cancelled.', what);
    case 'crashed':
      return reason.signal
        ? vscode.l10n.t('The Python process crashed ({1}) while checking {0}.', what, reason.signal)
        : vscode.l10n.t('The Python process ended (exit code {1}) while checking {0}.', what, String(reason.code));
  }
}

function missing(id: ExerciseFunctionId, context: RenderContext): RenderedVerdict {
  const fn = exerciseFunction(id)!;
  const file = context.file.split(/[\\/]/).pop()!;
  const text = fn.className && context.definitions && !context.definitions.classes[fn.className]
    ? vscode.l10n.t('{0} has no class {1}, so {2} is missing. The tutorial writes it as {3}', file, fn.className, displayName(id), tutorialSignature(fn))
    : fn.className
      ? vscode.l10n.t('The class {0} in {1} has no method {2}. The tutorial writes it as {3}', fn.className, file, fn.name, tutorialSignature(fn))
      : vscode.l10n.t('{0} does not define the function {1}. The tutorial writes it as {2}', file, fn.name, tutorialSignature(fn));
  const message = new vscode.TestMessage(text);
  const classLine = fn.className ? context.definitions?.classes[fn.className]?.line : undefined;
  message.location = location(context.uri, classLine === undefined ? undefined : classLine - 1);
  return { messages: [message], summary: text, output: [] };
}

/** Python's traceback, each frame a line of its own linked to where it points. */
export function traceback(error: PythonError, context: Pick<RenderContext, 'uri' | 'file'>): { text: string; location?: vscode.Location }[] {
  const lines: { text: string; location?: vscode.Location }[] = [];
  if (error.traceback.length > 0) lines.push({ text: 'Traceback (most recent call last):' });
  for (const frame of error.traceback) lines.push(frameLine(frame, context));
  if (error.type === 'SyntaxError' || error.type === 'IndentationError' || error.type === 'TabError') {
    lines.push({ text: `  File "${context.file}", line ${error.line ?? 0}`, location: location(context.uri, (error.line ?? 1) - 1) });
    if (error.text) lines.push({ text: `    ${error.text.trim()}` });
  }
  const kind = error.kind === 'timeLimit' ? vscode.l10n.t('stopped: the time limit') : `${error.type}: ${error.message}`;
  lines.push({ text: kind });
  return lines;
}

function frameLine(frame: PythonFrame, context: Pick<RenderContext, 'uri' | 'file'>): { text: string; location?: vscode.Location } {
  const uri = sameFile(frame.file, context.file) ? context.uri : frame.file.startsWith('<') ? undefined : vscode.Uri.file(frame.file);
  const text = `  File "${frame.file}", line ${frame.line}, in ${frame.name}${frame.text ? `\n    ${frame.text}` : ''}`;
  return { text, location: uri && frame.line > 0 ? new vscode.Location(uri, new vscode.Position(frame.line - 1, 0)) : undefined };
}
