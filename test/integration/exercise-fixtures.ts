// The tutorial's own program (test/fixtures/exercise/tutorial_program.py) and planted-bug variants
// of it: each bug is one edit of the program, with the functions it must fail and how. Shared by
// the integration and end-to-end tests.
import * as fs from 'fs';
import * as path from 'path';

export const REPO = path.resolve(__dirname, '..', '..', '..');
export const TUTORIAL_PROGRAM = fs.readFileSync(path.join(REPO, 'test', 'fixtures', 'exercise', 'tutorial_program.py'), 'utf8');
export const ALL_FUNCTIONS = ['sigmoid', 'sigmoid_deriv', 'make_prediction', 'NeuralNetwork.__init__', 'NeuralNetwork._sigmoid',
  'NeuralNetwork._sigmoid_deriv', 'NeuralNetwork.predict', 'NeuralNetwork._compute_gradients', 'NeuralNetwork._update_parameters', 'NeuralNetwork.train'];

export interface PlantedBug {
  name: string;
  /** Text of the program to replace (must occur exactly once) and its replacement. */
  find: string;
  replace: string;
  /** The functions that must fail, each with the first differing term its message names. */
  fails: Record<string, string>;
  /** The known mistake the failures are diagnosed with, when it is one. */
  mistake?: string;
  /** More a function's message must say. */
  notes?: Record<string, RegExp>;
}

export const PLANTED_BUGS: PlantedBug[] = [
  {
    name: 'sigmoid_deriv(prediction) instead of sigmoid_deriv(layer_1)',
    find: '        dprediction_dlayer1 = self._sigmoid_deriv(layer_1)',
    replace: '        dprediction_dlayer1 = self._sigmoid_deriv(prediction)',
    fails: { 'NeuralNetwork._compute_gradients': 'dprediction_dlayer1', 'NeuralNetwork.train': 'cumulative_errors[0]' },
    mistake: 'sigmoid_deriv(prediction) instead of sigmoid_deriv(layer_1)',
  },
  {
    name: 'the learning rate forgotten',
    find: `        self.bias = self.bias - (derror_dbias * self.learning_rate)
        self.weights = self.weights - (
            derror_dweights * self.learning_rate
        )`,
    replace: `        self.bias = self.bias - derror_dbias
        self.weights = self.weights - derror_dweights`,
    fails: { 'NeuralNetwork._update_parameters': 'self.bias', 'NeuralNetwork.train': 'cumulative_errors[0]' },
    mistake: 'the learning rate forgotten',
  },
  {
    name: '+= for -=',
    find: `        self.bias = self.bias - (derror_dbias * self.learning_rate)
        self.weights = self.weights - (
            derror_dweights * self.learning_rate
        )`,
    replace: `        self.bias += derror_dbias * self.learning_rate
        self.weights += derror_dweights * self.learning_rate`,
    fails: { 'NeuralNetwork._update_parameters': 'self.bias', 'NeuralNetwork.train': 'cumulative_errors[0]' },
    mistake: '+= where the tutorial subtracts',
  },
  {
    name: 'the bias not updated',
    find: '        self.bias = self.bias - (derror_dbias * self.learning_rate)\n',
    replace: '',
    fails: { 'NeuralNetwork._update_parameters': 'self.bias', 'NeuralNetwork.train': 'cumulative_errors[0]' },
    mistake: 'the bias not updated',
  },
  {
    name: 'the factor 2 dropped',
    find: '        derror_dprediction = 2 * (prediction - target)',
    replace: '        derror_dprediction = prediction - target',
    fails: { 'NeuralNetwork._compute_gradients': 'derror_dprediction', 'NeuralNetwork.train': 'cumulative_errors[0]' },
    mistake: 'the factor 2 dropped',
  },
  {
    name: 'derror_dprediction used as the weights’ gradient',
    find: `        derror_dweights = (
            derror_dprediction * dprediction_dlayer1 * dlayer1_dweights
        )`,
    replace: '        derror_dweights = derror_dprediction',
    fails: { 'NeuralNetwork._compute_gradients': 'derror_dweights', 'NeuralNetwork.train': 'cumulative_errors[0]' },
    mistake: 'derror_dprediction used as the weights’ gradient',
  },
  {
    name: 'the sigmoid’s sign flipped',
    find: 'def sigmoid(x):\n    return 1 / (1 + np.exp(-x))',
    replace: 'def sigmoid(x):\n    return 1 / (1 + np.exp(x))',
    // make_prediction calls sigmoid. sigmoid_deriv does too, but s(−x)·(1 − s(−x)) = s(x)·(1 − s(x)):
    // its values stay right.
    fails: { sigmoid: 'returned value', make_prediction: 'layer_2' },
    notes: { make_prediction: /make_prediction calls sigmoid, which fails its own check: fix that first\./ },
  },
];

export function withBug(bug: PlantedBug, program = TUTORIAL_PROGRAM): string {
  const at = program.indexOf(bug.find);
  if (at < 0 || program.indexOf(bug.find, at + 1) >= 0) throw new Error(`${bug.name}: the text to replace must occur exactly once`);
  return program.slice(0, at) + bug.replace + program.slice(at + bug.find.length);
}
