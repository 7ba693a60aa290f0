// WordNet 3.0's word lists, as wink-lexicon ships them (JavaScript modules), turned into the data
// src/text/morphy.ts reads: for each part of speech the base forms that have a sense in it, and the
// irregular forms. JSON, not code, so the web extension host can load it through workspace.fs.
import { createRequire } from 'node:module';

// wink-lexicon comes with wink-lemmatizer (our devDependency, and the test's oracle): resolve it from there.
const require = createRequire(createRequire(import.meta.url).resolve('wink-lemmatizer'));
const PARTS = ['adjective', 'noun', 'verb'];

/** WordNet's lexicographer files by number: 0–1 adjectives, 3–28 nouns, 29–43 verbs (2 and 44 are adverbs). */
const partOf = (sense) => (sense < 2 ? 'adjective' : sense > 2 && sense < 29 ? 'noun' : sense > 28 && sense < 44 ? 'verb' : undefined);

export function lemmatizerData() {
  const words = require('wink-lexicon/src/wn-words.js');
  const senses = require('wink-lexicon/src/wn-word-senses.js');
  const lists = { adjective: [], noun: [], verb: [] };
  for (const [word, index] of Object.entries(words)) {
    const parts = new Set(senses[index].map(partOf));
    for (const part of PARTS) if (parts.has(part)) lists[part].push(word);
  }
  const data = { exceptions: {} };
  for (const part of PARTS) {
    if (lists[part].some((word) => word.includes(' '))) throw new Error(`a ${part} with a space: the lists are space-separated`);
    data[part] = lists[part].join(' ');
    data.exceptions[part] = { ...require(`wink-lexicon/src/wn-${part}-exceptions.js`) };
  }
  return data;
}
