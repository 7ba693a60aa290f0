// The worker's side of "Run to iteration": trains the step debugger's network on in chunks, reading
// the stop flag between them (about every CHUNK_TARGET_MS), so the host stays free and Cancel works.
import { NeuralNetwork, createTrainer } from '../core';
import type { RunToReply, WorkerRunTo } from './runToProtocol';

const CHUNK_TARGET_MS = 10;

export async function runTo(request: WorkerRunTo, stopRequested: () => boolean | Promise<boolean>, post: (reply: RunToReply) => void): Promise<void> {
  const network = NeuralNetwork.fromSnapshot(request.model);
  network.sampler.restore(request.sampler);
  // One recorded error (at the first step) instead of one per errorInterval: the debugger shows none of them.
  const trainer = createTrainer(network, request.inputs, request.targets, { iterations: request.steps, errorInterval: Math.max(1, request.steps), batchSize: request.batchSize });
  // The first chunk is one step: a thousand of a [256]×8 net take seconds, which no Stop could interrupt.
  // The size then doubles (or follows the measured speed) up to CHUNK_TARGET_MS of work.
  let steps = 1;
  let lastPost = performance.now();
  for (;;) {
    const started = performance.now();
    const before = trainer.iteration;
    const chunk = trainer.run(steps);
    const now = performance.now();
    const took = now - started;
    const done = chunk.iteration - before;
    steps = took > 0.5 && done > 0 ? Math.max(1, Math.min(1e7, Math.round((done / took) * CHUNK_TARGET_MS))) : Math.min(1e7, steps * 2);
    if (chunk.diverged || chunk.done) {
      post({ type: 'runToEnded', status: chunk.diverged ? 'diverged' : 'completed', done: trainer.iteration, model: network.snapshot(), sampler: network.sampler.state() });
      return;
    }
    if (await stopRequested()) {
      post({ type: 'runToEnded', status: 'stopped', done: trainer.iteration });
      return;
    }
    if (now - lastPost >= request.progressIntervalMs) {
      post({ type: 'runToProgress', done: trainer.iteration });
      lastPost = now;
    }
  }
}
