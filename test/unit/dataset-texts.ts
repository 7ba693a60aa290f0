// Dataset texts in many shapes and edits of them, for the property tests of everything carried
// across edits (row-layout.test.ts, dataset-incremental.test.ts).
import * as fc from 'fast-check';
import { createScanner, SyntaxKind } from 'jsonc-parser';
import { preservesStructure, type TextChange } from '../../src/dataset/rowLayout';

export const edit = (text: string, change: TextChange) => text.slice(0, change.offset) + change.text + text.slice(change.offset + change.length);

// Dataset texts in many shapes: numbers written every way JSON allows, odd spacing and line breaks,
// comments between rows, a description, features, test rows, a row with the wrong input count.
const space = fc.constantFrom('', ' ', '  ', '\t', '\n', '\n    ', ' \r\n  ');
const digits = fc.stringMatching(/^[1-9][0-9]{0,3}$/);
const number = fc.oneof(
  fc.tuple(fc.boolean(), digits).map(([negative, value]) => `${negative ? '-' : ''}${value}`),
  fc.tuple(fc.boolean(), digits, fc.stringMatching(/^[0-9]{1,4}$/)).map(([negative, whole, fraction]) => `${negative ? '-' : ''}${whole}.${fraction}`),
  fc.tuple(fc.stringMatching(/^[0-9]\.[0-9]{1,3}$/), fc.constantFrom('e', 'E', 'e-', 'e+'), fc.stringMatching(/^[1-9][0-9]?$/)).map((parts) => parts.join('')),
);
const target = fc.oneof(fc.constantFrom('0', '1'), fc.stringMatching(/^[0-9]{1,4}$/).map((fraction) => `0.${fraction}`));
const words = fc.stringMatching(/^[a-z][a-z ]{0,12}$/);
const comment = fc.oneof(words.map((text) => `// ${text}\n`), words.map((text) => `/* ${text} */`));

export const datasetText = fc.integer({ min: 1, max: 3 }).chain((inputSize) => {
  const row = fc.record({
    // Now and then a row with one number too many: a row the parse drops.
    input: fc.oneof({ arbitrary: fc.array(number, { minLength: inputSize, maxLength: inputSize }), weight: 5 }, { arbitrary: fc.array(number, { minLength: inputSize + 1, maxLength: inputSize + 1 }), weight: 1 }),
    target: fc.option(target),
    split: fc.option(fc.constantFrom('"test"', '"train"')),
    spaces: fc.array(space, { minLength: 8, maxLength: 8 }),
    before: fc.option(comment, { freq: 4 }),
  });
  return fc.record({
    rows: fc.array(row, { minLength: 1, maxLength: 12 }),
    description: fc.option(words),
    features: fc.boolean(),
    seed: fc.option(digits),
    spaces: fc.array(space, { minLength: 6, maxLength: 6 }),
  }).map(({ rows, description, features, seed, spaces: s }) => {
    const rowText = rows.map(({ input, target: t, split, spaces: r, before }) => {
      const parts = [`${r[0]}"input"${r[1]}:${r[2]}[${r[3]}${input.join(`,${r[4]}`)}${r[5]}]`];
      if (t !== null) parts.push(`${r[6]}"target": ${t}`);
      if (split !== null) parts.push(`"split":${r[7]}${split}`);
      return `${before ?? ''}${r[7]}{${parts.join(',')}${r[6]}}`;
    });
    const members = [`"rows"${s[0]}:${s[1]}[${rowText.join(`,${s[2]}`)}${s[3]}]`];
    if (description !== null) members.unshift(`"description": "${description}"`);
    if (features) members.unshift(`"features": [${Array.from({ length: inputSize }, (_, i) => `"x${i + 1}"`).join(', ')}]`);
    if (seed !== null) members.push(`"network":${s[4]}{ "seed": ${seed} }`);
    return `{${s[5]}${members.join(`,${s[4]}`)}\n}\n`;
  });
});

/** Where edits that keep every row valid can go: digits inside numbers, spacing, comments and the description. */
export function safeSites(text: string) {
  const digitsAfterTheFirst: number[] = [];
  const between: number[] = [];
  const spaces: number[] = [];
  const insideWords: number[] = [];
  const scanner = createScanner(text, false);
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    const start = scanner.getTokenOffset();
    const end = start + scanner.getTokenLength();
    between.push(start);
    if (kind === SyntaxKind.NumericLiteral) {
      // Not the first digit: a 0 there could make a leading zero, which JSON forbids.
      for (let i = start + 1; i < end; i++) if (/[0-9]/.test(text[i]) && /[0-9.]/.test(text[i - 1])) digitsAfterTheFirst.push(i);
    } else if (kind === SyntaxKind.Trivia) {
      for (let i = start; i < end; i++) spaces.push(i);
    } else if (kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia) {
      // After the space that follows `//` or `/*`, so the edit splits neither.
      for (let i = start + 3; i < end - (kind === SyntaxKind.BlockCommentTrivia ? 2 : 0); i++) insideWords.push(i);
    } else if (kind === SyntaxKind.StringLiteral && text.slice(start - 15, start).includes('"description"')) {
      for (let i = start + 1; i < end - 1; i++) insideWords.push(i);
    }
  }
  // Right after a `/`, `*` or `\\` an edit is refused (it could split `*/`, `//` or an escape): not a site.
  const carried = (positions: number[]) => positions.filter((i) => !/[/*\\]/.test(text.charAt(i - 1)));
  return { digitsAfterTheFirst, between: carried(between), spaces: carried(spaces), insideWords };
}

// Built once: fast-check compiles a regular expression into an arbitrary each time it is given one.
const oneDigit = fc.stringMatching(/^[0-9]$/);
const wordCharacters = fc.stringMatching(/^[a-z 0-9]{0,4}$/);
const harmlessCharacters = fc.stringMatching(/^[a-z0-9 .+\-\tE]{0,4}$/);
export const fewHarmlessCharacters = fc.stringMatching(/^[a-z0-9 ]{0,2}$/);

/** An edit that keeps the file well-formed and every row's validity, from the sites above. */
export function validityKeepingEdit(text: string) {
  const sites = safeSites(text);
  const pick = (positions: number[]) => fc.constantFrom(...positions);
  const choices = [fc.tuple(pick(sites.between), fc.constantFrom(' ', '\t', '   ')).map(([offset, inserted]): TextChange => ({ offset, length: 0, text: inserted }))];
  if (sites.insideWords.length > 0) {
    choices.push(fc.tuple(pick(sites.insideWords), wordCharacters, fc.integer({ min: 0, max: 1 })).map(([offset, inserted, length]): TextChange => ({ offset, length, text: inserted })));
  }
  if (sites.digitsAfterTheFirst.length > 0) choices.push(fc.tuple(pick(sites.digitsAfterTheFirst), oneDigit).map(([offset, inserted]): TextChange => ({ offset, length: 1, text: inserted })));
  if (sites.spaces.length > 0) choices.push(pick(sites.spaces).map((offset): TextChange => ({ offset, length: 1, text: '' })));
  return fc.oneof(...choices);
}

/** Any edit of characters that decide nothing structural, anywhere it fits. */
export function anyPreservingEdit(text: string) {
  return fc.tuple(fc.integer({ min: 0, max: text.length }), fc.integer({ min: 0, max: 3 }), harmlessCharacters)
    .map(([offset, length, inserted]): TextChange => ({ offset, length: Math.min(length, text.length - offset), text: inserted }))
    .filter((change) => preservesStructure(text, change));
}
