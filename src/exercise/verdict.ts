// From what the harness reported for one function to a verdict: passed, failed (wrong values, with
// the first differing term and the known mistake they match, or an exception of the learner's
// code), or errored (the check could not finish: time limit, output limit, sys.exit, a crash).
// Pure, so every verdict is unit-tested without Python.
import type { TutorialMistake } from '../core/tutorialStep';
import { compareCase, type CaseComparison } from './compare';
import type { CheckResult, PythonError } from './harnessProtocol';
import type { ExerciseFunctionId } from './functions';
import type { ObservedCase } from './harnessProtocol';
import type { Specs } from './specs';
import type { StopReason } from './checkSession';

export type Verdict =
  | { status: 'passed' }
  | {
    status: 'failed'; kind: 'values'; caseIndex: number; call: string; comparison: CaseComparison;
    mistake?: TutorialMistake;
    /** The checked functions this call used. */
    calls: string[];
    /** train: np.random.randint was not used for every row, so the run could not be replayed. */
    notReplayed?: { replayed: number; iterations: number };
  }
  | { status: 'failed'; kind: 'raised'; caseIndex: number; call: string; error: PythonError }
  | { status: 'failed'; kind: 'missing' }
  | { status: 'errored'; kind: 'timeLimit' | 'outputLimit' | 'exit'; call: string; error: PythonError }
  | { status: 'errored'; kind: 'stopped'; reason: StopReason };

/** Names the known mistake a failing function's numbers equal, if any (see mistakes.ts). */
export type Classify = (id: ExerciseFunctionId, observed: readonly ObservedCase[]) => TutorialMistake | undefined;

export function verdictOf(id: ExerciseFunctionId, result: CheckResult, specs: Specs, classify?: Classify): Verdict {
  if (result.missing) return { status: 'failed', kind: 'missing' };
  const spec = specs[id];
  for (let caseIndex = 0; caseIndex < result.cases.length && caseIndex < spec.cases.length; caseIndex++) {
    const testCase = spec.cases[caseIndex];
    const observed = result.cases[caseIndex];
    const comparison = compareCase(testCase, observed);
    if (comparison.passed) continue;
    const replay = testCase.replayRandint;
    const notReplayed = replay && observed.randint && observed.randint.replayed < replay.rows.length
      ? { replayed: observed.randint.replayed, iterations: replay.rows.length } : undefined;
    return {
      status: 'failed', kind: 'values', caseIndex, call: testCase.call, comparison, calls: observed.calls,
      // A run that did not take the lab's rows cannot be compared with a mistake's run either.
      mistake: notReplayed || result.error ? undefined : classify?.(id, result.cases),
      ...(notReplayed ? { notReplayed } : {}),
    };
  }
  if (result.error) {
    const caseIndex = Math.min(result.error.case ?? result.cases.length, spec.cases.length - 1);
    const call = spec.cases[caseIndex].call;
    if (result.error.kind === 'exception') return { status: 'failed', kind: 'raised', caseIndex, call, error: result.error };
    return { status: 'errored', kind: result.error.kind, call, error: result.error };
  }
  if (result.cases.length < spec.cases.length) {
    return { status: 'errored', kind: 'stopped', reason: { kind: 'crashed', code: null, signal: null, stderr: '' } };
  }
  return { status: 'passed' };
}
