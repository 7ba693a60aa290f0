// The export API for the extension's commands: model files (save/load a trained network) and
// Python programs (NumPy in the tutorial's style, PyTorch). Pure TypeScript, no vscode: the
// commands decide where files go; this code only turns models into text and back.
export {
  MODEL_FORMAT, MODEL_FILE_VERSION, MODEL_FILE_EXTENSION,
  modelToFile, parseModelFile, checkModelFits, suggestedModelFileName,
} from './modelFile';
export type { LoadedModel, ModelFileExtras } from './modelFile';
export { numpyScript } from './numpyScript';
export { pytorchScript, PARAMETERS_BEGIN, PARAMETERS_END } from './pytorchScript';
export { predictionOrder } from './scriptParts';
export type { ExportDataset, ExportRow, ScriptOptions, StartChoice } from './scriptParts';
export { lessonNotebook, PRINTED_ERRORS } from './notebookLesson';
export type { NotebookOptions } from './notebookLesson';
export { chooseDataSource, DEFAULT_NOTEBOOK_INLINE_ROWS, relativeUriPath } from './notebookData';
export type { DataSource, DatasetFileFacts } from './notebookData';
export { NotebookBuilder, serializeNotebook, markdownText } from './notebook';
export type { Notebook, NotebookCell } from './notebook';
export { LAB_RANDOM_CLASS, rowSeedOf } from './labRandom';
export { runStartParameters } from './scriptParts';
