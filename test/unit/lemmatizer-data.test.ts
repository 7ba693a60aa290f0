// The lemmatizer's word lists as data (dist/lemmatizer-data.json) and the Morphy port that reads
// them answer exactly as wink-lemmatizer, the library they were taken from, does.
import * as assert from 'node:assert/strict';
import wink from 'wink-lemmatizer';
import { createMorphy, checkLemmatizerData } from '../../src/text/morphy';
import { lemmatize, lemmatizerData } from './builtLemmatizer';

const PARTS = ['verb', 'noun', 'adjective'] as const;
const ENDINGS = ['', 's', 'es', 'ies', 'ed', 'ing', 'er', 'est', 'men', 'ves'];

describe('lemmatizer word lists as data', () => {
  const morphy = createMorphy(lemmatizerData);

  it('gives wink-lemmatizer’s answer for every irregular form, in every part of speech', () => {
    const words = new Set(PARTS.flatMap((part) => Object.keys(lemmatizerData.exceptions[part])));
    assert.ok(words.size > 5000, `${words.size} irregular forms`);
    for (const word of words) for (const part of PARTS) assert.equal(morphy[part](word), wink[part](word), `${part}(${word})`);
  });

  it('gives wink-lemmatizer’s answer for base forms and their regular inflections (every 29th WordNet word)', () => {
    const words = [...new Set(PARTS.flatMap((part) => lemmatizerData[part].split(' ')))].sort();
    let compared = 0;
    for (let index = 0; index < words.length; index += 29) {
      for (const ending of ENDINGS) {
        const word = words[index] + ending;
        for (const part of PARTS) assert.equal(morphy[part](word), wink[part](word), `${part}(${word})`);
        compared++;
      }
    }
    assert.ok(compared > 25_000, `${compared} words compared`);
  });

  it('treats words that name Object.prototype members as plain words', () => {
    for (const word of ['constructor', 'tostring', 'valueof', 'hasownproperty', '__proto__']) assert.equal(lemmatize(word), word);
  });

  it('refuses a damaged data file with a message that says what to do', () => {
    for (const bad of [null, {}, { adjective: 'a', noun: 'b', verb: 'c' }, { ...lemmatizerData, noun: 3 }]) {
      assert.throws(() => checkLemmatizerData(bad), /reinstall the extension/);
    }
  });

});
