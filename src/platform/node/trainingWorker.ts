// Entry of dist/worker.js: the training loop in a worker thread.
import { serveTraining } from '../../training/worker';
import { nodeWorkerPort } from './workerPort';

serveTraining(nodeWorkerPort);
