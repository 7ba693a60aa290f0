#!/usr/bin/env node
// Redraws media/walkthrough/training.svg from the core: the curve and the numbers in its
// description are the run the learner gets from tutorial.nn.json (seed 42), so the figure stays
// true if the core's generator ever changes. test/unit/walkthrough.test.ts checks the same numbers.
//   npm run build && node scripts/training-figure.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const core = createRequire(import.meta.url)(join(root, 'dist', 'core.js'));
const figure = join(root, 'media', 'walkthrough', 'training.svg');

/** The figure's axes, as drawn: x 52..384 for 0..10,000 iterations, y 196..52 for error 0..4. */
export const AXES = { x0: 52, x1: 384, iterations: 10000, y0: 196, y1: 52, errors: 4 };

export function seed42Errors() {
  const rows = [[3, 1.5], [2, 1], [4, 1.5], [3, 4], [3.5, 0.5], [2, 0.5], [5.5, 1], [1, 1]];
  const targets = [0, 1, 0, 1, 0, 1, 1, 0];
  return new core.NeuralNetwork({ learningRate: 0.1, seed: 42 }).train(rows, targets, 10000, { errorInterval: 100 });
}

export function polylinePoints(errors) {
  const { x0, x1, iterations, y0, y1, errors: top } = AXES;
  return errors.map((error, i) => `${(x0 + ((x1 - x0) * i * 100) / iterations).toFixed(1)},${(y0 - ((y0 - y1) * error) / top).toFixed(1)}`).join(' ');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const errors = seed42Errors();
  const sorted = [...errors].sort((a, b) => a - b);
  const median = (sorted[49] + sorted[50]) / 2;
  let svg = readFileSync(figure, 'utf8');
  svg = svg.replace(/(<polyline id="seed-42" points=")[^"]*(")/, `$1${polylinePoints(errors)}$2`);
  svg = svg.replace(/(<desc id="d">)[^<]*(<\/desc>)/, `$1A line chart of the error for all training instances of tutorial.nn.json with its seed 42, recorded every 100 iterations over 10,000 iterations of stochastic gradient descent with learning rate 0.1. The first recorded error, after one update, is ${errors[0].toFixed(2)}, and the curve never falls visibly: it stays between ${sorted[0].toFixed(2)} and ${sorted[99].toFixed(2)}, with a median of ${median.toFixed(2)}. A dashed line marks 2, the error of answering 0.5 to every row.$2`);
  writeFileSync(figure, svg);
  console.log(`training.svg: first ${errors[0].toFixed(2)}, range ${sorted[0].toFixed(2)}–${sorted[99].toFixed(2)}, median ${median.toFixed(2)}`);
}
