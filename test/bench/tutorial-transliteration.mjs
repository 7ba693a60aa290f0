// The tutorial's NeuralNetwork class transliterated literally into JavaScript: plain arrays,
// map/reduce for NumPy's vector arithmetic, a fresh gradients object per step (the Python returns
// a tuple), the error loop every 100 iterations. The baseline our core's hot path must beat, and
// the same style extended to hidden layers for the deeper benchmark.

const dot = (a, b) => a.reduce((sum, x, i) => sum + x * b[i], 0);
const scale = (k, vector) => vector.map((x) => k * x);
const add = (a, b) => a.map((x, i) => x + b[i]);
const subtract = (a, b) => a.map((x, i) => x - b[i]);

export class TutorialNeuralNetwork {
  constructor(learningRate, random) {
    this.random = random;
    this.weights = [random.gaussian(), random.gaussian()];
    this.bias = random.gaussian();
    this.learningRate = learningRate;
  }

  _sigmoid(x) {
    return 1 / (1 + Math.exp(-x));
  }

  _sigmoidDeriv(x) {
    return this._sigmoid(x) * (1 - this._sigmoid(x));
  }

  predict(inputVector) {
    const layer1 = dot(inputVector, this.weights) + this.bias;
    const layer2 = this._sigmoid(layer1);
    const prediction = layer2;
    return prediction;
  }

  _computeGradients(inputVector, target) {
    const layer1 = dot(inputVector, this.weights) + this.bias;
    const layer2 = this._sigmoid(layer1);
    const prediction = layer2;

    const derrorDprediction = 2 * (prediction - target);
    const dpredictionDlayer1 = this._sigmoidDeriv(layer1);
    const dlayer1Dbias = 1;
    const dlayer1Dweights = add(scale(0, this.weights), scale(1, inputVector));

    const derrorDbias = derrorDprediction * dpredictionDlayer1 * dlayer1Dbias;
    const derrorDweights = scale(derrorDprediction * dpredictionDlayer1, dlayer1Dweights);
    return { derrorDbias, derrorDweights };
  }

  _updateParameters({ derrorDbias, derrorDweights }) {
    this.bias = this.bias - derrorDbias * this.learningRate;
    this.weights = subtract(this.weights, scale(this.learningRate, derrorDweights));
  }

  train(inputVectors, targets, iterations) {
    const cumulativeErrors = [];
    for (let currentIteration = 0; currentIteration < iterations; currentIteration++) {
      // Pick a data instance at random
      const randomDataIndex = this.random.randomInt(inputVectors.length);
      const inputVector = inputVectors[randomDataIndex];
      const target = targets[randomDataIndex];

      // Compute the gradients and update the weights
      const gradients = this._computeGradients(inputVector, target);
      this._updateParameters(gradients);

      // Measure the cumulative error for all the instances
      if (currentIteration % 100 === 0) {
        let cumulativeError = 0;
        for (let dataInstanceIndex = 0; dataInstanceIndex < inputVectors.length; dataInstanceIndex++) {
          const prediction = this.predict(inputVectors[dataInstanceIndex]);
          const error = (prediction - targets[dataInstanceIndex]) ** 2;
          cumulativeError = cumulativeError + error;
        }
        cumulativeErrors.push(cumulativeError);
      }
    }
    return cumulativeErrors;
  }
}

/** The same class with hidden sigmoid layers, written the same way (arrays of rows, map/reduce). */
export class DeepNeuralNetwork {
  constructor(learningRate, sizes, random) {
    this.random = random;
    this.weights = sizes.slice(1).map((units, l) =>
      Array.from({ length: units }, () => Array.from({ length: sizes[l] }, () => random.gaussian() / Math.sqrt(sizes[l]))));
    this.biases = sizes.slice(1).map((units) => new Array(units).fill(0));
    this.learningRate = learningRate;
  }

  _sigmoid(x) {
    return 1 / (1 + Math.exp(-x));
  }

  _sigmoidDeriv(x) {
    return this._sigmoid(x) * (1 - this._sigmoid(x));
  }

  _forward(inputVector) {
    const layers = [];
    let activation = inputVector;
    this.weights.forEach((weights, l) => {
      const layer = weights.map((row, unit) => dot(row, activation) + this.biases[l][unit]);
      layers.push({ input: activation, layer });
      activation = layer.map((x) => this._sigmoid(x));
    });
    return { layers, output: activation };
  }

  predict(inputVector) {
    return this._forward(inputVector).output[0];
  }

  _computeGradients(inputVector, target) {
    const { layers, output } = this._forward(inputVector);
    const prediction = output[0];
    let derrorDlayer = [2 * (prediction - target)].map((d, i) => d * this._sigmoidDeriv(layers[layers.length - 1].layer[i]));
    const derrorDweights = [];
    const derrorDbiases = [];
    for (let index = this.weights.length - 1; index >= 0; index--) {
      const { input } = layers[index];
      derrorDweights[index] = derrorDlayer.map((d) => input.map((x) => d * x));
      derrorDbiases[index] = derrorDlayer;
      if (index > 0) {
        const weights = this.weights[index];
        const below = layers[index - 1].layer;
        derrorDlayer = below.map((z, i) => weights.reduce((sum, row, unit) => sum + row[i] * derrorDlayer[unit], 0) * this._sigmoidDeriv(z));
      }
    }
    return { derrorDbiases, derrorDweights };
  }

  _updateParameters({ derrorDbiases, derrorDweights }) {
    this.biases = this.biases.map((biases, l) => subtract(biases, scale(this.learningRate, derrorDbiases[l])));
    this.weights = this.weights.map((weights, l) => weights.map((row, unit) => subtract(row, scale(this.learningRate, derrorDweights[l][unit]))));
  }

  train(inputVectors, targets, iterations, errorInterval) {
    const cumulativeErrors = [];
    for (let currentIteration = 0; currentIteration < iterations; currentIteration++) {
      const randomDataIndex = this.random.randomInt(inputVectors.length);
      const gradients = this._computeGradients(inputVectors[randomDataIndex], targets[randomDataIndex]);
      this._updateParameters(gradients);
      if (currentIteration % errorInterval === 0) {
        let cumulativeError = 0;
        for (let i = 0; i < inputVectors.length; i++) {
          cumulativeError = cumulativeError + (this.predict(inputVectors[i]) - targets[i]) ** 2;
        }
        cumulativeErrors.push(cumulativeError);
      }
    }
    return cumulativeErrors;
  }
}
