// Entry of the training Web Worker (inlined into dist/web/extension.js as text).
import { serveTraining } from '../../training/worker';
import { webWorkerPort } from './workerPort';

serveTraining(webWorkerPort);
