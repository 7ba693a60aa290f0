// Entry of dist/parse-worker.js: dataset parsing in a worker thread.
import { serveParsing } from '../../editor/parseWorker';
import { nodeWorkerPort } from './workerPort';

serveParsing(nodeWorkerPort);
