// The decision boundary: the network's prediction over a grid of the two input features as a
// heatmap (prediction 0 → one class colour, 1 → the other, a neutral grey near 0.5), with the
// data rows drawn on top. Canvas cannot use CSS variables, so the theme colours are read with
// getComputedStyle and re-read on theme change (refreshTheme).
import type { BoundaryView } from '../src/protocol';
import { l10n } from '../src/l10n';
import { contourSegments } from './boundaryContour';
import { formatSignificant } from './format';
import { cssRgb, mixRgb, themeRgb, type Rgb } from './theme';
import { drawingScheduler } from './throttle';

/** How far the heatmap goes towards a class colour: the points, in the full colour, stay visible on it. */
const HEATMAP_STRENGTH = 0.55;

interface BoundaryColors {
  class0: Rgb;
  class1: Rgb;
  neutral: Rgb;
  foreground: Rgb;
  description: Rgb;
  grid: Rgb;
}

function readColors(kind: 'panel' | 'sidebar'): BoundaryColors {
  const foreground = themeRgb('--vscode-foreground', '--vscode-editor-foreground') ?? [128, 128, 128];
  const background = (kind === 'sidebar' ? themeRgb('--vscode-sideBar-background', '--vscode-editor-background') : themeRgb('--vscode-editor-background', '--vscode-sideBar-background')) ?? [128, 128, 128];
  return {
    class0: themeRgb('--vscode-charts-orange', '--vscode-charts-red') ?? foreground,
    class1: themeRgb('--vscode-charts-blue', '--vscode-charts-green') ?? foreground,
    // A mid grey of this theme: halfway-ish between its background and its text.
    neutral: mixRgb(background, foreground, 0.4),
    foreground,
    description: themeRgb('--vscode-descriptionForeground', '--vscode-foreground') ?? foreground,
    grid: themeRgb('--vscode-editorWidget-border', '--vscode-panel-border') ?? foreground,
  };
}

/** Sigmoid outputs are already in [0, 1]; a regression output is scaled by its own range. */
function normalizer(values: number[]): (value: number) => number {
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    if (!Number.isFinite(value)) continue;
    min = Math.min(min, value);
    max = Math.max(max, value);
  }
  if (min >= 0 && max <= 1) return (value) => value;
  const span = max - min || 1;
  return (value) => (value - min) / span;
}

/** The theme's font, read once per theme (getComputedStyle forces a style recalculation). */
function readFont(): string {
  return getComputedStyle(document.body).getPropertyValue('--vscode-font-family').trim() || 'sans-serif';
}

function classColor(colors: BoundaryColors, t: number, strength: number): Rgb {
  if (!Number.isFinite(t)) return colors.neutral;
  const clamped = Math.min(1, Math.max(0, t));
  return clamped < 0.5 ? mixRgb(colors.neutral, colors.class0, (0.5 - clamped) * 2 * strength) : mixRgb(colors.neutral, colors.class1, (clamped - 0.5) * 2 * strength);
}

/** Whether two boundaries would paint the same picture (a run that has settled sends the same grid again and again). */
export function samePicture(a: BoundaryView | undefined, b: BoundaryView | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.columns !== b.columns || a.rows !== b.rows || a.values.length !== b.values.length || a.points.length !== b.points.length) return false;
  if (a.x.min !== b.x.min || a.x.max !== b.x.max || a.x.label !== b.x.label || a.y.min !== b.y.min || a.y.max !== b.y.max || a.y.label !== b.y.label) return false;
  for (let index = 0; index < a.values.length; index++) if (!Object.is(a.values[index], b.values[index])) return false;
  for (let index = 0; index < a.points.length; index++) {
    const p = a.points[index]!;
    const q = b.points[index]!;
    if (p.x !== q.x || p.y !== q.y || p.target !== q.target || p.split !== q.split) return false;
  }
  return true;
}

export class DecisionBoundary {
  private boundary: BoundaryView | undefined;
  private colors: BoundaryColors;
  private font = 'sans-serif';
  /** One pixel per grid cell, scaled up by drawImage; kept between draws. */
  private grid?: { canvas: HTMLCanvasElement; image: ImageData };
  /** Redraws at most once per frame, and only while the canvas can be seen. */
  readonly requestRender: () => void;

