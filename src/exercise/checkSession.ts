// One Check: runs the harness on the learner's file and reports each function's result as it
// arrives. Every phase (start-up, loading the file, each function) has the time limit; the harness
// stops a function itself when it can (and says where), and a process that does not answer in
// time is killed with everything it started. When a function ends the process (a crash, os._exit,
// a loop that ignores the limit), the functions after it are checked in a fresh process.
import type { ExerciseFunctionId } from './functions';
import { parseHarnessLine, type CheckResult, type HarnessEvent } from './harnessProtocol';
import { HarnessProcess, type ProcessEnd } from './processRunner';
import type { HarnessCheck } from './specs';

/** What print() output of one function is kept for display, and where the harness stops it. */
export const OUTPUT_KEEP_CHARS = 64 * 1024;
export const OUTPUT_LIMIT_CHARS = 8 * 1024 * 1024;
/** The hard limit is the time limit plus this, so the harness's own stop (with a traceback) comes first. */
export const KILL_GRACE_MS = 2000;

export interface SessionOptions {
  python: string;
  harnessPath: string;
  /** The learner's file: tracebacks name it and its folder is where its imports are found. */
  file: string;
  /** The text that is checked (the editor's, or the file's). */
  source: string;
  checks: HarnessCheck[];
  timeLimitMs: number;
  env?: NodeJS.ProcessEnv;
}

/** Why a function's check could not finish. */
export type StopReason =
  | { kind: 'timeLimit' }
  | { kind: 'output' }
  | { kind: 'crashed'; code: number | null; signal: string | null; stderr: string }
  | { kind: 'cancelled' };

export type SessionEnd =
  | { kind: 'done' }
  | { kind: 'cancelled' }
  | { kind: 'spawnFailed'; error: NodeJS.ErrnoException }
  | { kind: 'noNumpy'; event: Extract<HarnessEvent, { event: 'noNumpy' }> }
  | { kind: 'loadFailed'; event: Extract<HarnessEvent, { event: 'loadFailed' }> }
  /** The process ended before any function was checked (start-up or loading the file). */
  | { kind: 'stoppedBeforeChecks'; reason: StopReason };

export interface SessionListener {
  hello?(event: Extract<HarnessEvent, { event: 'hello' }>): void;
  loaded?(event: Extract<HarnessEvent, { event: 'loaded' }>): void;
  started?(id: ExerciseFunctionId): void;
  result?(id: ExerciseFunctionId, result: CheckResult): void;
  stopped?(id: ExerciseFunctionId, reason: StopReason): void;
  /** What the interpreter itself wrote to stderr, attributed to the function being checked. */
  output?(text: string, id: ExerciseFunctionId | undefined): void;
  /** Each harness process, once started (the tests check that none outlives its Check). */
  process?(pid: number): void;
}

export interface Cancellation {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): { dispose(): void };
}

const NEVER_CANCELLED: Cancellation = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) };

export function harnessEnvironment(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return {
    ...base,
    PYTHONDONTWRITEBYTECODE: '1', // no __pycache__ in the learner's folder (with -B)
    PYTHONIOENCODING: 'utf-8',
    PYTHONUNBUFFERED: '1',
    MPLBACKEND: 'Agg', // a plot import must never open a window
  };
}

export async function runCheckSession(options: SessionOptions, listener: SessionListener, token: Cancellation = NEVER_CANCELLED): Promise<SessionEnd> {
  let pending = [...options.checks];
  let loadedOnce = false;
  const started = new Set<ExerciseFunctionId>();
  while (pending.length > 0) {
    if (token.isCancellationRequested) return { kind: 'cancelled' };
    const attempt = await runProcess(options, pending, listener, token, {
      loaded: (event) => { if (!loadedOnce) { loadedOnce = true; listener.loaded?.(event); } },
      started: (id) => { if (!started.has(id)) { started.add(id); listener.started?.(id); } },
    });
    pending = pending.filter((check) => !attempt.finished.has(check.id));
    if (attempt.end) return attempt.end;
    if (attempt.stoppedAt === undefined) return { kind: 'done' };
    // A function ended the process: report it, then check the rest in a fresh process.
    listener.stopped?.(attempt.stoppedAt, attempt.reason!);
    pending = pending.filter((check) => check.id !== attempt.stoppedAt);
    if (attempt.reason!.kind === 'cancelled') return { kind: 'cancelled' };
  }
  return { kind: 'done' };
}

