// Installs the translations the host put in the page (body[data-l10n], VS Code's bundle for the
// display language) before any other module builds a string: main.ts imports this first. Without
// one (English) every message is its own text.
import { bundleLocalizer, useLocalizer } from '../src/l10n';

const contents = document.body.dataset.l10n;
if (contents) {
  try {
    const bundle: unknown = JSON.parse(contents);
    if (bundle && typeof bundle === 'object' && !Array.isArray(bundle)) useLocalizer(bundleLocalizer(bundle as Record<string, unknown>));
  } catch {
    // A page without a readable bundle stays in English.
  }
}
