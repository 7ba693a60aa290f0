// How a known mistake is named in a failure message: the mistake in the tutorial's terms, and what
// the tutorial does instead. True whatever the learner's numbers: it is said only when they equal it.
import * as vscode from 'vscode';
import type { TutorialMistake } from '../core/tutorialStep';

/** The tutorial's words for each mistake: what the numbers show, and what the tutorial does instead. */
export function mistakeText(mistake: TutorialMistake): { name: string; explanation: string } {
  switch (mistake) {
    case 'derivativeAtPrediction':
      return {
        name: vscode.l10n.t('sigmoid_deriv(prediction) instead of sigmoid_deriv(layer_1)'),
        explanation: vscode.l10n.t('The sigmoid’s derivative is taken at the sigmoid’s input, layer_1: dprediction_dlayer1 = sigmoid_deriv(layer_1).'),
      };
    case 'learningRateForgotten':
      return {
        name: vscode.l10n.t('the learning rate forgotten'),
        explanation: vscode.l10n.t('The tutorial scales every step by the learning rate: parameter − gradient · learning_rate.'),
      };
    case 'plusInsteadOfMinus':
      return {
        name: vscode.l10n.t('+= where the tutorial subtracts'),
        explanation: vscode.l10n.t('Adding the gradient moves up the slope of the error; gradient descent subtracts it: parameter − gradient · learning_rate.'),
      };
    case 'biasNotUpdated':
      return {
        name: vscode.l10n.t('the bias not updated'),
        explanation: vscode.l10n.t('The bias learns too: bias − derror_dbias · learning_rate.'),
      };
    case 'factorTwoDropped':
      return {
        name: vscode.l10n.t('the factor 2 dropped'),
        explanation: vscode.l10n.t('The derivative of (prediction − target)² is 2 · (prediction − target).'),
      };
    case 'derrorDpredictionAsGradient':
      return {
        name: vscode.l10n.t('derror_dprediction used as the weights’ gradient'),
        explanation: vscode.l10n.t('That is the tutorial’s first, naive update, before the chain rule. The weights’ gradient is derror_dprediction · dprediction_dlayer1 · dlayer1_dweights.'),
      };
  }
}
