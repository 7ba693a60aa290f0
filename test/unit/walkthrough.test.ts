// The walkthrough's pages and figures say what the core computes: every number is the correctly
// rounded value (or the tutorial's, quoted as printed), the figures are checked by geometry and by
// running the code they illustrate, and no step sends the learner ahead of what it has taught.
import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { createTrainer, dot, NeuralNetwork, sigmoid, sigmoidDerivative } from '../../src/core';
import { parseDataset } from '../../src/dataset';
import { bagOfWords } from '../../src/text/bagOfWords';
import { lemmatize } from './builtLemmatizer';
import { bestSingleNeuron } from '../../src/core/bestNeuron';
import { bestLineAccuracy } from '../../src/core/separability';
import { errorTail } from '../../src/core/errorTail';

const root = path.resolve(__dirname, '../../..');
const walkthrough = path.join(root, 'media', 'walkthrough');
const read = (name: string) => readFileSync(path.join(walkthrough, name), 'utf8');
const ROWS = [[3, 1.5], [2, 1], [4, 1.5], [3, 4], [3.5, 0.5], [2, 0.5], [5.5, 1], [1, 1]];
const TARGETS = [0, 1, 0, 1, 0, 1, 1, 0];

/**
 * The number `pattern` captures in `text` is `value` correctly rounded to the decimals it shows
 * (so a truncated 0.7985 for 0.79857 fails). Returns how many times it was found.
 */
function expectRounded(text: string, where: string, pattern: RegExp, value: number): void {
  const match = pattern.exec(text);
  assert.ok(match, `${where}: no ${pattern}`);
  const shown = match[1];
  const decimals = shown.includes('.') ? shown.split('.')[1].length : 0;
  assert.equal(shown, value.toFixed(decimals), `${where}: ${pattern} shows ${shown}, but ${value} rounds to ${value.toFixed(decimals)}`);
}

const N = '(-?\\d+(?:\\.\\d+)?)';
const re = (source: string) => new RegExp(source.replace(/NUM/g, N));

function train(options: { seed: number; hiddenLayers?: number[]; iterations?: number }) {
  const network = new NeuralNetwork({ learningRate: 0.1, seed: options.seed, hiddenLayers: options.hiddenLayers });
  const errors = network.train(ROWS, TARGETS, options.iterations ?? 10000, { errorInterval: 100 });
  const right = ROWS.filter((row, i) => (network.predict(row) > 0.5 ? 1 : 0) === TARGETS[i]).length;
  return { network, errors, right };
}

