"""Build a neural network from scratch: the Real Python tutorial's program, for you to write.

Replace each `raise NotImplementedError(...)` with the function's body. Then run
"Neural Network: Check My Code" from the Command Palette, or the run button beside a def:
the lab calls your functions with the tutorial's numbers and compares every value with its
own, in the Testing view.

The checks run only the imports, functions and classes of this file. The training and the
plot at the bottom run when you run the file yourself: python neural_network.py
"""
import numpy as np


def sigmoid(x):
    """The sigmoid squeezes any number x into the range (0, 1)."""
    raise NotImplementedError("Hint: 1 divided by (1 + e to the power -x); np.exp(-x) is e to the power -x.")


def sigmoid_deriv(x):
    """The derivative of the sigmoid at x: how fast sigmoid(x) changes when x changes."""
    raise NotImplementedError("Hint: it can be written with sigmoid itself: sigmoid(x) times (1 - sigmoid(x)).")


def make_prediction(input_vector, weights, bias):
    """A first prediction: layer_1 is the dot product of the input and the weights, plus the
    bias; layer_2, the sigmoid of layer_1, is the prediction."""
    raise NotImplementedError("Hint: layer_1 = np.dot(input_vector, weights) + bias, then return sigmoid(layer_1).")


class NeuralNetwork:
    """The tutorial's network: two weights and a bias, trained by stochastic gradient descent."""

    def __init__(self, learning_rate):
        """Start from random weights (two of them) and a random bias, and keep the learning rate
        as self.weights, self.bias and self.learning_rate."""
        raise NotImplementedError("Hint: np.random.randn() draws one random start value.")

    def _sigmoid(self, x):
        """The sigmoid of x, as the function sigmoid above."""
        raise NotImplementedError("Hint: 1 / (1 + np.exp(-x)).")

    def _sigmoid_deriv(self, x):
        """The sigmoid's derivative at x, as sigmoid_deriv above."""
        raise NotImplementedError("Hint: use self._sigmoid(x) twice.")

    def predict(self, input_vector):
        """layer_1 = the dot product of input_vector and self.weights, plus self.bias;
        layer_2 = the sigmoid of layer_1 is the prediction."""
        raise NotImplementedError("Hint: like make_prediction, with self.weights, self.bias and self._sigmoid.")

    def _compute_gradients(self, input_vector, target):
        """The chain rule, from the error back to the parameters. Name each step as the tutorial
        does: layer_1, layer_2 (the prediction), derror_dprediction, dprediction_dlayer1,
        dlayer1_dbias, dlayer1_dweights; return (derror_dbias, derror_dweights)."""
        raise NotImplementedError("Hint: derror_dbias = derror_dprediction * dprediction_dlayer1 * dlayer1_dbias.")

    def _update_parameters(self, derror_dbias, derror_dweights):
        """Move the bias and the weights one small step against their gradients."""
        raise NotImplementedError("Hint: subtract each gradient times self.learning_rate.")

    def train(self, input_vectors, targets, iterations):
        """Stochastic gradient descent: each iteration picks one random row, computes the
        gradients and updates the parameters. Every 100 iterations, append the sum of the
        squared errors over all rows to cumulative_errors; return cumulative_errors."""
        raise NotImplementedError("Hint: pick the row with np.random.randint(len(input_vectors)), as the tutorial does.")


if __name__ == "__main__":
    import matplotlib.pyplot as plt

    input_vectors = np.array([[3, 1.5], [2, 1], [4, 1.5], [3, 4], [3.5, 0.5], [2, 0.5], [5.5, 1], [1, 1]])
    targets = np.array([0, 1, 0, 1, 0, 1, 1, 0])
    learning_rate = 0.1

    neural_network = NeuralNetwork(learning_rate)
    training_error = neural_network.train(input_vectors, targets, 10000)

    plt.plot(training_error)
    plt.xlabel("Iterations")
    plt.ylabel("Error for all training instances")
    plt.savefig("cumulative_error.png")
