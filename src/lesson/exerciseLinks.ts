// Which of the exercise's functions each lesson card is about: the card links to it, and the link
// opens the learner's neural_network.py at that def (creating the file if there is none).
import type { ExerciseFunctionId } from '../exercise/functions';
import type { CheckpointId } from './checkpoints';

export const EXERCISE_LINKS: Record<CheckpointId, readonly ExerciseFunctionId[]> = {
  'dot-product': ['make_prediction'],
  'first-prediction': ['sigmoid', 'make_prediction'],
  // The tutorial sums (prediction − target)² over the rows inside train.
  error: ['NeuralNetwork.train'],
  derivative: ['NeuralNetwork._compute_gradients'],
  'learning-rate': ['NeuralNetwork._update_parameters'],
  'chain-rule': ['sigmoid_deriv', 'NeuralNetwork._compute_gradients'],
  training: ['NeuralNetwork.train'],
};
