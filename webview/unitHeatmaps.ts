// What each hidden unit sees, painted small: its output over the plane of the two features, as a
// PNG for an SVG <image> (img-src allows data: under the webview's CSP). Negative or low outputs
// lean to one chart colour, positive or high to the other, a grey of the theme at the middle; the
// colours come from --vscode-charts-* and are re-read on a theme change.
import { ACTIVATIONS } from '../src/core/activations';
import { mixRgb, themeRgb, type Rgb } from './theme';

interface HeatmapColors {
  low: Rgb;
  high: Rgb;
  neutral: Rgb;
}

export function readHeatmapColors(): HeatmapColors {
  const foreground = themeRgb('--vscode-foreground', '--vscode-editor-foreground') ?? [128, 128, 128];
  const background = themeRgb('--vscode-editor-background', '--vscode-sideBar-background') ?? [128, 128, 128];
  return {
    low: themeRgb('--vscode-charts-orange', '--vscode-charts-red') ?? foreground,
    high: themeRgb('--vscode-charts-blue', '--vscode-charts-green') ?? foreground,
    neutral: mixRgb(background, foreground, 0.4),
  };
}

/**
 * Where an output sits between "low" (0) and "high" (1), from the activation's range: a bounded
 * range maps onto 0…1 (tanh's −1…1, sigmoid's 0…1); one unbounded above (relu's 0…∞) puts its
 * floor at the middle and is scaled by the unit's own largest output.
 */
export function outputPosition(activation: string, values: readonly number[]): (value: number) => number {
  const [low, high] = Object.hasOwn(ACTIVATIONS, activation) ? ACTIVATIONS[activation as keyof typeof ACTIVATIONS].range : [0, 1];
  if (Number.isFinite(low) && Number.isFinite(high)) return (value) => (value - low) / (high - low);
  if (!Number.isFinite(low)) return (value) => value;
  let largest = low;
  for (const value of values) if (Number.isFinite(value)) largest = Math.max(largest, value);
  return (value) => 0.5 + (largest > low ? (value - low) / (largest - low) / 2 : 0);
}

export function heatColor(colors: HeatmapColors, t: number): Rgb {
  if (!Number.isFinite(t)) return colors.neutral;
  const clamped = Math.min(1, Math.max(0, t));
  return clamped < 0.5 ? mixRgb(colors.neutral, colors.low, (0.5 - clamped) * 2) : mixRgb(colors.neutral, colors.high, (clamped - 0.5) * 2);
}

let scratch: HTMLCanvasElement | undefined;

/** A size × size PNG of `values` (row-major from the lowest y, so row 0 is painted at the bottom). */
export function heatmapPng(values: readonly number[], size: number, activation: string, colors: HeatmapColors): string {
  scratch ??= document.createElement('canvas');
  scratch.width = size;
  scratch.height = size;
  const context = scratch.getContext('2d');
  if (!context) return '';
  const image = context.createImageData(size, size);
  const position = outputPosition(activation, values);
  for (let row = 0; row < size; row++) {
    for (let column = 0; column < size; column++) {
      const [r, g, b] = heatColor(colors, position(values[row * size + column]!));
      const pixel = ((size - 1 - row) * size + column) * 4;
      image.data[pixel] = r;
      image.data[pixel + 1] = g;
      image.data[pixel + 2] = b;
      image.data[pixel + 3] = 255;
    }
  }
  context.putImageData(image, 0, 0);
  return scratch.toDataURL('image/png');
}
