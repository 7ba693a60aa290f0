// What the core's training is measured against besides the tutorial's own program:
//  - a hand-optimised loop of the tutorial net's arithmetic, as one would write it for speed: rows
//    and weights in Float64Arrays, xorshift32 row picks, sigmoid inlined, the cumulative error
//    every 100 steps. It starts from the core network's start values, so both train through the
//    same regime (which branch of the sigmoid, how often) and differ only in how the code is built;
//  - the core's layered step run on the tutorial net, to show whether the fused step's
//    specialisation for one layer pays (it is only kept because it does);
//  - brain.js 1.6.1 (a bench-only devDependency), the best-known JavaScript network library: it
//    trains in epochs over the rows in order, so steps = epochs × rows.
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));

/** The tutorial net's SGD written by hand for speed; returns the recorded errors. */
export function handOptimisedLoop(start, inputs, targets, iterations, learningRate = 0.1, errorInterval = 100) {
  const rows = targets.length;
  const width = inputs[0].length;
  const x = new Float64Array(rows * width);
  inputs.forEach((row, r) => x.set(row, r * width));
  const t = Float64Array.from(targets);
  const w = Float64Array.from(start.weights);
  let b = start.bias;
  let state = 2463534242; // xorshift32's usual non-zero seed
  const errors = [];
  for (let step = 0; step < iterations; step++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    const r = Math.floor(((state >>> 0) / 4294967296) * rows);
    const o = r * width;
    let z = b;
    for (let i = 0; i < width; i++) z += x[o + i] * w[i];
    let p;
    if (z >= 0) p = 1 / (1 + Math.exp(-z));
    else { const e = Math.exp(z); p = e / (1 + e); }
    const g = 2 * (p - t[r]) * (p * (1 - p));
    b -= g * learningRate;
    for (let i = 0; i < width; i++) w[i] -= g * x[o + i] * learningRate;
    if (step % errorInterval === 0) {
      let sum = 0;
      for (let q = 0; q < rows; q++) {
        let zq = b;
        for (let i = 0; i < width; i++) zq += x[q * width + i] * w[i];
        let pq;
        if (zq >= 0) pq = 1 / (1 + Math.exp(-zq));
        else { const e = Math.exp(zq); pq = e / (1 + e); }
        const difference = pq - t[q];
        sum += difference * difference;
      }
      errors.push(sum);
    }
  }
  return errors;
}

/** The core's train loop with the layered step forced (out/ is compiled by `npm run bench`). */
export function layeredStepLoop(core, network, inputs, targets, iterations, errorInterval = 100) {
  const sgd = require(resolve(here, '../../out/src/core/sgd.js'));
  const width = network.rowStride;
  const rows = { inputs: new Float64Array(inputs.flat()), targets: Float64Array.from(targets), count: targets.length };
  const errors = [];
  for (let step = 0; step < iterations; step++) {
    const r = network.sampler.randomInt(rows.count);
    sgd.layeredStep(network.layers, rows.inputs, r * width, rows.targets[r], network.learningRate);
    if (step % errorInterval === 0) errors.push(sgd.sumSquaredError(network.layers, rows, width));
  }
  return errors;
}

/** brain.js trained for `steps` / rows epochs; momentum must be > 0, so it is all but off. */
export function brainJsRun(data, sizes, steps) {
  const brain = require('brain.js');
  const network = new brain.NeuralNetwork({ hiddenLayers: sizes.slice(1, -1), activation: 'sigmoid' });
  return network.train(data, {
    iterations: Math.max(1, Math.round(steps / data.length)), learningRate: 0.1, momentum: 1e-12,
    errorThresh: 1e-12, log: false,
  });
}

export const brainJsVersion = () => require('brain.js/package.json').version;
