// Number formatting shared by the views. Numbers shown to people are rounded; the full value
// always stays available in a data-value / data-* attribute for copying and for tests.

/** `value` with `digits` significant digits, without trailing zeros ("0.1235", "-2.5", "1.2e-7"). */
export function formatSignificant(value: number, digits: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '∞';
  if (value === -Infinity) return '−∞';
  if (value === 0) return '0';
  const rounded = Number(value.toPrecision(digits));
  const magnitude = Math.abs(rounded);
  // Very small or very large values read better in exponent form than as long zero runs.
  if (magnitude < 1e-4 || magnitude >= 1e9) return rounded.toExponential(Math.max(0, digits - 1)).replace(/\.?0+e/, 'e');
  return String(rounded);
}

/** A number or a vector, as the tutorial prints them: "0.7986" or "[1.45, -0.66]". */
export function formatValue(value: number | number[], digits: number): string {
  return Array.isArray(value) ? `[${value.map((entry) => formatSignificant(entry, digits)).join(', ')}]` : formatSignificant(value, digits);
}

/** The full-precision text kept in data attributes. */
export function fullValue(value: number | number[]): string {
  return Array.isArray(value) ? `[${value.map(String).join(', ')}]` : String(value);
}

const integerFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Iterations and rates with thousands separators: "10,000". */
export function formatInteger(value: number): string {
  return Number.isFinite(value) ? integerFormat.format(Math.round(value)) : String(value);
}

/** Axis ticks: "10k", "2.5M" keep a narrow side bar readable. */
export function formatCompact(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude >= 1e9) return `${formatSignificant(value / 1e9, 3)}G`;
  if (magnitude >= 1e6) return `${formatSignificant(value / 1e6, 3)}M`;
  if (magnitude >= 1e3) return `${formatSignificant(value / 1e3, 3)}k`;
  return formatSignificant(value, 3);
}
