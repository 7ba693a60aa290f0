// The desktop extension host: workers are worker_threads running the bundles beside the extension's.
import { Worker, type ResourceLimits } from 'node:worker_threads';
import * as path from 'node:path';
import { sharedStopFlag, type Platform, type WorkerHandle } from '../platform';

/** `distFolder`: where dist/worker.js and dist/parse-worker.js are (the extension's dist/). */
export function nodePlatform(distFolder: string): Platform {
  return {
    kind: 'node',
    startTrainingWorker: () => nodeWorker(path.join(distFolder, 'worker.js'), { resourceLimits: TRAINING_WORKER_LIMITS }),
    // The parse worker idles between documents: it must not keep the process alive on its own.
    startParseWorker: () => nodeWorker(path.join(distFolder, 'parse-worker.js'), { unref: true }),
    createStopFlag: sharedStopFlag,
  };
}

/**
 * A run allocates an error point per recorded iteration (millions a second with errorInterval 1), all
 * short-lived: V8 lets a worker's young generation grow to tens of MB per semi-space and collects the
 * old one lazily, which showed as 200+ MB of RSS in the extension host. A small young generation keeps
 * that garbage to a few MB; the live data (at most 4,000,000 weights and their gradients) is old.
 */
const TRAINING_WORKER_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 8 };

function nodeWorker(file: string, { unref = false, resourceLimits }: { unref?: boolean; resourceLimits?: ResourceLimits } = {}): WorkerHandle {
  const worker = new Worker(file, resourceLimits ? { resourceLimits } : {});
  if (unref) worker.unref();
  return {
    postMessage: (message) => worker.postMessage(message),
    onMessage(listener) {
      worker.on('message', listener);
      return () => worker.off('message', listener);
    },
    onError(listener) {
      worker.on('error', listener);
      return () => worker.off('error', listener);
    },
    onExit: (listener) => worker.once('exit', () => listener()),
    terminate: () => void worker.terminate(),
  };
}
