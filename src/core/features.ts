// Feature crosses: the network's inputs derived from a row's raw features, as TensorFlow Playground
// offers them and the tutorial's feature-engineering chapter describes. The grammar is small:
//
//   input   := factor ( "*" factor )*          (1 to MAX_FACTORS factors, multiplied left to right)
//   factor  := feature | "sin(" feature ")" | "cos(" feature ")"
//   feature := a name from "features" (x1, x2, … when the file names none)
//
// so "x1*x1" is a square, "x1*x2" a product, "sin(x1)" a sine. Spaces are ignored. This module is
// the one derivation: training, Predict, Explain, the diagram and the exports all go through it.
import { l10n } from '../l10n';

export type FactorFunction = 'identity' | 'sin' | 'cos';

export interface Factor {
  fn: FactorFunction;
  /** Which raw feature (0-based). */
  feature: number;
}

/** One derived input: the product of its factors. */
export type DerivedInput = readonly Factor[];

export const MAX_FACTORS = 4;
export const MAX_DERIVED_INPUTS = 64;

export type InputReading = { ok: true; input: DerivedInput } | { ok: false; message: string };

/** The names of raw features when the file gives none: x1, x2, … as the tutorial's NumPy code and Playground call them. */
export function defaultFeatureNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `x${i + 1}`);
}

/** Reads one entry of "inputs" against the raw features' names; the message says what is wrong and how to write it. */
export function readDerivedInput(text: string, names: readonly string[]): InputReading {
  const parts = text.split('*').map((part) => part.trim());
  if (text.trim() === '') return { ok: false, message: l10n.t('is empty; write a feature like "x1", a product like "x1*x2", or "sin(x1)"') };
  if (parts.length > MAX_FACTORS) return { ok: false, message: l10n.t('multiplies {0} factors; at most {1} are allowed', parts.length, MAX_FACTORS) };
  if (/\^|\*\*/.test(text)) return { ok: false, message: l10n.t('has a power; write a square as a product, like "x1*x1"') };
  const factors: Factor[] = [];
  for (const part of parts) {
    if (part === '') return { ok: false, message: l10n.t('has a "*" with nothing on one side; write products like "x1*x2"') };
    const direct = names.indexOf(part);
    if (direct >= 0) {
      factors.push({ fn: 'identity', feature: direct });
      continue;
    }
    const call = /^([A-Za-z_]\w*)\s*\((.*)\)$/.exec(part);
    if (call && call[1] !== 'sin' && call[1] !== 'cos') {
      return { ok: false, message: l10n.t('uses {0}(…); the functions are sin and cos (a product like "x1*x1" makes a square)', call[1]) };
    }
    const fn: FactorFunction = call ? (call[1] as 'sin' | 'cos') : 'identity';
    const name = call ? call[2].trim() : part;
    const feature = names.indexOf(name);
    if (feature < 0) {
      const suggestion = closestName(name, names);
      return { ok: false, message: l10n.t('uses "{0}", which is not a feature; the features are {1}{2}', name, names.map((n) => `"${n}"`).join(', '), suggestion ? l10n.t(' — did you mean "{0}"?', suggestion) : '') };
    }
    factors.push({ fn, feature });
  }
  return { ok: true, input: factors };
}

/** The entry as the lab writes it, e.g. "x1*x2" or "sin(x1)", with the given names. */
export function formatDerivedInput(input: DerivedInput, names: readonly string[]): string {
  return input.map(({ fn, feature }) => (fn === 'identity' ? names[feature] : `${fn}(${names[feature]})`)).join('*');
}

/** The network's input derivation: raw rows of `rawSize` numbers → `inputs.length` numbers. */
export class InputDerivation {
  readonly size: number;
  /** factors[i] of input i, flattened: fn code (0 identity, 1 sin, 2 cos) and feature index per factor. */
  private readonly codes: Int32Array;
  private readonly features: Int32Array;
  private readonly starts: Int32Array;

  constructor(readonly rawSize: number, readonly inputs: readonly DerivedInput[]) {
    if (inputs.length === 0 || inputs.length > MAX_DERIVED_INPUTS) throw new RangeError(`a network takes 1 to ${MAX_DERIVED_INPUTS} derived inputs, got ${inputs.length}`);
    this.size = inputs.length;
    const count = inputs.reduce((sum, input) => sum + input.length, 0);
    this.codes = new Int32Array(count);
    this.features = new Int32Array(count);
    this.starts = new Int32Array(inputs.length + 1);
    let k = 0;
    inputs.forEach((input, i) => {
      if (input.length === 0 || input.length > MAX_FACTORS) throw new RangeError(`derived input ${i + 1} has ${input.length} factors`);
      this.starts[i] = k;
      for (const { fn, feature } of input) {
        if (!Number.isInteger(feature) || feature < 0 || feature >= rawSize) throw new RangeError(`derived input ${i + 1} uses feature ${feature + 1} of ${rawSize}`);
        this.codes[k] = fn === 'identity' ? 0 : fn === 'sin' ? 1 : 2;
        this.features[k++] = feature;
      }
    });
    this.starts[inputs.length] = k;
  }

  /** From the canonical text the snapshot keeps (names x1, x2, …). Throws a RangeError on a bad entry. */
  static fromText(rawSize: number, texts: readonly string[]): InputDerivation {
    const names = defaultFeatureNames(rawSize);
    return new InputDerivation(rawSize, texts.map((text, i) => {
      const reading = readDerivedInput(text, names);
      if (!reading.ok) throw new RangeError(`derived input ${i + 1} "${text}" ${reading.message}`);
      return reading.input;
    }));
  }

  /** The canonical text (names x1, x2, …), what a snapshot or model file keeps. */
  texts(): string[] {
    const names = defaultFeatureNames(this.rawSize);
    return this.inputs.map((input) => formatDerivedInput(input, names));
  }

  /** Writes the derived inputs of the raw row at `from[fromOffset…]` to `to[toOffset…]`. Products run left to right. */
  deriveInto(from: ArrayLike<number>, fromOffset: number, to: Float64Array, toOffset: number): void {
    const { codes, features, starts } = this;
    for (let i = 0; i < this.size; i++) {
      let value = 0;
      for (let k = starts[i]; k < starts[i + 1]; k++) {
        const x = from[fromOffset + features[k]];
        const factor = codes[k] === 0 ? x : codes[k] === 1 ? Math.sin(x) : Math.cos(x);
        value = k === starts[i] ? factor : value * factor;
      }
      to[toOffset + i] = value;
    }
  }

  derive(raw: readonly number[]): number[] {
    const out = new Float64Array(this.size);
    this.deriveInto(raw, 0, out, 0);
    return Array.from(out);
  }
}

function closestName(name: string, names: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  return names.find((candidate) => candidate.toLowerCase() === lower)
    ?? names.find((candidate) => editDistance(candidate, name) <= 1);
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 1) return 2;
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}
