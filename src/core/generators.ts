// TensorFlow Playground's four 2-D classification sets, seeded: the same settings always give the
// same rows. Every shape is drawn clean from a stated rule (shapeRule) on the plane [-6, 6]², then
// `noise` moves each coordinate by up to noise × RADIUS, so noise 0 puts every point on its rule and
// more noise pushes points across the boundary. Class 1 comes first, then class 0, half each.
import { NETWORK_LIMITS } from './limits';
import { createRandom, type Random } from './random';
import type { DatasetToWrite } from '../dataset/types';

export const GENERATOR_SHAPES = ['circle', 'xor', 'gaussians', 'spiral'] as const;
export type GeneratorShape = (typeof GENERATOR_SHAPES)[number];

/** How a generated file was made: enough to make it again. */
export interface GeneratorSettings {
  shape: GeneratorShape;
  /** How many rows, train and test together. */
  points: number;
  /** 0 (points exactly on their shape's rule) to 1 (each coordinate moved by up to RADIUS). */
  noise: number;
  /** Fraction of the rows held out as "split": "test" (exactly round(points × testRatio) of them). */
  testRatio: number;
  seed: number;
}

export const GENERATOR_LIMITS = {
  minPoints: 2,
  maxPoints: 10_000,
  maxNoise: 1,
  maxTestRatio: 0.9,
  maxSeed: NETWORK_LIMITS.maxSeed,
} as const;

export const GENERATOR_DEFAULTS: Omit<GeneratorSettings, 'seed'> = { shape: 'circle', points: 200, noise: 0.1, testRatio: 0.2 };

/** The shapes' size, as in Playground: points lie within this distance of the origin before noise. */
export const RADIUS = 5;
/** Coordinates are written with this many decimals: short rows, and the file is the data exactly. */
export const DECIMALS = 4;
const GAUSSIAN_CENTER = 2;
/** Gaussian points farther than this from their centre are drawn again, so clean clouds never cross x1 + x2 = 0. */
const GAUSSIAN_CUTOFF = 2;
const SPIRAL_TURNS = 1.75;
const XOR_PADDING = 0.3;

export interface GeneratedRow {
  input: [number, number];
  target: 0 | 1;
  split: 'train' | 'test';
}

/** Why `settings` cannot be generated, or undefined when they can. Checked before any work. */
export function generatorSettingsProblem(settings: GeneratorSettings): string | undefined {
  const { shape, points, noise, testRatio, seed } = settings;
  if (!(GENERATOR_SHAPES as readonly string[]).includes(shape)) return `shape must be one of ${GENERATOR_SHAPES.join(', ')}`;
  if (!Number.isInteger(points) || points < GENERATOR_LIMITS.minPoints || points > GENERATOR_LIMITS.maxPoints) {
    return `points must be a whole number from ${GENERATOR_LIMITS.minPoints} to ${GENERATOR_LIMITS.maxPoints}`;
  }
  if (!(noise >= 0 && noise <= GENERATOR_LIMITS.maxNoise)) return `noise must be a number from 0 to ${GENERATOR_LIMITS.maxNoise}`;
  if (!(testRatio >= 0 && testRatio <= GENERATOR_LIMITS.maxTestRatio)) return `testRatio must be a number from 0 to ${GENERATOR_LIMITS.maxTestRatio}`;
  if (points - Math.round(points * testRatio) < 1) return 'at least one row must be left to train on';
  if (!Number.isInteger(seed) || seed < 0 || seed > GENERATOR_LIMITS.maxSeed) return `seed must be a whole number from 0 to ${GENERATOR_LIMITS.maxSeed}`;
  return undefined;
}

export function generateRows(settings: GeneratorSettings): GeneratedRow[] {
  const problem = generatorSettingsProblem(settings);
  if (problem) throw new RangeError(problem);
  const random = createRandom(settings.seed);
  const positives = Math.ceil(settings.points / 2);
  const rows: GeneratedRow[] = [];
  for (let i = 0; i < settings.points; i++) {
    const target = i < positives ? 1 : 0;
    const [x, y] = cleanPoint(settings.shape, target, target === 1 ? i : i - positives, target === 1 ? positives : settings.points - positives, random);
    const move = () => (random.next() * 2 - 1) * settings.noise * RADIUS;
    rows.push({ input: [round(x + move()), round(y + move())], target, split: 'train' });
  }
  for (const index of pickTest(settings.points, Math.round(settings.points * settings.testRatio), random)) rows[index].split = 'test';
  return rows;
}

/**
 * The class the shape's rule gives (x, y): the boundary a learner's network should find. Clean
 * points (noise 0) all obey it; undefined where no clean point of the shape can lie.
 */
export function shapeRule(shape: GeneratorShape, x: number, y: number): 0 | 1 | undefined {
  const r = Math.hypot(x, y);
  const slack = 10 ** -DECIMALS; // what writing DECIMALS decimals can move a point by, and then some
  const reach = shape === 'xor' ? Math.max(Math.abs(x), Math.abs(y)) : r;
  if (shape !== 'gaussians' && reach > RADIUS + slack) return undefined;
  switch (shape) {
    case 'circle':
      // Class 1 within RADIUS / 2, class 0 from 0.7 RADIUS: the boundary runs midway, at 0.6 RADIUS.
      return r < 0.6 * RADIUS ? 1 : 0;
    case 'xor':
      return x * y > 0 ? 1 : 0;
    case 'gaussians':
      return x + y > 0 ? 1 : 0;
    case 'spiral':
      return spiralClass(x, y);
  }
}

