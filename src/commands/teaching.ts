// The teaching commands: bundled datasets, lesson checkpoints, the SGD step debugger and the
// learning-rate comparison. Each sets a context key the walkthrough ticks its step off with.
import * as vscode from 'vscode';
import type { LessonCheckpoint, StepView } from '../protocol';
import { CHECKPOINT_IDS } from '../lesson/checkpoints';
import { Stepper } from '../training/stepper';
import { startRunTo } from '../training/runToJob';
import { resolveSettings } from '../training/resolveSettings';
import type { Services } from '../services';
import { openBundledDataset } from './openDataset';
import { datasetFor } from './pickDataset';
import { freshSeed, isTrainingRow } from '../training/trainingRows';
import { readUserDefaults } from './train';

export const BUNDLED_DATASETS = ['tutorial.nn.json', 'worked-example.nn.json', 'xor.nn.json', 'noisy-blobs.nn.json', 'houses.nn.json', 'houses-unscaled.nn.json'] as const;
/** The learning rates the tutorial calls traditional defaults, plus one that is too big. */
export const COMPARED_LEARNING_RATES = [0.01, 0.1, 1];

/** The walkthrough's completion events: onContext:neuralNetworkLab.done.<what>. */
function markDone(what: string): void {
  void vscode.commands.executeCommand('setContext', `neuralNetworkLab.done.${what.replace(/[^a-zA-Z0-9]+/g, '_')}`, true);
}

export async function openBundled(services: Services, name: unknown): Promise<vscode.Uri | undefined> {
  if (typeof name !== 'string' || !(BUNDLED_DATASETS as readonly string[]).includes(name)) {
    const picked = await vscode.window.showQuickPick([...BUNDLED_DATASETS], { title: vscode.l10n.t('Open a bundled dataset') });
    if (!picked) return undefined;
    name = picked;
  }
  const editor = await openBundledDataset(services.extensionUri, name as string);
  markDone(`opened_${(name as string).replace(/\.nn\.json$/, '')}`);
  return editor.document.uri;
}

export function startLesson(services: Services, focus: unknown): LessonCheckpoint {
  const checkpoint = (CHECKPOINT_IDS as readonly unknown[]).includes(focus) ? (focus as LessonCheckpoint) : 'dot-product';
  services.panel.show(false);
  services.views.set('lesson', checkpoint);
  markDone(`lesson_${checkpoint}`);
  return checkpoint;
}

let pickedRowDecoration: vscode.TextEditorDecorationType | undefined;
/** Created on first use, so activation stays registration only. */
function pickedRow(): vscode.TextEditorDecorationType {
  pickedRowDecoration ??= vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('editor.findMatchHighlightBackground'),
    isWholeLine: true,
    overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.findMatchForeground'),
    overviewRulerLane: vscode.OverviewRulerLane.Center,
  });
  return pickedRowDecoration;
}

