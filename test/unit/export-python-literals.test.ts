// Python literals written by the exporters, read back by /usr/bin/python3: floats must come back
// as the same double (bit for bit) and strings as the same text, whatever characters they hold.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { pythonFloat, pythonString } from '../../src/export/pythonLiterals';
import { runPython } from './export-helpers';

/** The IEEE 754 bits of a double, as Python's struct.pack('<d', x).hex() writes them. */
function bitsOf(value: number): string {
  return Buffer.from(new Float64Array([value]).buffer).toString('hex');
}

const SPECIAL_FLOATS = [
  0, -0, 1, 2, -2, 0.1, 0.2, 0.30000000000000004, 1e-7, 1.5e-7, 1e21, 1e22, 123456789012345680000, 1e16, 9007199254740993,
  5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, -1.7976931348623157e308, Math.PI, -Math.E, 4.35, 1 / 3,
];

describe('export: Python literals', function () {
  this.timeout(30_000);

  it('writes floats the way Python spells them', () => {
    assert.equal(pythonFloat(2), '2.0');
    assert.equal(pythonFloat(-0), '-0.0');
    assert.equal(pythonFloat(0), '0.0');
    assert.equal(pythonFloat(1e-7), '1e-7');
    assert.equal(pythonFloat(1e21), '1e+21');
    assert.equal(pythonFloat(0.1), '0.1');
    assert.throws(() => pythonFloat(Number.NaN), /finite/);
    assert.throws(() => pythonFloat(Number.POSITIVE_INFINITY), /finite/);
  });

  it('escapes strings to printable ASCII', () => {
    assert.equal(pythonString('x1'), '"x1"');
    assert.equal(pythonString('a"b\\c\nd'), '"a\\"b\\\\c\\nd"');
    assert.equal(pythonString('é😀\u2028'), '"\\u00e9\\U0001f600\\u2028"');
  });

  it('round-trips through /usr/bin/python3: floats bit for bit, strings character for character', () => {
    const floats = [
      ...SPECIAL_FLOATS,
      ...fc.sample(fc.double({ noNaN: true, noDefaultInfinity: true }), { numRuns: 2000, seed: 1 }),
    ];
    // Custom units: fast-check's built-in 'binary' unit takes seconds to set up.
    const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
    const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((code) => String.fromCodePoint(code));
    const strings = [
      '', 'x1', 'a"b\'c', '\\', '\n\r\t\0', '"""', "'''", 'é😀', '\ud800', 'a\udfffb', '\u2028\u2029\u0085',
      ...fc.sample(fc.string({ unit: anyCodePoint }), { numRuns: 300, seed: 2 }),
      ...fc.sample(fc.string({ unit: anyCodeUnit }), { numRuns: 300, seed: 3 }),
    ];
    const program = `import json, struct
floats = [${floats.map(pythonFloat).join(', ')}]
strings = [${strings.map(pythonString).join(', ')}]
assert all(type(x) is float for x in floats)
print(json.dumps({"floats": [struct.pack("<d", x).hex() for x in floats], "strings": strings}))
`;
    const result = JSON.parse(runPython(program)) as { floats: string[]; strings: string[] };
    assert.deepStrictEqual(result.floats, floats.map(bitsOf));
    assert.deepStrictEqual(result.strings, strings);
  });
});