/**
 * Arm 1 is the curve (r sin t, r cos t) with t = SPIRAL_TURNS · 2π · r / RADIUS, arm 0 the same
 * turned by π. A point is on an arm when its angle matches the arm's at its radius, to within what
 * writing DECIMALS decimals can move it.
 */
function spiralClass(x: number, y: number): 0 | 1 | undefined {
  const r = Math.hypot(x, y);
  // Rounding moves a point by at most √2 · ½ · 10^-DECIMALS: its angle by that over r, and the
  // arm's angle at its radius by SPIRAL_TURNS · 2π / RADIUS times that.
  const tolerance = 10 ** -DECIMALS * (1 / r + (SPIRAL_TURNS * 2 * Math.PI) / RADIUS);
  const expected = (SPIRAL_TURNS * 2 * Math.PI * r) / RADIUS;
  const actual = Math.atan2(x, y);
  for (const [offset, label] of [[0, 1], [Math.PI, 0]] as const) {
    const difference = Math.abs(wrapAngle(actual - expected - offset));
    if (difference <= tolerance) return label;
  }
  return undefined;
}

function wrapAngle(angle: number): number {
  return angle - 2 * Math.PI * Math.round(angle / (2 * Math.PI));
}

function cleanPoint(shape: GeneratorShape, target: 0 | 1, index: number, count: number, random: Random): [number, number] {
  const uniform = (low: number, high: number) => low + random.next() * (high - low);
  switch (shape) {
    case 'circle': {
      const r = target === 1 ? uniform(0, RADIUS / 2) : uniform(0.7 * RADIUS, RADIUS);
      const angle = uniform(0, 2 * Math.PI);
      return [r * Math.sin(angle), r * Math.cos(angle)];
    }
    case 'xor': {
      // A random quadrant of the class, then a point in it at least XOR_PADDING from both axes.
      const same = random.next() < 0.5 ? 1 : -1;
      const sx = same;
      const sy = target === 1 ? same : -same;
      return [sx * uniform(XOR_PADDING, RADIUS), sy * uniform(XOR_PADDING, RADIUS)];
    }
    case 'gaussians': {
      const center = target === 1 ? GAUSSIAN_CENTER : -GAUSSIAN_CENTER;
      for (;;) {
        const dx = random.gaussian();
        const dy = random.gaussian();
        if (Math.hypot(dx, dy) <= GAUSSIAN_CUTOFF) return [center + dx, center + dy];
      }
    }
    case 'spiral': {
      const r = ((index + 1) / count) * RADIUS; // from RADIUS / count: the arms never share the origin
      const t = (SPIRAL_TURNS * 2 * Math.PI * r) / RADIUS + (target === 1 ? 0 : Math.PI);
      return [r * Math.sin(t), r * Math.cos(t)];
    }
  }
}

function round(value: number): number {
  const rounded = Math.round(value * 10 ** DECIMALS) / 10 ** DECIMALS;
  return rounded === 0 ? 0 : rounded; // no "-0" in the file
}

/** `count` distinct row indices from [0, total), by a seeded partial Fisher–Yates shuffle. */
function pickTest(total: number, count: number, random: Random): number[] {
  const order = Array.from({ length: total }, (_, index) => index);
  for (let i = 0; i < count; i++) {
    const j = i + random.randomInt(total - i);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order.slice(0, count).sort((a, b) => a - b);
}

const SHAPE_DESCRIPTIONS: Record<GeneratorShape, string> = {
  circle: 'Class 1 inside a circle of radius 2.5, class 0 in a ring from 3.5 to 5 around it. One neuron draws a straight line, so on its own it cannot separate them; given the squares ("inputs": ["x1*x1", "x2*x2"] in "network") its boundary becomes a circle or an ellipse.',
  xor: 'XOR quadrants: class 1 where x1 and x2 have the same sign, class 0 where they differ. No straight line separates the classes, so one neuron on x1 and x2 cannot.',
  gaussians: 'Two clouds of points around (2, 2) (class 1) and (-2, -2) (class 0). Without noise the straight line x1 + x2 = 0 separates them, so the tutorial\'s single neuron can learn it.',
  spiral: 'Two spiral arms wound around each other (class 1 and class 0). No straight line separates them, so one neuron on x1 and x2 cannot.',
};

/** A whole generated dataset as we write it: rows, the generator block, and the tutorial's network to start from. */
export function generatedDataset(settings: GeneratorSettings): DatasetToWrite {
  const rows = generateRows(settings);
  const noise = settings.noise === 0 ? 'no noise' : `noise ${settings.noise} (each coordinate moved by up to ${round(settings.noise * RADIUS)})`;
  return {
    description: `${SHAPE_DESCRIPTIONS[settings.shape]} ${rows.length} points, ${noise}. Made by Neural Network: Generate Dataset…; the "generator" block makes the same rows again.`,
    features: ['x1', 'x2'],
    generator: { ...settings },
    rows: rows.map((row) => (row.split === 'test' ? row : { input: row.input, target: row.target })),
    network: { hiddenLayers: [], learningRate: 0.1, iterations: 10000, errorInterval: 100 },
  };
}
