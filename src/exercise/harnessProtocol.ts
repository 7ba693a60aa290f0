// What python/exercise_harness.py prints, one JSON object per line, and the checks on it. The
// harness runs inside the learner's Python process, so every line is validated before use and
// anything that does not fit is treated as plain output.
import type { ExerciseFunctionId } from './functions';
import { isExerciseFunctionId } from './functions';

/** A value as the harness reports it: numbers as floats, arrays and tuples as lists. */
export type Observed =
  | number
  | Observed[]
  | { nonFinite: 'nan' | 'inf' | '-inf' }
  | { repr: string; type: string; shape?: number[] };

export interface PythonFrame {
  file: string;
  line: number;
  name: string;
  text: string;
}

export interface PythonError {
  kind: 'exception' | 'timeLimit' | 'outputLimit' | 'exit';
  type: string;
  message: string;
  traceback: PythonFrame[];
  /** SyntaxError: where Python points. */
  line?: number;
  column?: number;
  text?: string;
  /** Which case of the check raised (0-based). */
  case?: number;
}

export interface ObservedCase {
  returned?: Observed;
  locals: Record<string, Observed>;
  attributes: Record<string, Observed>;
  /** Which of the checked functions this call called. */
  calls: string[];
  /** train: how many np.random.randint calls got the lab's rows, and how many did not. */
  randint?: { replayed: number; other: number };
}

export interface FunctionInfo {
  line: number;
  /** Where each local name is first assigned. */
  assigned: Record<string, number>;
}

export interface Definitions {
  functions: Record<string, FunctionInfo>;
  classes: Record<string, { line: number; methods: Record<string, FunctionInfo> }>;
}

export type CheckResult = {
  /** The file does not define the function. */
  missing: true;
  cases?: undefined;
  error?: undefined;
  output?: undefined;
  outputChars?: undefined;
  seconds?: undefined;
} | {
  missing?: undefined;
  cases: ObservedCase[];
  error?: PythonError;
  output: string;
  outputChars: number;
  seconds: number;
};

export type HarnessEvent =
  | { event: 'hello'; python: string; executable: string; numpy: string }
  | { event: 'noNumpy'; python: string; executable: string; error: string; externallyManaged: boolean; venv: boolean }
  | { event: 'loaded'; definitions: Definitions; skipped: { line: number; endLine: number }[]; importFailures: PythonError[]; output: string }
  | { event: 'loadFailed'; error: PythonError; output: string }
  | { event: 'start'; id: ExerciseFunctionId }
  | { event: 'result'; id: ExerciseFunctionId; result: CheckResult }
  | { event: 'done' };

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isLine = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

export function isObserved(value: unknown, depth = 0): value is Observed {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return depth < 10 && value.every((item) => isObserved(item, depth + 1));
  if (!isObject(value)) return false;
  if ('nonFinite' in value) return value.nonFinite === 'nan' || value.nonFinite === 'inf' || value.nonFinite === '-inf';
  return isString(value.repr) && isString(value.type);
}

function isFrame(value: unknown): value is PythonFrame {
  return isObject(value) && isString(value.file) && isLine(value.line) && isString(value.name) && isString(value.text);
}

function isPythonError(value: unknown): value is PythonError {
  return isObject(value) && ['exception', 'timeLimit', 'outputLimit', 'exit'].includes(value.kind as string) &&
    isString(value.type) && isString(value.message) && Array.isArray(value.traceback) && value.traceback.every(isFrame) &&
    (value.line === undefined || isLine(value.line)) && (value.case === undefined || isLine(value.case));
}

function isObservedRecord(value: unknown): value is Record<string, Observed> {
  return isObject(value) && Object.values(value).every((item) => isObserved(item));
}

function isObservedCase(value: unknown): value is ObservedCase {
  return isObject(value) && (value.returned === undefined || isObserved(value.returned)) &&
    isObservedRecord(value.locals) && isObservedRecord(value.attributes) &&
    Array.isArray(value.calls) && value.calls.every(isString);
}

function isFunctionInfo(value: unknown): value is FunctionInfo {
  return isObject(value) && isLine(value.line) && isObject(value.assigned) && Object.values(value.assigned).every(isLine);
}

function isDefinitions(value: unknown): value is Definitions {
  return isObject(value) && isObject(value.functions) && Object.values(value.functions).every(isFunctionInfo) &&
    isObject(value.classes) && Object.values(value.classes).every((cls) =>
      isObject(cls) && isLine(cls.line) && isObject(cls.methods) && Object.values(cls.methods).every(isFunctionInfo));
}

function isCheckResult(value: unknown): value is CheckResult {
  if (!isObject(value)) return false;
  if (value.missing === true) return true;
  return Array.isArray(value.cases) && value.cases.every(isObservedCase) && (value.error === undefined || isPythonError(value.error)) &&
    isString(value.output) && typeof value.outputChars === 'number' && typeof value.seconds === 'number';
}

/** One line of the harness's output as an event, or undefined when it is not one. */
export function parseHarnessLine(line: string): HarnessEvent | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!isObject(value)) return undefined;
  switch (value.event) {
    case 'hello':
      return isString(value.python) && isString(value.executable) && isString(value.numpy) ? (value as HarnessEvent) : undefined;
    case 'noNumpy':
      return isString(value.python) && isString(value.executable) && isString(value.error) ? {
        event: 'noNumpy', python: value.python, executable: value.executable, error: value.error,
        externallyManaged: value.externallyManaged === true, venv: value.venv === true,
      } : undefined;
    case 'loaded':
      return isDefinitions(value.definitions) && Array.isArray(value.skipped) &&
        value.skipped.every((s) => isObject(s) && isLine(s.line) && isLine(s.endLine)) &&
        Array.isArray(value.importFailures) && value.importFailures.every(isPythonError) && isString(value.output)
        ? (value as HarnessEvent) : undefined;
    case 'loadFailed':
      return isPythonError(value.error) && isString(value.output) ? (value as HarnessEvent) : undefined;
    case 'start':
      return isExerciseFunctionId(value.id) ? { event: 'start', id: value.id } : undefined;
    case 'result':
      return isExerciseFunctionId(value.id) && isCheckResult(value.result) ? (value as HarnessEvent) : undefined;
    case 'done':
      return { event: 'done' };
    default:
      return undefined;
  }
}
