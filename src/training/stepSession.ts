// The step debugger's session: the stepper the learner is stepping, and a Run to going on in a
// worker for it (at most one at a time).
import type { Stepper } from './stepper';

export class StepSession {
  stepper?: Stepper;
  /** A Run to of the step debugger going on in a worker. */
  job?: { until: number; cancel(): void };

  /** Cancels a Run to and forgets the stepper: the next step starts again from the file. */
  reset(): void {
    this.job?.cancel();
    this.job = undefined;
    this.stepper = undefined;
  }
}
