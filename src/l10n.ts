// The translator for host messages built in modules that must not import 'vscode' (they also run
// in workers and in plain Node tests). activateLab installs vscode.l10n; until then, and in tests,
// messages are the English of l10n/bundle.l10n.json with {0}, {1}, … filled in.
export interface Localizer {
  t(message: string, ...args: (string | number | boolean)[]): string;
}

export const englishLocalizer: Localizer = {
  t: (message, ...args) => message.replace(/\{(\d+)\}/g, (match, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : match)),
};

let current: Localizer = englishLocalizer;

/** Call it as l10n.t with a string literal: the bundle test finds the strings by that spelling. */
export const l10n: Localizer = { t: (message, ...args) => current.t(message, ...args) };

export function useLocalizer(localizer: Localizer): void {
  current = localizer;
}

/** Translates by a bundle's entries (message → translation); a message it lacks stays English. Non-string entries are ignored. */
export function bundleLocalizer(bundle: Readonly<Record<string, unknown>>): Localizer {
  return {
    t: (message, ...args) => {
      const translated = Object.hasOwn(bundle, message) ? bundle[message] : undefined;
      return englishLocalizer.t(typeof translated === 'string' ? translated : message, ...args);
    },
  };
}
