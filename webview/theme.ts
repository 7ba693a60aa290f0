// Chart colours and fonts come from VS Code's --vscode-* theme variables. Canvas drawing cannot
// use CSS variables directly, so they are read with getComputedStyle and re-read on theme change.

export interface ThemeColors {
  /** One colour per run, in order; the test curve reuses its run's colour, dashed. */
  series: string[];
  foreground: string;
  description: string;
  grid: string;
  fontFamily: string;
  fontSize: number;
}

const SERIES_VARIABLES = [
  '--vscode-charts-blue',
  '--vscode-charts-orange',
  '--vscode-charts-green',
  '--vscode-charts-purple',
  '--vscode-charts-yellow',
  '--vscode-charts-red',
];

function readVariable(style: CSSStyleDeclaration, ...names: string[]): string {
  for (const name of names) {
    const value = style.getPropertyValue(name).trim();
    if (value) return value;
  }
  return '';
}

export function readThemeColors(): ThemeColors {
  const style = getComputedStyle(document.body);
  const foreground = readVariable(style, '--vscode-foreground', '--vscode-editor-foreground');
  const series = SERIES_VARIABLES.map((name) => readVariable(style, name)).filter(Boolean);
  return {
    // Without any chart variable (not a VS Code host) fall back to the text colour, still a theme colour.
    series: series.length > 0 ? series : [foreground],
    foreground,
    description: readVariable(style, '--vscode-descriptionForeground', '--vscode-foreground'),
    grid: readVariable(style, '--vscode-editorWidget-border', '--vscode-panel-border', '--vscode-widget-border'),
    fontFamily: readVariable(style, '--vscode-font-family'),
    fontSize: Number.parseFloat(readVariable(style, '--vscode-font-size')) || 13,
  };
}

/**
 * Calls `onChange` after VS Code switches theme. VS Code swaps the body classes
 * (vscode-light / vscode-dark / vscode-high-contrast / vscode-high-contrast-light) and the
 * variables together; reading on the next animation frame makes sure both have landed.
 */
export function watchTheme(onChange: (colors: ThemeColors) => void): void {
  let pending = 0;
  const observer = new MutationObserver(() => {
    if (pending) return;
    pending = requestAnimationFrame(() => {
      pending = 0;
      onChange(readThemeColors());
    });
  });
  observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
}
