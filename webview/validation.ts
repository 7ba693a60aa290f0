// Checks the training fields before anything is posted. The host validates again
// (parseWebviewMessage): this is for a helpful message next to the field, not for safety.

import { NETWORK_LIMITS } from '../src/core/limits';
import { l10n } from '../src/l10n';

export type Parsed = { ok: true; value: number } | { ok: false; message: string };

const MAX_ITERATIONS = NETWORK_LIMITS.maxIterations;
const maxIterationsText = () => MAX_ITERATIONS.toLocaleString('en-US');

export function parseLearningRate(text: string): Parsed {
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (trimmed === '' || !Number.isFinite(value) || value <= 0) {
    return { ok: false, message: l10n.t('Learning rate must be a number greater than 0, for example 0.1.') };
  }
  return { ok: true, value };
}

export function parseIterations(text: string): Parsed {
  // Accept the separators people type in big numbers: "10,000", "10_000", "10 000".
  const trimmed = text.trim().replace(/[,_\s]/g, '');
  const value = Number(trimmed);
  if (trimmed === '' || !Number.isInteger(value) || value <= 0 || value > MAX_ITERATIONS) {
    return { ok: false, message: l10n.t('Iterations must be a whole number from 1 to {0}, for example 10000.', maxIterationsText()) };
  }
  return { ok: true, value };
}

/** The step debugger's target: the same rules as Iterations, said for this field. */
export function parseRunTo(text: string): Parsed {
  const parsed = parseIterations(text);
  return parsed.ok ? parsed : { ok: false, message: l10n.t('Run to needs a whole iteration number from 1 to {0}, for example 100.', maxIterationsText()) };
}
