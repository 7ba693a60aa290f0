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

export type Rgb = readonly [number, number, number];

let colorProbe: CanvasRenderingContext2D | null | undefined;

/**
 * Any CSS colour the theme gives ("#3794ff", "rgb(…)", "color-mix(…)") as RGB, by letting a
 * 1×1 canvas parse and paint it. Undefined when the text is not a colour.
 */
export function toRgb(color: string): Rgb | undefined {
  if (!color) return undefined;
  colorProbe ??= document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  if (!colorProbe) return undefined;
  colorProbe.clearRect(0, 0, 1, 1);
  colorProbe.fillStyle = '#010203';
  colorProbe.fillStyle = color;
  if (colorProbe.fillStyle === '#010203' && color.toLowerCase() !== '#010203') return undefined;
  colorProbe.fillRect(0, 0, 1, 1);
  const [r, g, b] = colorProbe.getImageData(0, 0, 1, 1).data;
  return [r!, g!, b!];
}

/** The first defined theme variable among `names`, parsed to RGB. */
export function themeRgb(...names: string[]): Rgb | undefined {
  const style = getComputedStyle(document.body);
  for (const name of names) {
    const rgb = toRgb(style.getPropertyValue(name).trim());
    if (rgb) return rgb;
  }
  return undefined;
}

export function mixRgb(from: Rgb, to: Rgb, amount: number): Rgb {
  return [0, 1, 2].map((i) => Math.round(from[i]! + (to[i]! - from[i]!) * amount)) as unknown as Rgb;
}

export const cssRgb = (rgb: Rgb) => `rgb(${rgb[0]}, ${rgb[1]}, ${rgb[2]})`;