/** One SGD iteration (or a run on to `until`), shown in the panel with the picked row highlighted. */
export async function step(services: Services, target?: unknown, until?: number): Promise<StepView | undefined> {
  const opened = await datasetFor(services, target ?? (services.steps.stepper ? vscode.Uri.parse(services.steps.stepper.datasetUri) : undefined), {
    title: vscode.l10n.t('Take One Training Step'), requireClean: { purpose: vscode.l10n.t('stepping through training') },
  });
  if (!opened) return undefined;
  const { document, dataset } = opened;
  if (!dataset.rows.some(isTrainingRow)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The dataset has no training rows (rows with a "target") to step through.'));
    return undefined;
  }
  if ((dataset.network.batchSize ?? 1) > 1) {
    // The debugger shows one row's gradients per step; a batch step averages several, so its steps would not be training's.
    void vscode.window.showInformationMessage(vscode.l10n.t('The step debugger takes one row per step, the tutorial\'s stochastic gradient descent, but this file sets "batchSize": {0}. Set it to 1 to step through training.', String(dataset.network.batchSize)));
    return undefined;
  }
  const seedWhenUnset = services.steps.stepper?.settings.seed ?? freshSeed();
  const settings = resolveSettings(readUserDefaults(), dataset.network, {}, () => seedWhenUnset);
  const uri = document.uri.toString();
  if (!services.steps.stepper?.matches(uri, settings, dataset)) services.steps.stepper = new Stepper(uri, dataset, settings);
  if (services.steps.job) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The step debugger is still running to iteration {0}: cancel it in its notification, or wait.', services.steps.job.until.toLocaleString('en-US')));
    return undefined;
  }
  const stepper = services.steps.stepper;
  if (until !== undefined && until < stepper.iteration) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The step debugger is already past iteration {0}; Reset starts it again.', String(until)));
    return undefined;
  }
  const taken = until === undefined ? stepper.step() : stepper.runsLong(until) ? await runToInWorker(services, stepper, until) : stepper.runTo(until);
  if (!taken || services.steps.stepper !== stepper) return undefined;
  services.panel.show(true);
  services.views.set('step', taken);
  const row = dataset.rows.find((candidate) => candidate.index === taken.row);
  const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document === document);
  if (row && editor) {
    const range = new vscode.Range(document.positionAt(row.offset), document.positionAt(row.offset + row.length));
    editor.setDecorations(pickedRow(), [{ range, hoverMessage: vscode.l10n.t('SGD picked this row at iteration {0}', taken.iteration) }]);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  return taken;
}

/**
 * Run to a far iteration: trained in a worker (the host stays responsive), with a notification
 * that shows how far it got and can cancel it. Undefined when cancelled, failed or reset meanwhile.
 */
async function runToInWorker(services: Services, stepper: Stepper, until: number): Promise<StepView | undefined> {
  const request = stepper.runToRequest(until);
  const job = startRunTo(services.platform, request);
  const handle = { until, cancel: job.cancel };
  services.steps.job = handle;
  try {
    const outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Step debugger: running to iteration {0}', until.toLocaleString('en-US')), cancellable: true },
      async (progress, token) => {
        token.onCancellationRequested(() => job.cancel());
        let reported = 0;
        job.onProgress((done) => {
          progress.report({ increment: ((done - reported) / request.steps) * 100, message: vscode.l10n.t('iteration {0}', (stepper.iteration + done).toLocaleString('en-US')) });
          reported = done;
        });
        return job.outcome;
      },
    );
    if (services.steps.stepper !== stepper) return undefined;
    if (outcome.status === 'failed') {
      void vscode.window.showErrorMessage(vscode.l10n.t('The step debugger could not run on: {0}', outcome.detail ?? ''));
      return undefined;
    }
    if (outcome.status === 'stopped') return undefined;
    if (outcome.status === 'diverged') {
      void vscode.window.showWarningMessage(vscode.l10n.t('The parameters became NaN or infinite at iteration {0}, so the step debugger stopped there. Lower the learning rate.', (stepper.iteration + outcome.done).toLocaleString('en-US')));
    }
    return stepper.adopt(outcome, outcome.done);
  } finally {
    if (services.steps.job === handle) services.steps.job = undefined;
  }
}

export function resetStepper(services: Services): void {
  services.steps.reset();
  services.views.clear('step');
  for (const editor of vscode.window.visibleTextEditors) editor.setDecorations(pickedRow(), []);
}

/** Trains the same dataset with several learning rates, seeded identically, overlaid in one chart. */
export async function compareLearningRates(services: Services, target?: unknown): Promise<string[]> {
  const opened = await datasetFor(services, target, { title: vscode.l10n.t('Compare Learning Rates'), requireClean: { purpose: vscode.l10n.t('comparing learning rates') } });
  if (!opened) return [];
  const { document, dataset } = opened;
  const base = resolveSettings(readUserDefaults(), dataset.network, {}, freshSeed);
  services.training.clearFinished();
  services.panel.show(true);
  const runIds: string[] = [];
  for (const learningRate of COMPARED_LEARNING_RATES) {
    const run = await services.training.start(document.uri, dataset, { ...base, learningRate }, `${document.uri.toString()}#learningRate=${learningRate}`);
    if (run) runIds.push(run.info.runId);
  }
  return runIds;
}