  constructor(private readonly canvas: HTMLCanvasElement, private readonly kind: 'panel' | 'sidebar') {
    this.colors = readColors(kind);
    this.font = readFont();
    this.requestRender = drawingScheduler('boundary', () => this.draw(), { element: canvas });
    // The canvas follows its box's width; redraw at the new size (and device pixel ratio).
    new ResizeObserver(() => this.requestRender()).observe(canvas);
  }

  /** Returns false when there is nothing to show, so the caller can hide the pane. */
  show(boundary: BoundaryView | undefined): boolean {
    const unchanged = samePicture(this.boundary, boundary);
    this.boundary = boundary;
    if (!boundary) {
      for (const name of ['data-iteration', 'data-run-id', 'data-plot']) this.canvas.removeAttribute(name);
      return false;
    }
    this.canvas.dataset.iteration = String(boundary.iteration);
    this.canvas.dataset.runId = boundary.runId;
    this.canvas.setAttribute('aria-label',
      l10n.t('Decision boundary at iteration {0}: the prediction over {1} (across) and {2} (up), with the {3} data rows on top.',
        boundary.iteration, boundary.x.label, boundary.y.label, boundary.points.length));
    if (!unchanged) this.requestRender();
    return true;
  }

  refreshTheme(): void {
    this.colors = readColors(this.kind);
    this.font = readFont();
    this.requestRender();
  }

  /** Returns false when there was nothing to draw (no boundary, or a canvas with no size yet). */
  private draw(): boolean {
    const boundary = this.boundary;
    const cssWidth = this.canvas.clientWidth;
    const cssHeight = this.canvas.clientHeight;
    if (!boundary || cssWidth === 0 || cssHeight === 0) return false;
    const ratio = window.devicePixelRatio || 1;
    // Setting a canvas's size reallocates it: only when the size really changed.
    const width = Math.round(cssWidth * ratio);
    const height = Math.round(cssHeight * ratio);
    if (this.canvas.width !== width) this.canvas.width = width;
    if (this.canvas.height !== height) this.canvas.height = height;
    const context = this.canvas.getContext('2d');
    if (!context) return false;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, cssWidth, cssHeight);

    const compact = this.kind === 'sidebar';
    const fontSize = compact ? 10 : 12;
    const font = this.font;
    const plot = { left: compact ? 34 : 52, top: 6, right: cssWidth - 8, bottom: cssHeight - (compact ? 30 : 38) };
    const plotWidth = Math.max(1, plot.right - plot.left);
    const plotHeight = Math.max(1, plot.bottom - plot.top);
    this.canvas.dataset.plot = [plot.left, plot.top, plotWidth, plotHeight].map((n) => n.toFixed(1)).join(',');

    this.drawHeatmap(context, boundary, plot.left, plot.top, plotWidth, plotHeight);
    this.drawContour(context, boundary, plot.left, plot.bottom, plotWidth, plotHeight);
    const toX = (x: number) => plot.left + ((x - boundary.x.min) / (boundary.x.max - boundary.x.min || 1)) * plotWidth;
    const toY = (y: number) => plot.bottom - ((y - boundary.y.min) / (boundary.y.max - boundary.y.min || 1)) * plotHeight;
    this.drawPoints(context, boundary, toX, toY, compact ? 3 : 4.5);

