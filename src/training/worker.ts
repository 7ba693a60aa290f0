// Runs one training session on the core, off the extension host's thread.
// Progress is batched: one message per progressIntervalMs at most, whatever the run length.
import { parentPort } from 'node:worker_threads';
import { NeuralNetwork, createTrainer, assessSaturation } from '../core';
import type { ErrorPoint } from '../core/types';
import type { WorkerReply, WorkerStart } from './workerProtocol';

/** Steps per chunk are tuned so a chunk takes about this long: the stop flag is read at least this often. */
const CHUNK_TARGET_MS = 10;

function post(reply: WorkerReply): void {
  parentPort?.postMessage(reply);
}

function train(start: WorkerStart): void {
  const { settings } = start;
  const network = new NeuralNetwork({
    learningRate: settings.learningRate,
    seed: settings.seed,
    hiddenLayers: settings.hiddenLayers,
    activation: settings.activation,
    output: settings.output,
    inputSize: start.inputs[0]?.length,
    ...(start.start && settings.hiddenLayers.length === 0 ? start.start : {}),
  });
  const trainer = createTrainer(network, start.inputs, start.targets, {
    iterations: settings.iterations,
    errorInterval: settings.errorInterval,
    testInputs: start.testInputs,
    testTargets: start.testTargets,
  });
  const stop = new Int32Array(start.stopFlag);
  let points: ErrorPoint[] = [];
  let testPoints: ErrorPoint[] = [];
  let steps = 1000;
  let lastPost = performance.now();
  let iterationAtLastPost = 0;
  const flush = (now: number) => {
    const elapsed = Math.max(now - lastPost, 1e-3);
    post({
      type: 'progress',
      iteration: trainer.iteration,
      points,
      testPoints,
      stepsPerSecond: ((trainer.iteration - iterationAtLastPost) * 1000) / elapsed,
      parameters: network.parameters(),
    });
    points = [];
    testPoints = [];
    lastPost = now;
    iterationAtLastPost = trainer.iteration;
  };

  for (;;) {
    const chunkStart = performance.now();
    const chunk = trainer.run(steps);
    const now = performance.now();
    for (const point of chunk.errors) points.push(point);
    for (const point of chunk.testErrors) testPoints.push(point);
    // Adapt the chunk size so the stop flag is checked about every CHUNK_TARGET_MS.
    const took = now - chunkStart;
    steps = Math.max(1, Math.min(1e7, Math.round(steps * (took > 0 ? CHUNK_TARGET_MS / took : 2))));
    const stopped = Atomics.load(stop, 0) === 1;
    if (chunk.diverged || chunk.done || stopped || now - lastPost >= start.progressIntervalMs) flush(now);
    if (chunk.diverged) {
      return end('diverged', trainer.iteration, 'non-finite', network);
    }
    if (stopped) return end('stopped', trainer.iteration, '', network);
    if (chunk.done) {
      const health = assessSaturation(network, start.inputs, start.targets);
      if (health.saturated) {
        return end('saturated', trainer.iteration, `mean gradient ${health.meanGradientNorm.toExponential(2)}`, network);
      }
      return end('completed', trainer.iteration, '', network);
    }
  }
}

function end(status: 'completed' | 'stopped' | 'diverged' | 'saturated', iteration: number, detail: string, network: NeuralNetwork): void {
  const model = network.hasFiniteParameters() ? network.snapshot() : undefined;
  post({ type: 'ended', status, iteration, detail, model, seed: network.seed });
}

parentPort?.once('message', (message: WorkerStart) => {
  try {
    train(message);
  } catch (error) {
    post({ type: 'ended', status: 'failed', iteration: 0, detail: error instanceof Error ? error.message : String(error), seed: message.settings.seed });
  }
});
