// One row's forward and backward pass with every intermediate value named as the tutorial names
// it (layer_1, prediction, derror_dprediction, …). It is recomputed here step by step from the
// parameters, in plain arrays and in the tutorial's order, rather than read out of the training
// buffers: the point is to show the arithmetic. The tests hold it equal to computeGradients.

import { activationByName, dot } from './activations';
import { classOf } from './classes';
import { NeuralNetwork } from './network';
import { penaltySlope } from './regularization';
import type { ExplainedTerm, LayerParameters } from './types';

export interface ExplainedStep {
  learningRate: number;
  before: LayerParameters[];
  after: LayerParameters[];
  predictionAfter: number;
  errorAfter: number;
}

export interface Explanation {
  input: number[];
  target?: number;
  prediction: number;
  /** prediction > 0.5; undefined for a linear (regression) output. */
  predictedClass?: 0 | 1;
  terms: ExplainedTerm[];
  /** What one SGD step on this row would change; only with a target. The network is not touched. */
  step?: ExplainedStep;
}

interface LayerPass {
  input: number[];
  preActivations: number[];
  outputs: number[];
}

export function explain(network: NeuralNetwork, input: number[], target?: number): Explanation {
  const layers = network.parameters();
  if (input.length !== network.inputSize) throw new RangeError(`expected ${network.inputSize} inputs, got ${input.length}`);
  // With feature crosses the first layer sees the derived inputs: the one derivation the network trains with.
  const inputVector = network.derivation ? network.networkInputs(input) : input;
  const passes = forwardPass(network, layers, inputVector);
  const prediction = passes[passes.length - 1].outputs[0];
  const explanation: Explanation = { input: [...input], prediction, terms: [] };
  if (network.output === 'sigmoid') explanation.predictedClass = classOf(prediction);
  const tutorialNet = layers.length === 1;
  explanation.terms = tutorialNet ? forwardTermsOfTutorialNet(network, passes[0]) : forwardTermsOfDeepNet(network, passes);
  if (network.derivation) {
    explanation.terms.unshift({ name: 'input_vector', value: inputVector, formula: `[${network.derivation.texts().join(', ')}] of the row's features x1…x${network.inputSize}` });
  }
  if (target !== undefined) {
    explanation.target = target;
    explanation.terms.push(...(tutorialNet
      ? backwardTermsOfTutorialNet(network, passes[0], target)
      : backwardTermsOfDeepNet(network, layers, passes, target)));
    explanation.step = sgdStep(network, input, target);
  }
  if (network.regularization) explanation.terms.push(...penaltyTerms(network, layers, explanation.terms));
  return explanation;
}

function forwardPass(network: NeuralNetwork, layers: LayerParameters[], input: number[]): LayerPass[] {
  const passes: LayerPass[] = [];
  let current = input;
  layers.forEach((layer, l) => {
    const activation = activationByName(l === layers.length - 1 ? network.output : network.activation);
    const preActivations = layer.weights.map((row, u) => dot(current, row) + layer.biases[u]);
    const outputs = preActivations.map(activation.fn);
    passes.push({ input: current, preActivations, outputs });
    current = outputs;
  });
  return passes;
}

function squaredError(prediction: number, target: number): number {
  const difference = prediction - target;
  return difference * difference;
}

/** "layer_2" → "dlayer2", the tutorial's spelling inside derivative names. */
function d(name: string): string {
  return `d${name.replace('_', '')}`;
}

/**
 * The tutorial numbers every operation as a layer: layer_1 = dot(input_vector, weights) + bias,
 * layer_2 = sigmoid(layer_1), and prediction = layer_2. Deeper nets continue that count, so each
 * hidden layer l (from 0) has its weighted sums layer_(2l+1) and its activations layer_(2l+2), and
 * the output's weighted sum comes last; the prediction is the one after it.
 */
const sumName = (l: number) => `layer_${2 * l + 1}`;
const activationName = (l: number) => `layer_${2 * l + 2}`;

