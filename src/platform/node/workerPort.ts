// Inside a worker_threads worker: the port to the extension host.
import { parentPort } from 'node:worker_threads';
import type { WorkerPort } from '../workerPort';

export const nodeWorkerPort: WorkerPort = {
  post: (message) => parentPort?.postMessage(message),
  onMessage: (listener) => void parentPort?.on('message', listener),
};
