// Every command the extension contributes, by name. Code refers to COMMANDS.x, never to a typed-out
// id; a unit test holds this list equal to the manifest's `contributes.commands` (and every menu,
// walkthrough and lesson link to it), and register.ts must bind a handler to each name.

export const COMMAND_NAMES = [
  'train', 'stop', 'openTutorialDataset', 'showTrainingPanel', 'predictRow', 'explainRow', 'predictAll',
  'clearPredictions', 'openBundledDataset', 'startLesson', 'step', 'compareLearningRates', 'splitDataset', 'bagOfWords',
  'createDatasetFromSentences', 'exportModel', 'loadModel', 'exportNumpy', 'exportPytorch', 'exportNotebook', 'generateDataset',
  'createExerciseFile', 'checkMyCode',
] as const;

export type CommandName = (typeof COMMAND_NAMES)[number];
export type CommandId = `neuralNetworkLab.${CommandName}`;

export const COMMANDS = Object.freeze(
  Object.fromEntries(COMMAND_NAMES.map((name) => [name, `neuralNetworkLab.${name}`])),
) as { readonly [Name in CommandName]: `neuralNetworkLab.${Name}` };
