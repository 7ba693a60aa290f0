// Entry of the parse Web Worker (inlined into dist/web/extension.js as text).
import { serveParsing } from '../../editor/parseWorker';
import { webWorkerPort } from './workerPort';

serveParsing(webWorkerPort);
