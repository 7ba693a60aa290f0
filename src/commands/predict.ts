// Predict, Explain and Predict All: run the dataset's current model on its rows.
import * as vscode from 'vscode';
import { explainIntro } from '../lesson/explainIntro';
import { explain, isCorrect, NeuralNetwork } from '../core';
import type { DatasetRow } from '../dataset';
import { describePrediction } from '../editor/predictionModel';
import type { PredictionDecorations } from '../editor/predictionDecorations';
import type { Services } from '../services';
import { datasetFor } from './pickDataset';

/** The dataset and the model its predictions come from; rows with errors are simply left out. */
async function datasetWithModel(services: Services, target: unknown, title: string) {
  const opened = await datasetFor(services, target, { title });
  if (!opened) return undefined;
  const { document, dataset } = opened;
  const model = await services.predictionModels.of(document.uri.toString(), dataset);
  if (model.kind === 'mismatch') {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('The model was trained on rows of {0} inputs, but the rows now have {1}. Train the network again first.', model.expected, model.found),
    );
    return undefined;
  }
  return { document, dataset, model };
}

export async function predictRow(services: Services, decorations: PredictionDecorations, uri: vscode.Uri, rowIndex: number) {
  const context = await datasetWithModel(services, uri, vscode.l10n.t('Predict Row'));
  const row = context?.dataset.rows.find((candidate) => candidate.index === rowIndex);
  if (!context || !row) return undefined;
  const { network } = context.model;
  const prediction = network.predict(row.input);
  const untrained = context.model.kind === 'random';
  decorations.show(context.document, context.dataset, [{ row, text: describePrediction(prediction, network.output, row.target, untrained) }]);
  services.views.set('prediction', { datasetUri: uri.toString(), row: row.index, input: row.input, target: row.target, prediction, output: network.output, untrained });
  return prediction;
}

export async function explainRow(services: Services, uri: vscode.Uri, rowIndex: number) {
  const context = await datasetWithModel(services, uri, vscode.l10n.t('Explain Row'));
  const row = context?.dataset.rows.find((candidate) => candidate.index === rowIndex);
  if (!context || !row) return undefined;
  const explanation = explain(context.model.network, row.input, row.target);
  const intro = explainIntro(context.model.network);
  services.panel.show(true);
  services.views.set('explanation', { datasetUri: uri.toString(), row: row.index, input: row.input, target: row.target, terms: explanation.terms, intro });
  return { ...explanation, intro };
}

export async function predictAll(services: Services, decorations: PredictionDecorations, target?: unknown) {
  const context = await datasetWithModel(services, target, vscode.l10n.t('Predict All'));
  if (!context) return undefined;
  const { network } = context.model;
  const untrained = context.model.kind === 'random';
  const shown: { row: DatasetRow; text: string }[] = [];
  const tally = { train: { right: 0, all: 0 }, test: { right: 0, all: 0 } };
  for (const row of context.dataset.rows) {
    const prediction = network.predict(row.input);
    shown.push({ row, text: describePrediction(prediction, network.output, row.target, untrained) });
    if (row.target === undefined || network.output === 'linear') continue;
    const counts = tally[row.split];
    counts.all++;
    if (isCorrect(prediction, row.target)) counts.right++;
  }
  decorations.show(context.document, context.dataset, shown);
  const accuracy = (counts: { right: number; all: number }) =>
    `${counts.right}/${counts.all} (${Math.round((100 * counts.right) / Math.max(1, counts.all))}%)`;
  const summary =
    network.output === 'linear'
      ? `Predicted ${shown.length} rows.`
      : `Training accuracy ${accuracy(tally.train)}${tally.test.all ? ` · test accuracy ${accuracy(tally.test)}` : ''}` +
        (untrained ? ' — untrained: the weights are random, train the network first.' : '');
  void vscode.window.showInformationMessage(summary);
  return { ...tally, summary };
}

/**
 * A run has ended and its model is stored: the predictions on screen were made with the earlier
 * model, so they are recomputed with the new one, on the rows of an open editor and in the views.
 * A closed document's predictions are forgotten rather than shown stale when it reopens.
 */
export async function refreshPredictions(services: Services, decorations: PredictionDecorations, datasetUri: string): Promise<void> {
  const stored = await services.models.get(datasetUri);
  if (!stored) return;
  const rows = decorations.rowsShown(datasetUri);
  if (rows.length > 0) {
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === datasetUri);
    const dataset = document && (await services.documents.parseCurrent(document)).dataset;
    const model = dataset && (await services.predictionModels.of(datasetUri, dataset));
    if (!document || !dataset || !model || model.kind === 'mismatch') {
      decorations.forget(datasetUri);
    } else {
      const shown = dataset.rows
        .filter((row) => rows.includes(row.index))
        .map((row) => ({ row, text: describePrediction(model.network.predict(row.input), model.network.output, row.target, model.kind === 'random') }));
      decorations.show(document, dataset, shown);
    }
  }
  // Built only when a prediction or explanation on screen needs it: a large model is millions of weights.
  let built: NeuralNetwork | undefined;
  const network = () => (built ??= NeuralNetwork.fromSnapshot(stored));
  const prediction = services.views.get('prediction');
  if (prediction?.datasetUri === datasetUri && prediction.input.length === stored.inputSize) {
    services.views.set('prediction', { ...prediction, prediction: network().predict(prediction.input), output: network().output, untrained: false });
  }
  const explanation = services.views.get('explanation');
  if (explanation?.datasetUri === datasetUri && explanation.input.length === stored.inputSize) {
    const terms = explain(network(), explanation.input, explanation.target).terms;
    services.views.set('explanation', { ...explanation, terms, intro: explainIntro(network()) }, { refreshed: true });
  }
}
