// Python source literals for generated scripts. Numbers must survive the trip exactly: the
// exported program is only useful if it predicts what the lab predicted, bit for bit where the
// arithmetic allows. Strings come from user files (feature names, file names), so they are
// always escaped into literals — never pasted raw into code or comments, where a newline in a
// feature name would otherwise become a line of the user's program.

/**
 * A float literal that Python reads back as exactly the same double.
 * JavaScript's String(x) is the shortest decimal that round-trips, which is also what Python's
 * float parser needs; only the spellings differ: Python writes integral floats as "2.0" (we
 * do too, so the values read as floats in NumPy arrays), and String(-0) drops the sign.
 * The result is also valid JSON, which the PyTorch export relies on.
 */
export function pythonFloat(value: number): string {
  if (!Number.isFinite(value)) {
    throw new RangeError(`cannot write ${value} as a Python literal: parameters and data must be finite`);
  }
  if (Object.is(value, -0)) return '-0.0';
  const text = String(value);
  // "1e+21" and "1.5e-7" are floats in Python already; only plain integers need a ".0".
  return /^-?\d+$/.test(text) ? `${text}.0` : text;
}

/** [a, b, c] with full-precision floats. */
export function pythonFloatList(values: readonly number[]): string {
  return `[${values.map(pythonFloat).join(', ')}]`;
}

/**
 * A matrix (list of rows) as Python source, one row per line so large layers stay readable and
 * diffs stay small. `indent` is the indentation of the closing bracket.
 */
export function pythonMatrix(rows: readonly (readonly number[])[], indent: string): string {
  if (rows.length === 0) return '[]';
  const inner = `${indent}    `;
  return `[\n${rows.map((row) => `${inner}${pythonFloatList(row)},`).join('\n')}\n${indent}]`;
}

/**
 * A double-quoted str literal using only printable ASCII: every other character is escaped
 * (\n, \uXXXX, \UXXXXXXXX), so nothing in it can end the literal, the line or the file, and
 * the script's encoding cannot matter.
 */
export function pythonString(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '"') out += '\\"';
    else if (char === '\\') out += '\\\\';
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code >= 0x20 && code < 0x7f) out += char;
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

/** ["a", "b"] */
export function pythonStringList(values: readonly string[]): string {
  return `[${values.map(pythonString).join(', ')}]`;
}

/** Lines prefixed with "# " (or "#" for blank lines), for comment blocks. */
export function commentBlock(lines: readonly string[], indent = ''): string {
  return lines.map((line) => (line === '' ? `${indent}#` : `${indent}# ${line}`)).join('\n');
}
