// The SGD step debugger: the tutorial's training loop one iteration at a time, on the host.
// It picks rows with the network's own generator and updates through computeGradients and
// updateParameters, which the core keeps bit-identical to train(): stepping N times from the
// same seed lands exactly where a training run of N iterations does. A long "Run to" goes to a
// worker (runToJob.ts) with the debugger's state, which comes back to be adopted here.
import { NeuralNetwork, createTrainer } from '../core';
import { type Dataset } from '../dataset';
import type { StepView, TrainingSettings } from '../protocol';
import { isTrainingRow } from './trainingRows';
import type { RunToState } from './runToProtocol';

/** Iterations × parameters up to which Run to stays on the host: a few milliseconds of work. */
export const INLINE_RUN_TO_WORK = 1_000_000;

export class Stepper {
  private network: NeuralNetwork;
  private readonly parameterCount: number;
  /** Indexes (in the file) of the training rows, in the order train() packs them. */
  private readonly rowIndexes: number[];
  private readonly inputs: number[][];
  private readonly targets: number[];
  iteration = 0;

  constructor(readonly datasetUri: string, dataset: Dataset, readonly settings: TrainingSettings) {
    const rows = dataset.rows.filter(isTrainingRow);
    this.rowIndexes = rows.map((row) => row.index);
    this.inputs = rows.map((row) => row.input);
    this.targets = rows.map((row) => row.target);
    const start = settings.hiddenLayers.length === 0 && !settings.inputs ? dataset.network.start : undefined;
    this.network = new NeuralNetwork({
      learningRate: settings.learningRate,
      seed: settings.seed,
      hiddenLayers: settings.hiddenLayers,
      activation: settings.activation,
      output: settings.output,
      inputSize: dataset.inputSize,
      ...(settings.inputs ? { inputs: settings.inputs } : {}),
      ...(settings.regularization ? { regularization: settings.regularization } : {}),
      ...start,
    });
    this.parameterCount = this.network.parameters().reduce((sum, layer) => sum + layer.biases.length * (1 + (layer.weights[0]?.length ?? 0)), 0);
  }

  /** Whether this stepper still fits the dataset as it is now. */
  matches(datasetUri: string, settings: TrainingSettings, dataset: Dataset): boolean {
    const rows = dataset.rows.filter(isTrainingRow);
    return (
      datasetUri === this.datasetUri &&
      JSON.stringify(settings) === JSON.stringify(this.settings) &&
      rows.length === this.inputs.length &&
      rows.every((row, index) => row.index === this.rowIndexes[index] && row.input.join() === this.inputs[index].join() && row.target === this.targets[index])
    );
  }

  step(): StepView {
    const picked = this.network.sampler.randomInt(this.inputs.length);
    const input = this.inputs[picked];
    const target = this.targets[picked];
    const before = this.network.parameters();
    const prediction = this.network.predict(input);
    const gradients = this.network.computeGradients(input, target);
    this.network.updateParameters(gradients);
    const iteration = this.iteration++;
    return {
      datasetUri: this.datasetUri,
      iteration,
      row: this.rowIndexes[picked],
      input: [...input],
      target,
      prediction,
      output: this.network.output,
      learningRate: this.settings.learningRate,
      gradients: gradients.layers,
      before,
      after: this.network.parameters(),
      cumulativeError: iteration % this.settings.errorInterval === 0 ? this.network.cumulativeError(this.inputs, this.targets) : undefined,
    };
  }

  /** Whether running on to `iteration` is too much work for the host's thread (see INLINE_RUN_TO_WORK). */
  runsLong(iteration: number): boolean {
    return (iteration - this.iteration) * this.parameterCount > INLINE_RUN_TO_WORK;
  }

  /** Runs on (fast, without per-step detail) to just before `iteration`, then takes that step. On the host: keep it short. */
  runTo(iteration: number): StepView | undefined {
    if (iteration < this.iteration) return undefined;
    const steps = iteration - this.iteration;
    const trainer = createTrainer(this.network, this.inputs, this.targets, { iterations: steps, errorInterval: Math.max(1, steps), batchSize: this.settings.batchSize });
    trainer.run(steps);
    this.iteration += trainer.iteration;
    return this.step();
  }

  /** What a worker needs to run on to just before `iteration` exactly as runTo would. */
  runToRequest(iteration: number): RunToState & { inputs: number[][]; targets: number[]; steps: number; batchSize?: number } {
    return {
      model: this.network.snapshot(), sampler: this.network.sampler.state(), inputs: this.inputs, targets: this.targets,
      steps: iteration - this.iteration, batchSize: this.settings.batchSize,
    };
  }

  /** Takes over the state a worker reached after `done` iterations, then takes the next step. */
  adopt(state: RunToState, done: number): StepView {
    this.network = NeuralNetwork.fromSnapshot(state.model);
    this.network.sampler.restore(state.sampler);
    this.iteration += done;
    return this.step();
  }
}
