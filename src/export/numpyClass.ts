// The exported NeuralNetwork class, in the tutorial's own words. For the tutorial's net (no hidden
// layers) it is the tutorial's class line for line, except that it is given its start values
// (the lab's start, or what it learned) where the tutorial draws np.random.randn(), and that
// train() draws its rows from the lab's generator. With hidden layers it keeps the same methods
// and names, generalised to a list of weight matrices (weights[unit][input], as the lab stores
// them) and bias vectors.
//
// The arithmetic mirrors the lab's core (src/core/network.ts) so predictions and gradients agree
// to rounding: z = W·a + b per layer, squared error, the chain rule, parameter -= gradient · lr.

import type { HiddenActivation, ModelSnapshot, OutputKind } from '../core/types';
import { penaltyLines, trainMethod } from './numpyTraining';
import { firstLayerSize, type StartChoice } from './scriptParts';

/**
 * The class's source, indented for module level. With start 'learned' its constructor takes the
 * start values (NeuralNetwork(learning_rate, weights, bias), or weights and biases per layer);
 * with 'random' it draws them as the tutorial does (NeuralNetwork(learning_rate)). Either way it
 * reads ROW_SEED, the lab's row-sampler seed, when constructed.
 */
export function numpyClass(snapshot: ModelSnapshot, errorInterval: number, start: StartChoice = 'learned', batchSize = 1): string {
  const { init, methods } = snapshot.hiddenLayers.length === 0 ? tutorialNeuron(snapshot, start) : layeredNetwork(snapshot, start);
  // The tutorial's order: __init__, the activation helpers, predict, the gradients, the update, train.
  return [`class NeuralNetwork:\n${init}`, activationMethods(snapshot), methods, trainMethod(snapshot, errorInterval, batchSize)]
    .filter((part) => part !== '')
    .join('\n\n');
}

const ROW_SAMPLER = `        # The lab's generator, seeded as the lab seeds it: train() draws the rows the lab drew
        self.random = LabRandom(ROW_SEED)`;

interface ClassParts {
  init: string;
  methods: string;
}

function tutorialNeuron(snapshot: ModelSnapshot, start: StartChoice): ClassParts {
  const linear = snapshot.output === 'linear';
  const init = start === 'random'
    ? `    def __init__(self, learning_rate):
        self.weights = ${randomVector(firstLayerSize(snapshot))}
        self.bias = np.random.randn()
        self.learning_rate = learning_rate
${ROW_SAMPLER}`
    : `    def __init__(self, learning_rate, weights, bias):
        # The tutorial starts from np.random.randn() values; this class is given where to start:
        # where the lab's run started (to replay it) or where it ended (to predict).
        self.weights = np.array(weights, dtype=float)
        self.bias = float(bias)
        self.learning_rate = learning_rate
${ROW_SAMPLER}`;
  const methods = `    def predict(self, input_vector):
        layer_1 = np.dot(input_vector, self.weights) + self.bias
${linear
    ? `        # A linear output unit: the weighted sum itself is the prediction (regression).
        prediction = layer_1`
    : `        layer_2 = self._sigmoid(layer_1)
        prediction = layer_2`}
        return prediction

    def _compute_gradients(self, input_vector, target):
        layer_1 = np.dot(input_vector, self.weights) + self.bias
${linear
    ? `        prediction = layer_1`
    : `        layer_2 = self._sigmoid(layer_1)
        prediction = layer_2`}

        derror_dprediction = 2 * (prediction - target)
${linear
    ? '        dprediction_dlayer1 = 1  # the derivative of the identity'
    : '        dprediction_dlayer1 = self._sigmoid_deriv(layer_1)'}
        dlayer1_dbias = 1
        dlayer1_dweights = (0 * self.weights) + (1 * input_vector)

        derror_dbias = (
            derror_dprediction * dprediction_dlayer1 * dlayer1_dbias
        )
        derror_dweights = (
            derror_dprediction * dprediction_dlayer1 * dlayer1_dweights
        )
${penaltyLines(snapshot, 'derror_dweights', 'self.weights', '        ')}
        return derror_dbias, derror_dweights

    def _update_parameters(self, derror_dbias, derror_dweights):
        self.bias = self.bias - (derror_dbias * self.learning_rate)
        self.weights = self.weights - (
            derror_dweights * self.learning_rate
        )`;
  return { init, methods };
}

