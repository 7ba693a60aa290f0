// The notebook's first sections: the tutorial's own small examples, in its order (vectors and the
// dot product, a first prediction, the error and its derivative, the chain rule), before the
// learner's network and data take over. They use the tutorial's numbers, so every sentence here
// is about fixed values; the unit tests check the printed numbers against the tutorial's.

import type { NotebookBuilder } from './notebook';

export function addTutorialSections(notebook: NotebookBuilder): void {
  notebook
    .markdown('dot-product', `## Vectors and the dot product

A network stores its inputs and weights as vectors. The dot product of two vectors multiplies them
position by position and adds the products up; the larger it is, the more alike the two vectors
point. The tutorial compares one input with two weight vectors, first by hand, then with \`np.dot\`.`)
    .code('dot-product-code', `input_vector = [1.72, 1.23]
weights_1 = [1.26, 0]
weights_2 = [2.17, 0.32]

# Computing the dot product of input_vector and weights_1 by hand
first_indexes_mult = input_vector[0] * weights_1[0]
second_indexes_mult = input_vector[1] * weights_1[1]
dot_product_1 = first_indexes_mult + second_indexes_mult
print(f"The dot product is: {dot_product_1}")

# And of input_vector and weights_2, with NumPy
dot_product_2 = np.dot(input_vector, weights_2)
print(f"The dot product is: {dot_product_2}")`)
    .markdown('first-prediction', `## A first prediction

One neuron takes the dot product of the input with its weights, adds a bias (\`layer_1\`), and
squashes the result into the range 0 to 1 with the sigmoid function (\`layer_2\`): a prediction
above 0.5 reads as class 1, below as class 0.`)
    .code('first-prediction-code', `# Wrapping the vectors in NumPy arrays
input_vector = np.array([1.66, 1.56])
weights_1 = np.array([1.45, -0.66])
bias = np.array([0.0])


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def make_prediction(input_vector, weights, bias):
    layer_1 = np.dot(input_vector, weights) + bias
    layer_2 = sigmoid(layer_1)
    return layer_2


prediction = make_prediction(input_vector, weights_1, bias)
print(f"The prediction result is: {prediction}")`)
    .markdown('error', `## The error, and which way to go

The input \`[2, 1.5]\` has the target 0, yet the same weights predict class 1. The squared error
\`(prediction - target) ** 2\` measures how wrong that is, and its derivative
\`2 * (prediction - target)\` says which way the error grows. Subtracting the whole derivative
from the weights, as below, fixes this one row but jumps far: that is why training takes small
steps, scaled by a *learning rate*.`)
    .code('error-code', `input_vector = np.array([2, 1.5])
prediction = make_prediction(input_vector, weights_1, bias)
print(f"The prediction result is: {prediction}")

target = 0
mse = np.square(prediction - target)
print(f"Prediction: {prediction}; Error: {mse}")

derivative = 2 * (prediction - target)
print(f"The derivative is {derivative}")

# Updating the weights by the whole derivative
weights_1 = weights_1 - derivative
prediction = make_prediction(input_vector, weights_1, bias)
error = (prediction - target) ** 2
print(f"Prediction: {prediction}; Error: {error}")`)
    .markdown('chain-rule', `## The chain rule

The error depends on the bias only through \`layer_1\` and the prediction, so its derivative with
respect to the bias is the product of the derivatives along that chain. The sigmoid's derivative
is \`sigmoid(x) * (1 - sigmoid(x))\`.`)
    .code('chain-rule-code', `def sigmoid_deriv(x):
    return sigmoid(x) * (1 - sigmoid(x))


derror_dprediction = 2 * (prediction - target)
layer_1 = np.dot(input_vector, weights_1) + bias
dprediction_dlayer1 = sigmoid_deriv(layer_1)
dlayer1_dbias = 1

derror_dbias = (
    derror_dprediction * dprediction_dlayer1 * dlayer1_dbias
)
print(f"The derivative of the error with respect to the bias is {derror_dbias}")`);
}
