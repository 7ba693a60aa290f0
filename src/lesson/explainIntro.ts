// The sentence above Explain's table: what the forward pass of *this* network does, naming its
// real activation and output (sigmoid, tanh, relu or linear) and the tutorial's layer numbers.
import type { HiddenActivation, OutputKind } from '../core/types';
import { l10n } from '../l10n';

export interface NetworkShape {
  hiddenLayers: readonly number[];
  activation: HiddenActivation;
  output: OutputKind;
}

const names = (indices: number[]) => indices.map((index) => `layer_${index}`).join(', ');

export function explainIntro({ hiddenLayers, activation, output }: NetworkShape): string {
  const backward = l10n.t('The backward pass uses the chain rule: it multiplies the partial derivatives from the error back to each weight and to the bias, which tells gradient descent how to update them.');
  const hidden = hiddenLayers.length;
  if (hidden === 0) {
    const forward = output === 'sigmoid'
      ? l10n.t('The forward pass takes the dot product of the input and the weights and adds the bias (layer_1), then applies the sigmoid to get the prediction (the tutorial\'s layer_2).')
      : l10n.t('The forward pass takes the dot product of the input and the weights and adds the bias (layer_1); with a linear output that sum is the prediction itself, with no activation.');
    return `${forward} ${backward}`;
  }
  const sums = Array.from({ length: hidden }, (_, l) => 2 * l + 1);
  const outputSum = `layer_${2 * hidden + 1}`;
  const layers = l10n.t('Each hidden layer takes weighted sums of its inputs plus biases ({0}) and applies {1} to them ({2}).', names(sums), activation, names(sums.map((index) => index + 1)));
  const last = output === 'sigmoid'
    ? l10n.t('The output neuron takes the weighted sum of the last hidden layer ({0}) and applies the sigmoid to get the prediction.', outputSum)
    : l10n.t('The output neuron takes the weighted sum of the last hidden layer ({0}); with a linear output that sum is the prediction itself, with no activation.', outputSum);
  return `${layers} ${last} ${backward}`;
}