function layeredNetwork(snapshot: ModelSnapshot, start: StartChoice): ClassParts {
  const hidden = snapshot.activation;
  const sizes = snapshot.hiddenLayers.map((units, index) => `hidden layer ${index + 1}: ${units} units`);
  const layout = `        # One entry per layer (${sizes.join(', ')}, then the output unit):
        # weights[layer] is a matrix with a row per unit and a column per input of that layer;
        # biases[layer] has one bias per unit. The tutorial's single neuron is the case of one
        # layer with one unit.`;
  const init = start === 'random'
    ? `    def __init__(self, learning_rate):
${layout}
        # Random start values: np.random.randn() as in the tutorial, scaled as the lab scales
        # them (by 1/√inputs, or √2/√inputs before relu units) so that hidden units start where
        # their activation is not flat; biases start at 0.
        self.weights = [
${randomLayers(snapshot).join('\n')}
        ]
        self.biases = [${[...snapshot.hiddenLayers, 1].map((units) => `np.zeros(${units})`).join(', ')}]
        self.learning_rate = learning_rate
${ROW_SAMPLER}`
    : `    def __init__(self, learning_rate, weights, biases):
${layout}
        self.weights = [np.array(layer, dtype=float) for layer in weights]
        self.biases = [np.array(layer, dtype=float) for layer in biases]
        self.learning_rate = learning_rate
${ROW_SAMPLER}`;
  const methods = `    def _forward(self, input_vector):
        # layers[i]: the weighted sums of layer i (the tutorial's layer_1);
        # outputs[i]: what layer i receives (outputs[0] is the input vector itself).
        layers = []
        outputs = [input_vector]
        for index in range(len(self.weights)):
            layer = np.dot(self.weights[index], outputs[-1]) + self.biases[index]
            layers.append(layer)
            if index < len(self.weights) - 1:
                outputs.append(self._${hidden}(layer))
            else:
                ${outputStatement(snapshot.output)}
        return layers, outputs

    def predict(self, input_vector):
        _, outputs = self._forward(input_vector)
        prediction = outputs[-1][0]
        return prediction

    def _compute_gradients(self, input_vector, target):
        layers, outputs = self._forward(input_vector)
        prediction = outputs[-1][0]

        derror_dprediction = 2 * (prediction - target)
        dprediction_dlayer = ${outputDerivative(snapshot.output, 'layers[-1]')}
        # How the error changes with each weighted sum of the current layer (the chain rule so far)
        derror_dlayer = derror_dprediction * dprediction_dlayer

        derror_dbias = [None] * len(self.weights)
        derror_dweights = [None] * len(self.weights)
        for index in reversed(range(len(self.weights))):
            # As in the tutorial: dlayer_dbias is 1 and dlayer_dweights is the layer's input.
            derror_dbias[index] = derror_dlayer * 1
            derror_dweights[index] = np.outer(derror_dlayer, outputs[index])
${penaltyLines(snapshot, 'derror_dweights[index]', 'self.weights[index]', '            ')}            if index > 0:
                # One step further back: through this layer's weights into the layer below,
                # then through that layer's activation.
                derror_doutput = np.dot(self.weights[index].T, derror_dlayer)
                derror_dlayer = derror_doutput * self._${hidden}_deriv(layers[index - 1])

        return derror_dbias, derror_dweights

    def _update_parameters(self, derror_dbias, derror_dweights):
        for index in range(len(self.weights)):
            self.biases[index] = self.biases[index] - (derror_dbias[index] * self.learning_rate)
            self.weights[index] = self.weights[index] - (
                derror_dweights[index] * self.learning_rate
            )`;
  return { init, methods };
}

function outputStatement(output: OutputKind): string {
  return output === 'sigmoid'
    ? 'outputs.append(self._sigmoid(layer))'
    : 'outputs.append(layer)  # a linear output unit: the weighted sum itself is the prediction';
}

function outputDerivative(output: OutputKind, layer: string): string {
  return output === 'sigmoid' ? `self._sigmoid_deriv(${layer})` : 'np.ones_like(layers[-1])  # linear output: the identity, whose derivative is 1';
}

const ACTIVATION_METHODS: Record<HiddenActivation, string> = {
  // The tutorial's formulas. For x < -709 np.exp overflows to inf and NumPy warns, but the
  // result (0.0) is still the right limit.
  sigmoid: `    def _sigmoid(self, x):
        return 1 / (1 + np.exp(-x))

    def _sigmoid_deriv(self, x):
        return self._sigmoid(x) * (1 - self._sigmoid(x))`,
  tanh: `    def _tanh(self, x):
        return np.tanh(x)

    def _tanh_deriv(self, x):
        return 1 - np.tanh(x) ** 2`,
  // At exactly 0 relu has no derivative; 0 is the usual choice, and the lab's.
  relu: `    def _relu(self, x):
        return np.maximum(x, 0.0)

    def _relu_deriv(self, x):
        return np.where(x > 0, 1.0, 0.0)`,
};

/** Only the activations this model uses, so the class holds no dead code. */
function activationMethods(snapshot: ModelSnapshot): string {
  const used = new Set<HiddenActivation>();
  if (snapshot.hiddenLayers.length > 0) used.add(snapshot.activation);
  if (snapshot.output === 'sigmoid') used.add('sigmoid');
  return [...used].map((name) => ACTIVATION_METHODS[name]).join('\n\n');
}

/** The tutorial's np.array([np.random.randn(), np.random.randn()]) for its two inputs. */
function randomVector(size: number): string {
  return size === 2 ? 'np.array([np.random.randn(), np.random.randn()])' : `np.random.randn(${size})`;
}

/** One np.random.randn(units, inputs) line per layer, scaled as the core's initialize(). */
function randomLayers(snapshot: ModelSnapshot): string[] {
  const sizes = [firstLayerSize(snapshot), ...snapshot.hiddenLayers, 1];
  return sizes.slice(1).map((units, index) => {
    const inputs = sizes[index];
    const beforeRelu = snapshot.activation === 'relu' && index < sizes.length - 2;
    return `            np.random.randn(${units}, ${inputs}) * ${beforeRelu ? `np.sqrt(2 / ${inputs})` : `np.sqrt(1 / ${inputs})`},`;
  });
}
