// The desktop extension host: workers are worker_threads running the bundles beside the extension's.
import { Worker } from 'node:worker_threads';
import * as path from 'node:path';
import { sharedStopFlag, type Platform, type WorkerHandle } from '../platform';

/** `distFolder`: where dist/worker.js and dist/parse-worker.js are (the extension's dist/). */
export function nodePlatform(distFolder: string): Platform {
  return {
    kind: 'node',
    startTrainingWorker: () => nodeWorker(path.join(distFolder, 'worker.js')),
    // The parse worker idles between documents: it must not keep the process alive on its own.
    startParseWorker: () => nodeWorker(path.join(distFolder, 'parse-worker.js'), { unref: true }),
    createStopFlag: sharedStopFlag,
  };
}

function nodeWorker(file: string, { unref = false } = {}): WorkerHandle {
  const worker = new Worker(file);
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
