"""The Real Python tutorial's NeuralNetwork class, exactly as the tutorial writes it (NumPy arrays,
np.random.randint per iteration, predict / _compute_gradients / _update_parameters per step, the
error loop every 100 iterations), plus the same style extended to hidden layers for the deeper
benchmark. Run by core.bench.mjs with Debian's /usr/bin/python3 and python3-numpy.

usage: tutorial_numpy.py tutorial ITERATIONS REPS
       tutorial_numpy.py deep ITERATIONS REPS ERROR_INTERVAL   (rows as JSON on stdin)
prints one JSON line: {"seconds": [...], "cpu_seconds": [...], "final_error": ...}
(seconds: wall time of each train() call; cpu_seconds: CPU time of the process during it)
"""
import json
import sys
import time

import numpy as np


class NeuralNetwork:
    def __init__(self, learning_rate):
        self.weights = np.array([np.random.randn(), np.random.randn()])
        self.bias = np.random.randn()
        self.learning_rate = learning_rate

    def _sigmoid(self, x):
        return 1 / (1 + np.exp(-x))

    def _sigmoid_deriv(self, x):
        return self._sigmoid(x) * (1 - self._sigmoid(x))

    def predict(self, input_vector):
        layer_1 = np.dot(input_vector, self.weights) + self.bias
        layer_2 = self._sigmoid(layer_1)
        prediction = layer_2
        return prediction

    def _compute_gradients(self, input_vector, target):
        layer_1 = np.dot(input_vector, self.weights) + self.bias
        layer_2 = self._sigmoid(layer_1)
        prediction = layer_2

        derror_dprediction = 2 * (prediction - target)
        dprediction_dlayer1 = self._sigmoid_deriv(layer_1)
        dlayer1_dbias = 1
        dlayer1_dweights = (0 * self.weights) + (1 * input_vector)

        derror_dbias = (
            derror_dprediction * dprediction_dlayer1 * dlayer1_dbias
        )
        derror_dweights = (
            derror_dprediction * dprediction_dlayer1 * dlayer1_dweights
        )

        return derror_dbias, derror_dweights

    def _update_parameters(self, derror_dbias, derror_dweights):
        self.bias = self.bias - (derror_dbias * self.learning_rate)
        self.weights = self.weights - (
            derror_dweights * self.learning_rate
        )

    def train(self, input_vectors, targets, iterations):
        cumulative_errors = []
        for current_iteration in range(iterations):
            # Pick a data instance at random
            random_data_index = np.random.randint(len(input_vectors))

            input_vector = input_vectors[random_data_index]
            target = targets[random_data_index]

            # Compute the gradients and update the weights
            derror_dbias, derror_dweights = self._compute_gradients(
                input_vector, target
            )

            self._update_parameters(derror_dbias, derror_dweights)

            # Measure the cumulative error for all the instances
            if current_iteration % 100 == 0:
                cumulative_error = 0
                # Loop through all the instances to measure the error
                for data_instance_index in range(len(input_vectors)):
                    data_point = input_vectors[data_instance_index]
                    target = targets[data_instance_index]

                    prediction = self.predict(data_point)
                    error = np.square(prediction - target)

                    cumulative_error = cumulative_error + error
                cumulative_errors.append(cumulative_error)

        return cumulative_errors


class DeepNeuralNetwork:
    """The same class with hidden sigmoid layers: one weight matrix and bias vector per layer,
    gradients returned as fresh arrays per step, the tutorial's train loop unchanged."""

    def __init__(self, learning_rate, sizes):
        self.weights = [np.random.randn(n_out, n_in) / np.sqrt(n_in) for n_in, n_out in zip(sizes[:-1], sizes[1:])]
        self.biases = [np.zeros(n_out) for n_out in sizes[1:]]
        self.learning_rate = learning_rate

    def _sigmoid(self, x):
        return 1 / (1 + np.exp(-x))

    def _sigmoid_deriv(self, x):
        return self._sigmoid(x) * (1 - self._sigmoid(x))

    def _forward(self, input_vector):
        layers = []
        activation = input_vector
        for weights, bias in zip(self.weights, self.biases):
            layer = np.dot(weights, activation) + bias
            layers.append((activation, layer))
            activation = self._sigmoid(layer)
        return layers, activation

    def predict(self, input_vector):
        return self._forward(input_vector)[1][0]

    def _compute_gradients(self, input_vector, target):
        layers, output = self._forward(input_vector)
        prediction = output[0]
        derror_dlayer = np.array([2 * (prediction - target)]) * self._sigmoid_deriv(layers[-1][1])
        derror_dweights = [None] * len(self.weights)
        derror_dbiases = [None] * len(self.weights)
        for index in range(len(self.weights) - 1, -1, -1):
            layer_input, _ = layers[index]
            derror_dweights[index] = np.outer(derror_dlayer, layer_input)
            derror_dbiases[index] = derror_dlayer
            if index > 0:
                derror_dlayer = np.dot(self.weights[index].T, derror_dlayer) * self._sigmoid_deriv(layers[index - 1][1])
        return derror_dbiases, derror_dweights

    def _update_parameters(self, derror_dbiases, derror_dweights):
        self.biases = [b - d * self.learning_rate for b, d in zip(self.biases, derror_dbiases)]
        self.weights = [w - d * self.learning_rate for w, d in zip(self.weights, derror_dweights)]

    def train(self, input_vectors, targets, iterations, error_interval):
        cumulative_errors = []
        for current_iteration in range(iterations):
            random_data_index = np.random.randint(len(input_vectors))
            input_vector = input_vectors[random_data_index]
            target = targets[random_data_index]
            derror_dbiases, derror_dweights = self._compute_gradients(input_vector, target)
            self._update_parameters(derror_dbiases, derror_dweights)
            if current_iteration % error_interval == 0:
                cumulative_error = 0
                for data_instance_index in range(len(input_vectors)):
                    prediction = self.predict(input_vectors[data_instance_index])
                    cumulative_error = cumulative_error + np.square(prediction - targets[data_instance_index])
                cumulative_errors.append(cumulative_error)
        return cumulative_errors


TUTORIAL_INPUTS = np.array([[3, 1.5], [2, 1], [4, 1.5], [3, 4], [3.5, 0.5], [2, 0.5], [5.5, 1], [1, 1]])
TUTORIAL_TARGETS = np.array([0, 1, 0, 1, 0, 1, 1, 0])


def main():
    mode, iterations, reps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    np.random.seed(42)
    seconds = []
    cpu_seconds = []
    final_error = None
    if mode == "tutorial":
        for _ in range(reps):
            network = NeuralNetwork(0.1)
            start, cpu_start = time.perf_counter(), time.process_time()
            errors = network.train(TUTORIAL_INPUTS, TUTORIAL_TARGETS, iterations)
            seconds.append(time.perf_counter() - start)
            cpu_seconds.append(time.process_time() - cpu_start)
            final_error = float(errors[-1])
    else:
        error_interval = int(sys.argv[4])
        rows = json.load(sys.stdin)
        inputs, targets = np.array(rows["inputs"]), np.array(rows["targets"])
        for _ in range(reps):
            network = DeepNeuralNetwork(0.1, [2, 16, 16, 1])
            start, cpu_start = time.perf_counter(), time.process_time()
            errors = network.train(inputs, targets, iterations, error_interval)
            seconds.append(time.perf_counter() - start)
            cpu_seconds.append(time.process_time() - cpu_start)
            final_error = float(errors[-1])
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu_seconds, "final_error": final_error}))


if __name__ == "__main__":
    main()