    // Frame, ticks at the ends of each axis, and the feature names.
    const { foreground, description, grid } = this.colors;
    context.strokeStyle = cssRgb(grid);
    context.lineWidth = 1;
    context.strokeRect(plot.left + 0.5, plot.top + 0.5, plotWidth - 1, plotHeight - 1);
    context.font = `${fontSize}px ${font}`;
    context.fillStyle = cssRgb(description);
    context.textBaseline = 'top';
    context.textAlign = 'left';
    context.fillText(formatSignificant(boundary.x.min, 3), plot.left, plot.bottom + 3);
    context.textAlign = 'right';
    context.fillText(formatSignificant(boundary.x.max, 3), plot.right, plot.bottom + 3);
    context.textBaseline = 'bottom';
    context.fillText(formatSignificant(boundary.y.min, 3), plot.left - 4, plot.bottom);
    context.textBaseline = 'top';
    context.fillText(formatSignificant(boundary.y.max, 3), plot.left - 4, plot.top);
    context.fillStyle = cssRgb(foreground);
    context.textAlign = 'center';
    context.textBaseline = 'bottom';
    context.fillText(boundary.x.label, plot.left + plotWidth / 2, cssHeight - 1, plotWidth);
    context.save();
    context.translate(fontSize, plot.top + plotHeight / 2);
    context.rotate(-Math.PI / 2);
    context.textBaseline = 'middle';
    context.fillText(boundary.y.label, 0, 0, plotHeight);
    context.restore();
    return true;
  }

  /** One pixel per grid cell, scaled up smoothly: the grid's row 0 is y.min, at the bottom. */
  private drawHeatmap(context: CanvasRenderingContext2D, boundary: BoundaryView, left: number, top: number, width: number, height: number): void {
    const { columns, rows, values } = boundary;
    if (columns < 1 || rows < 1 || values.length < columns * rows) return;
    const normalize = normalizer(values);
    if (!this.grid || this.grid.image.width !== columns || this.grid.image.height !== rows) {
      const canvas = document.createElement('canvas');
      canvas.width = columns;
      canvas.height = rows;
      this.grid = { canvas, image: new ImageData(columns, rows) };
    }
    const { image, canvas: grid } = this.grid;
    for (let row = 0; row < rows; row++) {
      const imageRow = rows - 1 - row;
      for (let column = 0; column < columns; column++) {
        const [r, g, b] = classColor(this.colors, normalize(values[row * columns + column]!), HEATMAP_STRENGTH);
        const offset = (imageRow * columns + column) * 4;
        image.data[offset] = r;
        image.data[offset + 1] = g;
        image.data[offset + 2] = b;
        image.data[offset + 3] = 255;
      }
    }
    grid.getContext('2d')?.putImageData(image, 0, 0);
    context.imageSmoothingEnabled = true;
    context.drawImage(grid, left, top, width, height);
  }

  /** The 0.5 line, for outputs read as probabilities (a regression output has no such line). */
  private drawContour(context: CanvasRenderingContext2D, boundary: BoundaryView, left: number, bottom: number, width: number, height: number): void {
    const { columns, rows, values } = boundary;
    if (values.some((value) => Number.isFinite(value) && (value < 0 || value > 1))) return;
    const segments = contourSegments(values, columns, rows, 0.5);
    if (segments.length === 0) return;
    // Grid coordinates count cell centres; a cell is width / columns wide.
    const toX = (column: number) => left + ((column + 0.5) / columns) * width;
    const toY = (row: number) => bottom - ((row + 0.5) / rows) * height;
    context.strokeStyle = cssRgb(this.colors.foreground);
    context.lineWidth = 1.5;
    context.lineCap = 'round';
    context.beginPath();
    for (const [x1, y1, x2, y2] of segments) {
      context.moveTo(toX(x1), toY(y1));
      context.lineTo(toX(x2), toY(y2));
    }
    context.stroke();
  }

  /** Training rows filled, test rows hollow, both in their target's class colour; rows without a target as ×. */
  private drawPoints(context: CanvasRenderingContext2D, boundary: BoundaryView, toX: (x: number) => number, toY: (y: number) => number, radius: number): void {
    const targets = boundary.points.map((point) => point.target).filter((target): target is number => target !== undefined);
    const normalize = normalizer(targets);
    const outline = cssRgb(this.colors.foreground);
    for (const point of boundary.points) {
      const x = toX(point.x);
      const y = toY(point.y);
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      context.lineWidth = 1.5;
      if (point.target === undefined) {
        context.strokeStyle = outline;
        context.beginPath();
        context.moveTo(x - radius, y - radius);
        context.lineTo(x + radius, y + radius);
        context.moveTo(x + radius, y - radius);
        context.lineTo(x - radius, y + radius);
        context.stroke();
        continue;
      }
      const color = cssRgb(classColor(this.colors, normalize(point.target), 1));
      context.beginPath();
      context.arc(x, y, radius, 0, 2 * Math.PI);
      if (point.split === 'train') {
        context.fillStyle = color;
        context.fill();
        context.strokeStyle = outline;
        context.lineWidth = 1;
        context.stroke();
      } else {
        context.strokeStyle = color;
        context.lineWidth = 2;
        context.stroke();
      }
    }
  }
}
