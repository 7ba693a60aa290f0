// Where a Python file defines the tutorial's functions, read from its text line by line: enough to
// place the test items on their def lines as the learner types. The harness parses the file with
// Python's own ast when it checks it, and its line numbers replace these.
import { EXERCISE_FUNCTIONS, NETWORK_CLASS, type ExerciseFunctionId } from './functions';

/** 0-based line of each of the tutorial's functions the text defines, and of the class. */
export interface FoundDefinitions {
  functions: Map<ExerciseFunctionId, number>;
  classLine?: number;
}

const DEF = /^(\s*)(?:async\s+)?def\s+([A-Za-z_]\w*)\s*\(/;
const CLASS = /^class\s+([A-Za-z_]\w*)\s*[(:]/;

export function findDefinitions(text: string): FoundDefinitions {
  const functions = new Map<ExerciseFunctionId, number>();
  let classLine: number | undefined;
  let inClass = false;
  let inString: string | undefined;
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    // Skip the insides of triple-quoted strings (docstrings may show code).
    if (inString) {
      if (line.includes(inString)) inString = undefined;
      return;
    }
    const opening = /("""|''')/.exec(line);
    if (opening && line.split(opening[1]).length % 2 === 0) inString = opening[1];
    if (line.trim() === '' || /^\s*#/.test(line)) return;
    const cls = CLASS.exec(line);
    if (cls) {
      inClass = cls[1] === NETWORK_CLASS;
      if (inClass && classLine === undefined) classLine = index;
      return;
    }
    if (!/^\s/.test(line)) inClass = false; // any other top-level statement ends the class body
    const def = DEF.exec(line);
    if (!def) return;
    const indented = def[1].length > 0;
    const fn = EXERCISE_FUNCTIONS.find((candidate) =>
      candidate.name === def[2] && (candidate.className ? indented && inClass : !indented));
    if (fn && !functions.has(fn.id)) functions.set(fn.id, index);
  });
  return { functions, classLine };
}