interface Attempt {
  finished: Set<ExerciseFunctionId>;
  /** How the session ends, when this process ended it. */
  end?: SessionEnd;
  /** The function being checked when the process ended early. */
  stoppedAt?: ExerciseFunctionId;
  reason?: StopReason;
}

function runProcess(
  options: SessionOptions, checks: HarnessCheck[], listener: SessionListener, token: Cancellation,
  once: { loaded(event: Extract<HarnessEvent, { event: 'loaded' }>): void; started(id: ExerciseFunctionId): void },
): Promise<Attempt> {
  const finished = new Set<ExerciseFunctionId>();
  let current: ExerciseFunctionId | undefined;
  let done = false;
  let end: SessionEnd | undefined;
  const request = {
    file: options.file,
    source: options.source,
    checks,
    timeLimitSeconds: options.timeLimitMs / 1000,
    outputKeepChars: OUTPUT_KEEP_CHARS,
    outputLimitChars: OUTPUT_LIMIT_CHARS,
  };
  const harness = new HarnessProcess({
    command: options.python,
    args: ['-B', options.harnessPath],
    cwd: dirnameOf(options.file),
    env: options.env ?? harnessEnvironment(),
    input: JSON.stringify(request),
    maxLineChars: 64 * 1024 * 1024,
    maxOutputChars: OUTPUT_LIMIT_CHARS,
    keepOutputChars: OUTPUT_KEEP_CHARS,
  }, {
    line: (line) => {
      const event = parseHarnessLine(line);
      if (!event) {
        listener.output?.(line + '\n', current);
        return;
      }
      watchdog();
      switch (event.event) {
        case 'hello': listener.hello?.(event); break;
        case 'noNumpy': end = { kind: 'noNumpy', event }; break;
        case 'loaded': once.loaded(event); break;
        case 'loadFailed': end = { kind: 'loadFailed', event }; break;
        case 'start': current = event.id; once.started(event.id); break;
        case 'result':
          finished.add(event.id);
          current = undefined;
          listener.result?.(event.id, event.result);
          break;
        case 'done': done = true; break;
      }
    },
    output: (text) => listener.output?.(text, current),
  });
  if (harness.pid !== undefined) listener.process?.(harness.pid);
  let timer: ReturnType<typeof setTimeout> | undefined;
  function watchdog(): void {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => harness.kill('timeLimit'), options.timeLimitMs + KILL_GRACE_MS);
  }
  watchdog();
  const cancelled = token.onCancellationRequested(() => harness.kill('cancelled'));
  return harness.ended.then((processEnd) => {
    if (timer) clearTimeout(timer);
    cancelled.dispose();
    if (processEnd.spawnError && harness.pid === undefined) return { finished, end: { kind: 'spawnFailed', error: processEnd.spawnError } };
    if (end) return { finished, end };
    if (done) return { finished };
    const reason = stopReason(processEnd, harness.output.text);
    if (current === undefined) {
      // Nothing was being checked: start-up or loading the file ended the process.
      return { finished, end: reason.kind === 'cancelled' ? { kind: 'cancelled' } : { kind: 'stoppedBeforeChecks', reason } };
    }
    return { finished, stoppedAt: current, reason };
  });
}

function stopReason(end: ProcessEnd, stderr: string): StopReason {
  switch (end.killedBecause) {
    case 'timeLimit': return { kind: 'timeLimit' };
    case 'output': return { kind: 'output' };
    case 'cancelled': return { kind: 'cancelled' };
    default: return { kind: 'crashed', code: end.code, signal: end.signal, stderr: stderr.slice(-4000) };
  }
}

function dirnameOf(file: string): string {
  const slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return slash > 0 ? file.slice(0, slash) : '.';
}