function outputFormula(network: NeuralNetwork, layerName: string, predictionName: string): string {
  return network.output === 'sigmoid' ? `${predictionName} = sigmoid(${layerName})` : `${layerName} (linear output: the weighted sum itself)`;
}

function outputDerivativeFormula(network: NeuralNetwork, layerName: string): string {
  return network.output === 'sigmoid' ? `sigmoid_deriv(${layerName})` : '1 (linear output)';
}

function forwardTermsOfTutorialNet(network: NeuralNetwork, pass: LayerPass): ExplainedTerm[] {
  return [
    { name: 'layer_1', value: pass.preActivations[0], formula: 'dot(input_vector, weights) + bias' },
    { name: 'prediction', value: pass.outputs[0], formula: outputFormula(network, 'layer_1', 'layer_2') },
  ];
}

function backwardTermsOfTutorialNet(network: NeuralNetwork, pass: LayerPass, target: number): ExplainedTerm[] {
  const prediction = pass.outputs[0];
  const derrorDprediction = 2 * (prediction - target);
  const dpredictionDlayer1 = activationByName(network.output).derivative(pass.preActivations[0]);
  const dlayer1Dbias = 1;
  const dlayer1Dweights = [...pass.input]; // the tutorial's 0 · weights + 1 · input_vector
  return [
    { name: 'error', value: squaredError(prediction, target), formula: '(prediction − target)²' },
    { name: 'derror_dprediction', value: derrorDprediction, formula: '2 · (prediction − target)' },
    { name: 'dprediction_dlayer1', value: dpredictionDlayer1, formula: outputDerivativeFormula(network, 'layer_1') },
    { name: 'dlayer1_dbias', value: dlayer1Dbias, formula: '1' },
    { name: 'dlayer1_dweights', value: dlayer1Dweights, formula: '0 · weights + 1 · input_vector' },
    { name: 'derror_dbias', value: derrorDprediction * dpredictionDlayer1 * dlayer1Dbias,
      formula: 'derror_dprediction · dprediction_dlayer1 · dlayer1_dbias' },
    { name: 'derror_dweights', value: dlayer1Dweights.map((d) => derrorDprediction * dpredictionDlayer1 * d),
      formula: 'derror_dprediction · dprediction_dlayer1 · dlayer1_dweights' },
  ];
}

/** `layer` on each term counts hidden layers from 0 (the output layer is the last), as ExplainedTerm documents. */
function forwardTermsOfDeepNet(network: NeuralNetwork, passes: LayerPass[]): ExplainedTerm[] {
  const terms: ExplainedTerm[] = [];
  const last = passes.length - 1;
  passes.forEach((pass, l) => {
    const source = l === 0 ? 'input_vector' : activationName(l - 1);
    const name = sumName(l);
    if (l < last) {
      terms.push({ name, value: pass.preActivations, formula: `weights · ${source} + biases`, layer: l });
      terms.push({ name: activationName(l), value: pass.outputs, formula: `${network.activation}(${name})`, layer: l });
    } else {
      terms.push({ name, value: pass.preActivations[0], formula: `dot(${source}, weights) + bias`, layer: l });
      terms.push({ name: 'prediction', value: pass.outputs[0], formula: outputFormula(network, name, activationName(l)), layer: l });
    }
  });
  return terms;
}

