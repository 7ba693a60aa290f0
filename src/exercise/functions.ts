// The functions the tutorial has the reader write, in the tutorial's order: the three warm-up
// functions, then the NeuralNetwork class's methods. Each is one test item in the Testing view.

export const NETWORK_CLASS = 'NeuralNetwork';

export const EXERCISE_FUNCTIONS = [
  { id: 'sigmoid', name: 'sigmoid', className: undefined, parameters: 'x' },
  { id: 'sigmoid_deriv', name: 'sigmoid_deriv', className: undefined, parameters: 'x' },
  { id: 'make_prediction', name: 'make_prediction', className: undefined, parameters: 'input_vector, weights, bias' },
  { id: 'NeuralNetwork.__init__', name: '__init__', className: NETWORK_CLASS, parameters: 'self, learning_rate' },
  { id: 'NeuralNetwork._sigmoid', name: '_sigmoid', className: NETWORK_CLASS, parameters: 'self, x' },
  { id: 'NeuralNetwork._sigmoid_deriv', name: '_sigmoid_deriv', className: NETWORK_CLASS, parameters: 'self, x' },
  { id: 'NeuralNetwork.predict', name: 'predict', className: NETWORK_CLASS, parameters: 'self, input_vector' },
  { id: 'NeuralNetwork._compute_gradients', name: '_compute_gradients', className: NETWORK_CLASS, parameters: 'self, input_vector, target' },
  { id: 'NeuralNetwork._update_parameters', name: '_update_parameters', className: NETWORK_CLASS, parameters: 'self, derror_dbias, derror_dweights' },
  { id: 'NeuralNetwork.train', name: 'train', className: NETWORK_CLASS, parameters: 'self, input_vectors, targets, iterations' },
] as const;

export type ExerciseFunction = (typeof EXERCISE_FUNCTIONS)[number];
export type ExerciseFunctionId = ExerciseFunction['id'];

export const EXERCISE_FUNCTION_IDS: readonly ExerciseFunctionId[] = EXERCISE_FUNCTIONS.map((fn) => fn.id);

export function exerciseFunction(id: string): ExerciseFunction | undefined {
  return EXERCISE_FUNCTIONS.find((fn) => fn.id === id);
}

export function isExerciseFunctionId(value: unknown): value is ExerciseFunctionId {
  return typeof value === 'string' && EXERCISE_FUNCTIONS.some((fn) => fn.id === value);
}

/** How the tutorial writes its def line, e.g. "def predict(self, input_vector):". */
export function tutorialSignature(fn: ExerciseFunction): string {
  return `def ${fn.name}(${fn.parameters}):`;
}

/** The exercise file the lab writes; any other *.py file is checked for the names it defines. */
export const EXERCISE_FILE_NAME = 'neural_network.py';
