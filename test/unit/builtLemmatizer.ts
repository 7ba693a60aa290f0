// The lemmatizer as the extension loads it: src/text/lemmatizer.ts over the word lists the build
// wrote to dist/lemmatizer-data.json (run `npm run build` first; `npm test` does).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createLemmatizer } from '../../src/text/lemmatizer';
import { checkLemmatizerData } from '../../src/text/morphy';

export const LEMMATIZER_DATA_FILE = path.resolve(__dirname, '..', '..', '..', 'dist', 'lemmatizer-data.json');
export const lemmatizerData = checkLemmatizerData(JSON.parse(fs.readFileSync(LEMMATIZER_DATA_FILE, 'utf8')));
export const lemmatize = createLemmatizer(lemmatizerData);