function backwardTermsOfDeepNet(network: NeuralNetwork, layers: LayerParameters[], passes: LayerPass[], target: number): ExplainedTerm[] {
  const last = passes.length - 1;
  const outputName = sumName(last);
  const prediction = passes[last].outputs[0];
  const derrorDprediction = 2 * (prediction - target);
  const dpredictionDlayer = activationByName(network.output).derivative(passes[last].preActivations[0]);
  const terms: ExplainedTerm[] = [
    { name: 'error', value: squaredError(prediction, target), formula: '(prediction − target)²', layer: last },
    { name: 'derror_dprediction', value: derrorDprediction, formula: '2 · (prediction − target)', layer: last },
    { name: `dprediction_${d(outputName)}`, value: dpredictionDlayer,
      formula: outputDerivativeFormula(network, outputName), layer: last },
  ];
  // d error / d (weighted sums) of the layer being explained, walked from the output back.
  let derrorDlayer = [derrorDprediction * dpredictionDlayer];
  const hidden = activationByName(network.activation);
  for (let l = last; l >= 0; l--) {
    const name = sumName(l);
    const source = l === 0 ? 'input_vector' : activationName(l - 1);
    const below = l === 0 ? '' : d(activationName(l - 1));
    terms.push(
      { name: `derror_${d(name)}`, value: l === last ? derrorDlayer[0] : derrorDlayer,
        formula: l === last ? `derror_dprediction · dprediction_${d(name)}` : `derror_${d(activationName(l))} · ${d(activationName(l))}_${d(name)}`, layer: l },
      { name: 'derror_dbias', value: l === last ? derrorDlayer[0] : derrorDlayer, formula: `derror_${d(name)} · 1`, layer: l },
      { name: 'derror_dweights', value: derrorDlayer.flatMap((delta) => passes[l].input.map((x) => delta * x)),
        formula: `derror_${d(name)}[unit] · ${source}[input], row by row (one row per unit)`, layer: l },
    );
    if (l === 0) break;
    const previous = passes[l - 1];
    const derrorDactivation = previous.outputs.map((_, i) => {
      let sum = 0; // summed unit by unit, the order computeGradients uses
      for (let u = 0; u < derrorDlayer.length; u++) sum += layers[l].weights[u][i] * derrorDlayer[u];
      return sum;
    });
    const dactivationDlayer = previous.preActivations.map(hidden.derivative);
    terms.push(
      { name: `derror_${below}`, value: derrorDactivation, formula: `weightsᵀ of ${name} · derror_${d(name)}`, layer: l - 1 },
      { name: `${below}_${d(sumName(l - 1))}`, value: dactivationDlayer, formula: `${network.activation}_deriv(${sumName(l - 1)})`, layer: l - 1 },
    );
    derrorDlayer = derrorDactivation.map((d, i) => d * dactivationDlayer[i]);
  }
  return terms;
}

function sgdStep(network: NeuralNetwork, input: number[], target: number): ExplainedStep {
  const copy = NeuralNetwork.fromSnapshot(network.snapshot());
  copy.updateParameters(copy.computeGradients(input, target));
  const predictionAfter = copy.predict(input);
  return {
    learningRate: network.learningRate,
    before: network.parameters(),
    after: copy.parameters(),
    predictionAfter,
    errorAfter: squaredError(predictionAfter, target),
  };
}

/**
 * The weight penalty by name: its value, the loss it joins (with a target), and its slope per layer,
 * which the step's weight gradients include (computeGradients adds it).
 */
function penaltyTerms(network: NeuralNetwork, layers: LayerParameters[], terms: ExplainedTerm[]): ExplainedTerm[] {
  const regularization = network.regularization!;
  const { kind, rate } = regularization;
  const penalty = network.penalty();
  const result: ExplainedTerm[] = [{
    name: 'penalty', value: penalty,
    formula: `${kind}: ${rate} · ${kind === 'L2' ? 'Σ weights²' : 'Σ |weights|'} (every weight, not the biases)`,
  }];
  const error = terms.find((term) => term.name === 'error');
  if (error) result.push({ name: 'loss', value: (error.value as number) + penalty, formula: '(prediction − target)² + penalty: what the step descends' });
  const last = layers.length - 1;
  layers.forEach((layer, l) => result.push({
    name: 'dpenalty_dweights', value: layer.weights.flat().map((weight) => penaltySlope(regularization, weight)),
    formula: `${kind === 'L2' ? `2 · ${rate} · weights` : `${rate} · sign(weights)`}, added to derror_dweights in the step`,
    ...(last > 0 ? { layer: l } : {}),
  }));
  return result;
}
