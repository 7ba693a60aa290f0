// The public core API: pure TypeScript math, no vscode and no Node, so it runs in the extension
// host, in the training worker, in tests and in a browser alike.
export * from './types';
export { dot, sigmoid, sigmoidDerivative, activations, activationByName } from './activations';
export type { Activation } from './activations';
export { createRandom, rowSamplerSeed } from './random';
export type { Random } from './random';
export { NeuralNetwork } from './network';
export type { Gradients, GradientsInput } from './network';
export { createTrainer } from './training';
export type { Trainer } from './training';
export { CLASS_THRESHOLD, classOf, classVerdict, countCorrect, hasClasses, isCorrect } from './classes';
export type { ClassVerdict } from './classes';
export { explain } from './explain';
export type { Explanation, ExplainedStep } from './explain';
export { assessSaturation, STUCK_ERROR_PER_ROW, VANISHED_GRADIENT_NORM } from './health';
export type { SaturationReport } from './health';
export { GENERATOR_DEFAULTS, GENERATOR_LIMITS, GENERATOR_SHAPES, generatedDataset, generateRows, generatorSettingsProblem, shapeRule } from './generators';
export type { GeneratedRow, GeneratorSettings, GeneratorShape } from './generators';
export { InputDerivation, readDerivedInput, formatDerivedInput, defaultFeatureNames, MAX_DERIVED_INPUTS, MAX_FACTORS } from './features';
export type { DerivedInput, Factor, FactorFunction } from './features';
export { cellCentre, unitHeatmaps } from './heatmaps';
export type { GridArea, UnitHeatmaps } from './heatmaps';
export { REGULARIZATION_KINDS, penaltySlope } from './regularization';
export type { Regularization, RegularizationKind } from './regularization';
