// How the exported NumPy class trains: the tutorial's loop (one row per iteration, as the lab's SGD
// picks rows, with or without a weight penalty), or — when the lab's run averaged mini-batches — the
// lab's batch step, so that the exported train() replays either kind of run (src/core/training.ts and
// src/core/regularization.ts are the reference).

import type { ModelSnapshot } from '../core/types';
import { pythonFloat } from './pythonLiterals';

/** Whether a run steps on batches drawn by LabBatches: any batch size above 1 (a batch of one, penalised
 *  or not, is the tutorial's SGD on the tutorial's row picks, as the lab's fused step runs it). */
export function usesBatches(batchSize: number): boolean {
  return batchSize > 1;
}

/**
 * Lines that add the weight penalty's slope to a weights gradient, as the lab's step does:
 * 2 · rate · w for L2 (rate · Σ w²), rate · sign(w) for L1 (rate · Σ |w|); biases are not penalised.
 * Each line ends with a newline; none without regularization.
 */
export function penaltyLines(snapshot: Pick<ModelSnapshot, 'regularization'>, gradient: string, weights: string, indent: string): string {
  const penalty = snapshot.regularization;
  if (!penalty) return '';
  const rate = pythonFloat(penalty.rate);
  const slope = penalty.kind === 'L2' ? `2 * ${rate} * ${weights}` : `${rate} * np.sign(${weights})`;
  const what = penalty.kind === 'L2' ? `${rate} · Σ w²` : `${rate} · Σ |w|`;
  return `${indent}# The ${penalty.kind} penalty ${what} adds its slope to every weight's gradient (not the bias's)
${indent}${gradient} = ${gradient} + ${slope}
`;
}

const RECORD_ERROR = (errorInterval: number) => `            # Measure the cumulative error for all the instances
            if current_iteration % ${errorInterval} == 0:
                cumulative_error = 0
                # Loop through all the instances to measure the error
                for data_instance_index in range(len(input_vectors)):
                    data_point = input_vectors[data_instance_index]
                    target = targets[data_instance_index]

                    prediction = self.predict(data_point)
                    error = np.square(prediction - target)

                    cumulative_error = cumulative_error + error
                cumulative_errors.append(cumulative_error)

        return cumulative_errors`;

/** The class's train method: the tutorial's, or the lab's batch step (see usesBatches). */
export function trainMethod(snapshot: ModelSnapshot, errorInterval: number, batchSize: number): string {
  if (!usesBatches(batchSize)) {
    return `    def train(self, input_vectors, targets, iterations):
        cumulative_errors = []
        for current_iteration in range(iterations):
            # Pick a data instance at random (the tutorial calls np.random.randint here; the
            # lab's generator picks the rows the lab picked)
            random_data_index = self.random.randint(len(input_vectors))

            input_vector = input_vectors[random_data_index]
            target = targets[random_data_index]

            # Compute the gradients and update the weights
            derror_dbias, derror_dweights = self._compute_gradients(
                input_vector, target
            )

            self._update_parameters(derror_dbias, derror_dweights)

${RECORD_ERROR(errorInterval)}`;
  }
  const mean = snapshot.hiddenLayers.length === 0
    ? `            derror_dbias = np.mean([g[0] for g in gradients], axis=0)
            derror_dweights = np.mean([g[1] for g in gradients], axis=0)`
    : `            derror_dbias = [np.mean([g[0][index] for g in gradients], axis=0) for index in range(len(self.weights))]
            derror_dweights = [np.mean([g[1][index] for g in gradients], axis=0) for index in range(len(self.weights))]`;
  return `    def train(self, input_vectors, targets, iterations):
        cumulative_errors = []
        # As the lab trained: every step takes the next BATCH_SIZE rows of a shuffle drawn with the
        # lab's generator (no row again until every row has had its turn; see LabBatches)
        batches = LabBatches(self.random, len(input_vectors), BATCH_SIZE)
        for current_iteration in range(iterations):
            batch = batches.next()

            # Each row's gradients, then their mean: one update for the whole batch
            gradients = [self._compute_gradients(input_vectors[i], targets[i]) for i in batch]
${mean}

            self._update_parameters(derror_dbias, derror_dweights)

${RECORD_ERROR(errorInterval)}`;
}

/** The lab's batch order in Python: BatchPicker (src/core/regularization.ts) step for step. */
export const LAB_BATCHES_CLASS = `class LabBatches:
    """The lab's mini-batches: the next rows of a shuffle drawn with LabRandom, no row again until
    every row has had its turn; all the rows, in order, when a batch covers them."""

    def __init__(self, random, count, batch_size):
        self.random, self.order, self.position = random, list(range(count)), 0
        self.batch_size = min(batch_size, count)

    def next(self):
        if self.batch_size == len(self.order):
            return list(self.order)
        batch = []
        for _ in range(self.batch_size):
            if self.position == len(self.order):
                self.position = 0
            swap = self.position + self.random.randint(len(self.order) - self.position)
            self.order[self.position], self.order[swap] = self.order[swap], self.order[self.position]
            batch.append(self.order[self.position])
            self.position += 1
        return batch`;

/** The LabBatches class and BATCH_SIZE, for scripts whose run steps on batches; else nothing. */
export function batchDefinitions(batchSize: number): string {
  if (!usesBatches(batchSize)) return '';
  return `${LAB_BATCHES_CLASS}


# Rows per step in the lab's run
BATCH_SIZE = ${batchSize}


`;
}
