// "Generate Dataset…": TensorFlow Playground's circle, XOR, gaussians and spiral as an untitled
// *.nn.json, seeded and with a "generator" block that makes the same rows again. Nothing is
// written to disk until the learner saves.
import * as vscode from 'vscode';
import { generatedDataset, GENERATOR_DEFAULTS, GENERATOR_LIMITS, GENERATOR_SHAPES, generatorSettingsProblem, type GeneratorSettings, type GeneratorShape } from '../core';
import { formatDataset } from '../dataset';
import { freshSeed } from '../training/trainingRows';
import { openUntitledDataset } from './openDataset';

const SHAPE_LABELS: Record<GeneratorShape, { label: string; detail: string }> = {
  circle: { label: 'Circle', detail: 'class 1 inside a circle, class 0 in a ring around it' },
  xor: { label: 'XOR', detail: 'class 1 in the quadrants where x1 and x2 have the same sign' },
  gaussians: { label: 'Two Gaussians', detail: 'two clouds of points a straight line can separate' },
  spiral: { label: 'Spiral', detail: 'two spiral arms wound around each other' },
};

/**
 * `argument` (from a test, a walkthrough link or another extension) may give any of the settings;
 * the learner is asked for the rest. Returns the new document's URI, or undefined if cancelled.
 */
export async function generateDataset(argument?: unknown): Promise<vscode.Uri | undefined> {
  const given = (typeof argument === 'object' && argument !== null ? argument : {}) as Partial<Record<keyof GeneratorSettings, unknown>>;
  const shape = GENERATOR_SHAPES.find((name) => name === given.shape) ?? await askShape();
  if (!shape) return undefined;
  const points = numberOr(given.points) ?? await askNumber(2, 4, vscode.l10n.t('How many points (train and test together), {0} to {1}', GENERATOR_LIMITS.minPoints, GENERATOR_LIMITS.maxPoints),
    GENERATOR_DEFAULTS.points, (value) => Number.isInteger(value) && value >= GENERATOR_LIMITS.minPoints && value <= GENERATOR_LIMITS.maxPoints);
  if (points === undefined) return undefined;
  const noise = numberOr(given.noise) ?? await askNumber(3, 4, vscode.l10n.t('Noise from 0 to {0}: each coordinate moves by up to noise × 5 (0 puts every point exactly on its shape)', GENERATOR_LIMITS.maxNoise),
    GENERATOR_DEFAULTS.noise, (value) => value >= 0 && value <= GENERATOR_LIMITS.maxNoise);
  if (noise === undefined) return undefined;
  const testRatio = numberOr(given.testRatio) ?? await askNumber(4, 4, vscode.l10n.t('Fraction of the points held out as a test set, 0 to {0}', GENERATOR_LIMITS.maxTestRatio),
    GENERATOR_DEFAULTS.testRatio, (value) => value >= 0 && value <= GENERATOR_LIMITS.maxTestRatio && points - Math.round(points * value) >= 1);
  if (testRatio === undefined) return undefined;
  const settings: GeneratorSettings = { shape, points, noise, testRatio, seed: numberOr(given.seed) ?? freshSeed() };
  const problem = generatorSettingsProblem(settings);
  if (problem) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot generate this dataset: {0}.', problem));
    return undefined;
  }
  const text = formatDataset(generatedDataset(settings));
  return (await openUntitledDataset(`${shape}.nn.json`, text, true)).document.uri;
}

function numberOr(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

async function askShape(): Promise<GeneratorShape | undefined> {
  const picked = await vscode.window.showQuickPick(
    GENERATOR_SHAPES.map((shape) => ({ shape, label: SHAPE_LABELS[shape].label, detail: SHAPE_LABELS[shape].detail })),
    { title: vscode.l10n.t('Generate Dataset (1/4)'), placeHolder: vscode.l10n.t('Which shape should the two classes make?') },
  );
  return picked?.shape;
}

async function askNumber(step: number, steps: number, prompt: string, initial: number, valid: (value: number) => boolean): Promise<number | undefined> {
  const answer = await vscode.window.showInputBox({
    title: vscode.l10n.t('Generate Dataset ({0}/{1})', step, steps),
    prompt,
    value: String(initial),
    validateInput: (text) => (text.trim() !== '' && valid(Number(text)) ? undefined : prompt),
  });
  return answer === undefined ? undefined : Number(answer);
}