describe('walkthrough numbers are computed and correctly rounded', () => {
  const inputVector = [1.72, 1.23];
  const weights1 = [1.26, 0];
  const weights2 = [2.17, 0.32];
  const angle = (a: number[], b: number[]) => (Math.acos(dot(a, b) / (Math.hypot(...a) * Math.hypot(...b))) * 180) / Math.PI;
  const first = sigmoid(dot([1.66, 1.56], [1.45, -0.66]));
  const wrongLayer = dot([2, 1.5], [1.45, -0.66]);
  const wrong = sigmoid(wrongLayer);
  const derivative = 2 * wrong;
  const slope = sigmoidDerivative(wrongLayer);

  it('05 the dot product: 4.126 computed, 4.1259 only where the tutorial is quoted', () => {
    const page = read('05-dot-product.md');
    expectRounded(page, '05', re('1\\.72·2\\.17 \\+ 1\\.23·0\\.32 = NUM'), dot(inputVector, weights2));
    expectRounded(page, '05', re('it wins, NUM to'), dot(inputVector, weights2));
    expectRounded(page, '05', re('\\(NUM° apart'), angle(inputVector, weights2));
    expectRounded(page, '05', re('against NUM° for `weights_1`'), angle(inputVector, weights1));
    expectRounded(page, '05', re('about as long \\(NUM against'), Math.hypot(...weights2));
    expectRounded(page, '05', re('about as long \\([\\d.]+ against NUM\\)'), Math.hypot(...inputVector));
    expectRounded(page, '05', re('its angle is still NUM°'), angle(inputVector, [5, 0]));
    assert.ok(dot(inputVector, [5, 0]) > dot(inputVector, weights2), 'weights_1 = [5, 0] does win by the dot product');
    const svg = read('dot-product.svg');
    expectRounded(svg, 'dot-product.svg', re('font-weight="700">NUM</tspan></text>\\s*<text x="248" y="214"'), dot(inputVector, weights2));
    for (const [name, text] of [['05', page], ['dot-product.svg', svg], ['package.nls.json', readFileSync(path.join(root, 'package.nls.json'), 'utf8')]]) {
      // Quoted as printed only: every 4.1259 sits in a sentence about what the tutorial or Python prints.
      for (const sentence of text.split(/(?<=[.:])\s/).filter((s) => /4\.1259(?!9)/.test(s))) {
        assert.match(sentence, /tutorial quotes|prints/, `${name}: "${sentence}"`);
      }
    }
  });

  it('06/07 the first prediction and its error', () => {
    const prediction = read('06-first-prediction.md');
    expectRounded(prediction, '06', re('`layer_1` = NUM'), dot([1.66, 1.56], [1.45, -0.66]));
    expectRounded(prediction, '06', re('sigmoid\\(1\\.3774\\) ≈ \\*\\*NUM\\*\\*'), first);
    expectRounded(prediction, '06', re('the prediction is ≈ \\*\\*NUM\\*\\*'), wrong);
    const figure = read('first-prediction.svg');
    expectRounded(figure, 'first-prediction.svg', re('giving prediction NUM'), first);
    expectRounded(figure, 'first-prediction.svg', re('NUM &gt; 0\\.5 ⇒ class 1'), first);
    const error = read('07-error.md');
    expectRounded(error, '07', re('= \\(NUM − 0\\)²'), wrong);
    expectRounded(error, '07', re('≈ NUM\\n```'), wrong ** 2);
    // The rounded prediction the sentence shows squares to the same rounded error.
    assert.equal((Number(re('= \\(NUM − 0\\)²').exec(error)![1]) ** 2).toFixed(4), (wrong ** 2).toFixed(4));
  });

  it('08/09 the derivative by the power rule, the too-big step and the chain rule', () => {
    const descent = read('08-gradient-descent.md');
    assert.match(descent, /power rule/);
    assert.match(descent, /derivative of `x²` is `2 · x¹ = 2 · x`/);
    expectRounded(descent, '08', re('= 2 · 0\\.87102 ≈ NUM'), derivative);
    const naive = [1.45, -0.66].map((w) => w - derivative);
    expectRounded(descent, '08', re('prediction ≈ NUM, error'), sigmoid(dot([2, 1.5], naive)));
    expectRounded(descent, '08', re('error ≈ NUM\\)'), sigmoid(dot([2, 1.5], naive)) ** 2);
    expectRounded(descent, '08', re('now gives ≈ NUM'), sigmoid(dot([1.66, 1.56], naive)));
    const chain = read('09-backpropagation.md');
    expectRounded(chain, '09', re('`derror_dbias` = NUM ·'), derivative);
    expectRounded(chain, '09', re('`derror_dbias` = [\\d.]+ · NUM · 1'), slope);
    expectRounded(chain, '09', re('· 1 ≈ NUM'), derivative * slope);
    // The rounded factors multiply to the rounded product (no mixing of precisions).
    assert.equal((1.74204 * 0.11234).toFixed(4), (derivative * slope).toFixed(4));
    expectRounded(chain, '09', re('≈ `\\[NUM,'), derivative * slope * 2);
    expectRounded(chain, '09', re('≈ `\\[[\\d.]+, NUM\\]`'), derivative * slope * 1.5);
  });

  it("11 training: what seed 42 shows, the fall seed 28 shows, and the data's floor", () => {
    const page = read('11-training.md');
    const seed42 = train({ seed: 42 });
    const sorted = [...seed42.errors].sort((a, b) => a - b);
    expectRounded(page, '11', re('already NUM, and the curve never falls'), seed42.errors[0]);
    expectRounded(page, '11', re('between about NUM and'), sorted[0]);
    expectRounded(page, '11', re('between about [\\d.]+ and NUM'), sorted[sorted.length - 1]);
    assert.ok(sorted[49] > 0.8 * seed42.errors[0], 'the middle of the run is not visibly below the start');
    const seed28 = train({ seed: 28 });
    assert.match(page, /"seed": 28/);
    expectRounded(page, '11', re('the first record is then NUM'), seed28.errors[0]);
    assert.ok(Math.abs(seed28.errors[8] - 2) < 0.1 && seed28.errors[0] - seed28.errors[8] > 1.5, `seed 28 at iteration 800: ${seed28.errors[8]}`);
    expectRounded(page, '11', re('the best one gets NUM of 8 right'), bestLineAccuracy(ROWS, TARGETS)!.right);
    expectRounded(page, '11', re('reaches on these rows is NUM'), bestSingleNeuron(ROWS, TARGETS)!.error);
    assert.match(page, /8 × 0\.5² = 2/);
    assert.equal(TARGETS.reduce((sum, t) => sum + (t - 0.5) ** 2, 0), 2);
  });

  it('12 more layers: a hidden layer of 4 changes nothing visible at 10,000 iterations and memorises all 8 at 100,000', () => {
    const page = read('12-more-layers.md');
    assert.match(page, /`"hiddenLayers": \[4\]` \(17 parameters for 8 rows\)/);
    const one = train({ seed: 42 });
    const short = train({ seed: 42, hiddenLayers: [4] });
    const long = train({ seed: 42, hiddenLayers: [4], iterations: 100000 });
    assert.equal(short.network.parameters().reduce((sum, layer) => sum + layer.biases.length * (1 + layer.weights[0].length), 0), 17);
    expectRounded(page, '12', re('change nothing visible \\(NUM of 8 right\\)'), short.right);
    const [oneTail, shortTail] = [errorTail(one.errors)!, errorTail(short.errors)!];
    assert.ok(shortTail.median > 0.8 * oneTail.median, `hidden layer, 10,000 iterations: ${shortTail.median} against ${oneTail.median}`);
    assert.equal(long.right, 8);
    assert.match(page, /100,000 iterations get all 8 right/);
  });

  it('the walkthrough buttons quote the same numbers', () => {
    const nls = JSON.parse(readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
    expectRounded(nls['walkthrough.dotProduct.description'], 'dot product step', re('2\\.1672 against NUM'), dot(inputVector, weights2));
    expectRounded(nls['walkthrough.error.description'], 'error step', re('\\(NUM − 0\\)²'), wrong);
    expectRounded(nls['walkthrough.error.description'], 'error step', re('≈ NUM'), wrong ** 2);
    assert.match(nls['walkthrough.gradientDescent.description'], /power rule/);
  });
});

describe('walkthrough figures', () => {
  it('more-layers.svg: the band holds both class-1 points and neither class-0 point (geometry on its own coordinates)', () => {
    const svg = read('more-layers.svg');
    const band = /<polygon id="band" points="([^"]+)"/.exec(svg)![1].trim().split(/\s+/).map((pair) => pair.split(',').map(Number));
    const circles = [...svg.matchAll(/<circle class="class-([01])" cx="([\d.]+)" cy="([\d.]+)" r="([\d.]+)"/g)]
      .map(([, cls, x, y, r]) => ({ cls: Number(cls), x: Number(x), y: Number(y), r: Number(r) }));
    assert.deepEqual(circles.map((c) => c.cls).sort(), [0, 0, 1, 1]);
    // Signed distance to each edge of the (convex) polygon: positive inside for either winding.
    const area = band.reduce((sum, [x, y], i) => { const [nx, ny] = band[(i + 1) % band.length]; return sum + x * ny - nx * y; }, 0);
    const inside = (px: number, py: number) => Math.min(...band.map(([x, y], i) => {
      const [nx, ny] = band[(i + 1) % band.length];
      return (Math.sign(area) * ((nx - x) * (py - y) - (ny - y) * (px - x))) / Math.hypot(nx - x, ny - y);
    }));
    for (const c of circles) {
      const depth = inside(c.x, c.y);
      if (c.cls === 1) assert.ok(depth >= c.r, `class-1 point (${c.x}, ${c.y}) is inside the band, whole disc (depth ${depth})`);
      else assert.ok(depth <= -c.r, `class-0 point (${c.x}, ${c.y}) is outside the band, whole disc (depth ${depth})`);
    }
    assert.match(svg, /mean error per row/);
  });

  it("more-layers.svg's overfitting panel is what noisy-blobs.nn.json draws as mean errors per row: test above training, falling then rising", () => {
    const { dataset } = parseDataset(readFileSync(path.join(root, 'media', 'datasets', 'noisy-blobs.nn.json'), 'utf8'));
    const rows = dataset!.rows.filter((row) => row.target !== undefined);
    const [train, test] = [rows.filter((row) => row.split !== 'test'), rows.filter((row) => row.split === 'test')];
    const settings = dataset!.network;
    const network = new NeuralNetwork({ learningRate: settings.learningRate!, seed: settings.seed, hiddenLayers: settings.hiddenLayers, activation: settings.activation });
    const chunk = createTrainer(network, train.map((r) => r.input), train.map((r) => r.target!), {
      iterations: settings.iterations!, errorInterval: settings.errorInterval!, testInputs: test.map((r) => r.input), testTargets: test.map((r) => r.target!),
    }).run(Infinity);
    const trainMean = chunk.errors.map(([, error]) => error / train.length);
    const testMean = chunk.testErrors.map(([, error]) => error / test.length);
    const last = trainMean.length - 1;
    assert.ok(testMean[last] > trainMean[last], `per row the test curve ends above the training curve (${testMean[last]} vs ${trainMean[last]})`);
    const lowest = testMean.indexOf(Math.min(...testMean));
    assert.ok(lowest < last / 2 && testMean[last] > 1.1 * testMean[lowest], `the test curve falls to ${testMean[lowest]} then rises to ${testMean[last]}`);
    assert.ok(trainMean[last] < trainMean[lowest], 'while the training curve keeps falling');
    // Summed, the 20 test rows' curve would start below the 60 training rows' one: the reason for the mean.
    assert.ok(chunk.testErrors[0][1] < chunk.errors[0][1]);
  });

  it('training.svg is the seed-42 run of tutorial.nn.json, point for point, with its numbers in the description', () => {
    const svg = read('training.svg');
    const { errors } = train({ seed: 42 });
    const points = /<polyline id="seed-42" points="([^"]+)"/.exec(svg)![1].trim().split(/\s+/).map((pair) => pair.split(',').map(Number));
    assert.equal(points.length, errors.length);
    // The figure's axes: x 52..384 for 0..10,000 iterations, y 196..52 for error 0..4.
    points.forEach(([x, y], i) => {
      assert.ok(Math.abs(x - (52 + (332 * i * 100) / 10000)) <= 0.051, `x of point ${i}`);
      assert.ok(Math.abs(y - (196 - 36 * errors[i])) <= 0.051, `y of point ${i}: ${y} for error ${errors[i]}`);
    });
    const desc = /<desc id="d">([^<]+)<\/desc>/.exec(svg)![1];
    const sorted = [...errors].sort((a, b) => a - b);
    expectRounded(desc, 'training.svg', re('after one update, is NUM'), errors[0]);
    expectRounded(desc, 'training.svg', re('between NUM and'), sorted[0]);
    expectRounded(desc, 'training.svg', re('and NUM, with a median'), sorted[99]);
    expectRounded(desc, 'training.svg', re('median of NUM'), (sorted[49] + sorted[50]) / 2);
    expectRounded(svg, 'training.svg', re('Seed 42: starts at NUM'), errors[0]);
    expectRounded(svg, 'training.svg', re('best a single neuron can do: NUM'), bestSingleNeuron(ROWS, TARGETS)!.error);
    assert.doesNotMatch(svg, /fast drop|falls quickly/);
  });

  it("features.svg counts what the lab's Bag of Words counts (stop words left out)", () => {
    const svg = read('features.svg');
    const sentence = /The sentence "([^"]+)"/.exec(svg)![1];
    const bag = bagOfWords([sentence], lemmatize);
    const expected = Object.fromEntries(bag.vocabulary.map((word, i) => [word, bag.vectors[0][i]]));
    const words = [.../<g id="vector-words"[^>]*>([\s\S]*?)<\/g>/.exec(svg)![1].matchAll(/>([^<]+)<\/text>/g)].map((m) => m[1]);
    const counts = [.../<g id="vector-counts"[^>]*>([\s\S]*?)<\/g>/.exec(svg)![1].matchAll(/>([^<]+)<\/text>/g)].map((m) => Number(m[1]));
    assert.deepEqual(Object.fromEntries(words.map((word, i) => [word, counts[i]])), expected);
    assert.ok(!('a' in expected) && !('and' in expected), 'stop words are not counted');
    const page = read('03-features.md');
    assert.match(page, /\*\*stop words\*\*/);
    assert.match(page, /A table that is mostly zeros is called \*\*sparse\*\*/);
  });
});

describe('walkthrough order', () => {
  interface Step { id: string; description: string }
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const nls = JSON.parse(readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const steps = (manifest.contributes.walkthroughs[0].steps as Step[]).map((step) => ({ ...step, description: step.description.replace(/^%(.+)%$/, (_, key: string) => nls[key]) }));

  it('sends the learner to noisy-blobs (8 tanh units) and to unscaled features only once gradient descent is taught', () => {
    const taught = steps.findIndex((step) => step.id === 'gradient-descent');
    assert.ok(taught > 0);
    steps.forEach((step, index) => {
      if (index < taught) assert.doesNotMatch(step.description, /noisy-blobs|houses-unscaled/, `${step.id} comes before gradient descent`);
    });
    assert.ok(steps.some((step) => /houses-unscaled/.test(step.description)), 'the unscaled houses are still offered');
    for (const step of steps) {
      const page = read(path.basename((manifest.contributes.walkthroughs[0].steps as { id: string; media: { markdown: string } }[]).find((s) => s.id === step.id)!.media.markdown));
      if (steps.indexOf(step) < taught) assert.doesNotMatch(page, /feature scaling|[Ss]cale the features/, step.id);
    }
  });
});
