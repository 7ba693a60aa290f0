// Pretty JSON for model files. JSON.stringify(value, null, 2) puts every number on its own line,
// which turns a 16×16 weight matrix into 256 lines; here arrays of numbers or strings stay on one
// line (one row of weights per line). It also keeps the sign of -0, which JSON.stringify drops,
// so a model read back is bit-identical to the one written.

export type JsonValue = number | string | boolean | null | JsonValue[] | { [key: string]: JsonValue | undefined };

/** Writes `value` as indented JSON; object properties that are undefined are left out. */
export function layoutJson(value: JsonValue, indent = ''): string {
  if (typeof value === 'number') return jsonNumber(value);
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((item) => typeof item !== 'object' || item === null)) {
      return `[${value.map((item) => layoutJson(item)).join(', ')}]`;
    }
    return `[\n${value.map((item) => `${inner}${layoutJson(item, inner)}`).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).filter((entry): entry is [string, JsonValue] => entry[1] !== undefined);
  if (entries.length === 0) return '{}';
  const lines = entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${layoutJson(item, inner)}`);
  return `{\n${lines.join(',\n')}\n${indent}}`;
}

/** Shortest round-trip decimal, like JSON.stringify, but "-0" for negative zero. */
function jsonNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`${value} cannot be written to JSON`);
  return Object.is(value, -0) ? '-0' : String(value);
}
