// The sign of (a − b)(c − d) ± (e − f)(g − h) for doubles, always right: a floating-point
// evaluation decides when it is far enough from 0 (Shewchuk's orient2d error bound), and an exact
// evaluation in BigInt decides the rest. The 2-D geometry of separability.ts rests on it: an
// orientation test that is wrong for nearly collinear rows would make "separable" a guess.

const EPSILON = 2 ** -53;
/** Shewchuk's ccwerrboundA: bounds the error of the float evaluation, subtractions included. */
const ERROR_BOUND = (3 + 16 * EPSILON) * EPSILON;
/** Outside this range the products may overflow or lose bits to underflow: decide exactly. */
const SAFE_MIN = 2 ** -900;
const SAFE_MAX = 2 ** 900;

export type Sign = -1 | 0 | 1;

/** The sign of (a − b)(c − d) + (e − f)(g − h), or of (a − b)(c − d) − (e − f)(g − h) when `minus`. */
export function signOfProducts(a: number, b: number, c: number, d: number, e: number, f: number, g: number, h: number, minus: boolean): Sign {
  const left = (a - b) * (c - d);
  const right = (e - f) * (g - h);
  const value = minus ? left - right : left + right;
  const size = Math.abs(left) + Math.abs(right);
  // A difference of doubles is 0 only when they are equal, so a zero factor is exact (a product can
  // still underflow to 0 from two tiny factors: that case goes to the exact evaluation).
  if (size === 0 && (a === b || c === d) && (e === f || g === h)) return 0;
  if (size > SAFE_MIN && size < SAFE_MAX) {
    const bound = ERROR_BOUND * size;
    if (value > bound) return 1;
    if (value < -bound) return -1;
  }
  return exactSign([a, b, c, d, e, f, g, h], minus);
}

/** Orientation of c relative to the directed line a → b: 1 left (counter-clockwise), −1 right, 0 on it. */
export function orientation(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): Sign {
  return signOfProducts(bx, ax, cy, ay, by, ay, cx, ax, true);
}

/** Sign of dot(b − a, c − d): which way c − d points along the direction a → b. */
export function dotSign(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): Sign {
  return signOfProducts(bx, ax, cx, dx, by, ay, cy, dy, false);
}

/** x = mantissa · 2^exponent exactly, read from the IEEE 754 bits. */
function decompose(x: number): { mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const high = view.getUint32(0);
  const low = view.getUint32(4);
  const biased = (high >>> 20) & 0x7ff;
  let mantissa = (BigInt(high & 0xfffff) << 32n) | BigInt(low);
  let exponent = -1074;
  if (biased !== 0) {
    mantissa |= 1n << 52n;
    exponent = biased - 1075;
  }
  return { mantissa: high >>> 31 ? -mantissa : mantissa, exponent };
}

function exactSign(values: number[], minus: boolean): Sign {
  for (const value of values) if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const parts = values.map(decompose);
  const lowest = Math.min(...parts.map((part) => part.exponent));
  // Every value as an integer multiple of 2^lowest, so differences and products are exact.
  const [a, b, c, d, e, f, g, h] = parts.map((part) => part.mantissa << BigInt(part.exponent - lowest));
  const left = (a - b) * (c - d);
  const right = (e - f) * (g - h);
  const value = minus ? left - right : left + right;
  return value > 0n ? 1 : value < 0n ? -1 : 0;
}
