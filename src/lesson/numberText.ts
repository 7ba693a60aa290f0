// How the lab writes a number it computed: rounded correctly (toFixed rounds the exact binary
// value, so 4.1259999999999994 is "4.1260"), never truncated, and with enough digits that two
// numbers a sentence compares do not print the same. What the tutorial printed is quoted
// separately, as printed; the two never meet in one sentence.

const DECIMALS = 4;
const MAX_DECIMALS = 12;

/** A computed number, correctly rounded: 4 decimals, or significant digits when it is tiny (below 0.001) or huge. */
export function num(value: number, decimals = DECIMALS): string {
  if (!Number.isFinite(value)) return String(value);
  if (decimals >= 3 && value !== 0 && Math.abs(value) < 10 ** -(decimals - 1)) return trimExponent(value.toPrecision(decimals));
  if (Math.abs(value) >= 1e6) return trimExponent(value.toPrecision(decimals + 2));
  return value.toFixed(decimals);
}

/** "1.2e-7" rather than "1.200e-7": toPrecision's exponent form keeps trailing zeros. */
function trimExponent(text: string): string {
  return text.replace(/\.?0+e/, 'e');
}

/** A vector of computed numbers: "[0.3914, 0.2936]". */
export function vec(values: readonly number[], decimals = DECIMALS): string {
  return `[${values.map((value) => num(value, decimals)).join(', ')}]`;
}

/**
 * Two computed numbers written with the fewest decimals (at least `decimals`) at which they differ,
 * so "a > b" is never shown as "2.1672 > 2.1672". Numbers equal to 12 decimals print equal.
 */
export function distinct(a: number, b: number, decimals = DECIMALS): [string, string] {
  for (let d = decimals; d <= MAX_DECIMALS; d++) {
    const pair: [string, string] = [num(a, d), num(b, d)];
    if (a === b || pair[0] !== pair[1]) return pair;
  }
  // Equal to MAX_DECIMALS places (0.9999999999999999 and 1): the same number for any reader.
  return [num(a, decimals), num(b, decimals)];
}

/**
 * The angle between two 2-D vectors in degrees, undefined when one is the zero vector. Each vector
 * is first divided by its largest entry, so tiny or huge entries neither underflow nor overflow.
 */
export function angleDegrees(a: readonly number[], b: readonly number[]): number | undefined {
  const unit = (v: readonly number[]) => {
    const largest = Math.max(Math.abs(v[0]), Math.abs(v[1]));
    return largest === 0 ? undefined : [v[0] / largest, v[1] / largest];
  };
  const [p, q] = [unit(a), unit(b)];
  if (!p || !q) return undefined;
  return (Math.atan2(Math.abs(p[0] * q[1] - p[1] * q[0]), p[0] * q[0] + p[1] * q[1]) * 180) / Math.PI;
}
