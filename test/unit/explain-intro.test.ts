// Explain's sentence names the network's real activation and output, and only layer names its
// table really has: checked against explain()'s own terms for every kind of network.
import * as assert from 'assert';
import { explain, NeuralNetwork } from '../../src/core';
import type { HiddenActivation, OutputKind } from '../../src/core/types';
import { explainIntro } from '../../src/lesson/explainIntro';

describe('Explain intro', () => {
  const shapes: [number[], HiddenActivation, OutputKind][] = [
    [[], 'sigmoid', 'sigmoid'], [[], 'sigmoid', 'linear'], [[4], 'relu', 'sigmoid'], [[3], 'tanh', 'linear'], [[5, 3], 'tanh', 'sigmoid'], [[2, 2, 2], 'relu', 'linear'],
  ];
  for (const [hiddenLayers, activation, output] of shapes) {
    it(`is true of a 2→${[...hiddenLayers, 1].join('→')} net with ${hiddenLayers.length ? activation : 'no'} hidden activation and a ${output} output`, () => {
      const network = new NeuralNetwork({ learningRate: 0.1, seed: 3, hiddenLayers, activation, output });
      const intro = explainIntro(network);
      const terms = explain(network, [0.5, -1], 1).terms;
      // Every layer_N the sentence mentions is in the table, as a row or in a formula ("layer_2 = sigmoid(layer_1)").
      for (const [name] of intro.matchAll(/layer_\d+/g)) {
        assert.ok(terms.some((term) => term.name === name || new RegExp(`\\b${name}\\b`).test(term.formula)), `${name} in: ${intro}`);
      }
      // The hidden activation is named only when there are hidden layers, and it is the real one.
      for (const other of ['relu', 'tanh']) {
        if (hiddenLayers.length > 0 && other === activation) assert.match(intro, new RegExp(`applies ${other} to them`));
        else assert.doesNotMatch(intro, new RegExp(other));
      }
      if (hiddenLayers.length > 0 && activation === 'sigmoid') assert.match(intro, /applies sigmoid to them/);
      // The output: a sigmoid is applied, or (linear) nothing is.
      if (output === 'sigmoid') assert.match(intro, /applies the sigmoid to get the prediction/);
      else {
        assert.match(intro, /linear output that sum is the prediction itself/);
        assert.doesNotMatch(intro, /applies the sigmoid/);
      }
      const prediction = terms.find((term) => term.name === 'prediction')!;
      if (output === 'sigmoid') assert.match(prediction.formula, /^layer_\d+ = sigmoid\(layer_\d+\)$/);
    });
  }

  it("uses the tutorial's numbering: layer_2 = sigmoid(layer_1) is the tutorial net's prediction", () => {
    const terms = explain(new NeuralNetwork({ learningRate: 0.1, weights: [1.45, -0.66], bias: 0 }), [2, 1.5], 0).terms;
    assert.equal(terms.find((term) => term.name === 'prediction')?.formula, 'layer_2 = sigmoid(layer_1)');
    assert.equal(terms.filter((term) => /^layer_/.test(term.name)).map((term) => term.name).join(), 'layer_1');
  });
});
