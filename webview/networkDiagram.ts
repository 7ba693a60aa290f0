// The current run's network as an SVG: inputs, hidden layers, output; each edge as wide as its
// weight is large and coloured by its sign (classes in style.css map to --vscode-charts-*, so a
// theme change needs no redraw). Biases and weights show on hover. Redrawn at most once per
// animation frame; while the layer sizes stay the same only attributes change, no elements.
import type { LayerParameters } from '../src/core/types';
import { l10n } from '../src/l10n';
import { replaceChildren, svgEl } from './dom';
import { formatSignificant } from './format';
import { drawCounts, drawingScheduler } from './throttle';
import { heatmapPng, readHeatmapColors } from './unitHeatmaps';

/** Each hidden unit's output over the input plane (BoundaryView.units), for the run and iteration it was computed at. */
export interface UnitHeatmapsView {
  size: number;
  layers: number[][][];
  iteration: number;
}

/** Wider layers show their first units and a "+N more" mark: 256 circles help nobody. */
const MAX_DRAWN_UNITS = { panel: 12, sidebar: 8 };
const GEOMETRY = {
  panel: { width: 520, height: 230, margin: 28, labelHeight: 18, maxRadius: 15, maxEdgeWidth: 5, inputLabelWidth: 84 },
  sidebar: { width: 240, height: 160, margin: 14, labelHeight: 14, maxRadius: 8, maxEdgeWidth: 3.5, inputLabelWidth: 52 },
};

interface DrawnEdge {
  line: SVGLineElement;
  title: SVGTitleElement;
  layer: number;
  unit: number;
  input: number;
}

interface DrawnNode {
  circle: SVGCircleElement;
  title: SVGTitleElement;
  layer: number;
  unit: number;
  /** Hidden units only: what the unit sees, clipped to its circle. */
  heatmap?: SVGImageElement;
  /** What the heatmap's image was painted from: an unchanged unit is not encoded again. */
  painted?: { values: readonly number[]; size: number; activation: string; colors: object };
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (!Object.is(a[index], b[index])) return false;
  return true;
}

export function layerSizes(layers: LayerParameters[]): number[] {
  if (layers.length === 0) return [];
  return [layers[0]!.weights[0]?.length ?? 0, ...layers.map((layer) => layer.weights.length)];
}

function layerName(index: number, count: number): string {
  if (index === 0) return 'input';
  return index === count - 1 ? 'output' : `hidden ${index}`;
}

function unitName(layer: number, unit: number, sizes: number[], inputNames?: readonly string[]): string {
  if (layer === 0) return l10n.t('input {0}', inputNames?.[unit] ?? `x${unit + 1}`);
  if (layer < sizes.length - 1) return l10n.t('hidden {0}, unit {1}', layer, unit + 1);
  return sizes[layer] === 1 ? l10n.t('output') : l10n.t('output {0}', unit + 1);
}

export class NetworkDiagram {
  readonly element: SVGSVGElement;
  private readonly kind: 'panel' | 'sidebar';
  private layers: LayerParameters[] = [];
  private activation = 'sigmoid';
  /** The derived inputs' names (feature crosses), shown beside the input units; undefined: x1, x2, … */
  private inputNames?: readonly string[];
  private structure = '';
  private edges: DrawnEdge[] = [];
  private nodes: DrawnNode[] = [];
  private heatmaps?: UnitHeatmapsView;
  private painted?: { heatmaps?: UnitHeatmapsView; structure: string };
  private heatmapColors = readHeatmapColors();
  /** Whether the diagram is scrolled out of sight (or in a hidden pane): its units' pictures then wait. */
  private outOfSight = false;
  /** A unit's picture changed while out of sight and is not painted yet. */
  private picturesStale = false;
  /** At most once per frame, and not while the view is hidden. */
  readonly requestRender: () => void;

  constructor(kind: 'panel' | 'sidebar') {
    this.kind = kind;
    const { width, height } = GEOMETRY[kind];
    this.element = svgEl('svg', {
      id: 'network-diagram', class: `network-diagram network-${kind}`, viewBox: `0 0 ${width} ${height}`,
      role: 'img', 'aria-label': l10n.t('Network diagram: no network yet'), 'data-layer-sizes': '', 'data-edge-count': 0,
    });
    // Not deferred while scrolled away (only while the view is hidden): its data attributes and hovers stay current.
    this.requestRender = drawingScheduler('network', () => this.render());
    // The units' pictures are the costly part (a PNG each): those wait until the diagram is seen.
    new IntersectionObserver((entries) => {
      this.outOfSight = !entries[entries.length - 1]!.isIntersecting;
      if (!this.outOfSight && this.picturesStale) this.requestRender();
    }).observe(this.element);
  }

  /** Shows these parameters from the next animation frame on; `inputNames` label derived inputs (network.inputs). */
  show(layers: LayerParameters[], activation: string, inputNames?: readonly string[]): void {
    this.layers = layers;
    this.activation = activation;
    this.inputNames = inputNames && inputNames.length === layerSizes(layers)[0] ? inputNames : undefined;
    this.requestRender();
  }

  /** What each hidden unit sees; undefined hides the heatmaps (no 2-D data, or another iteration is shown). */
  showHeatmaps(heatmaps: UnitHeatmapsView | undefined): void {
    this.heatmaps = heatmaps;
    this.requestRender();
  }

  refreshTheme(): void {
    this.heatmapColors = readHeatmapColors();
    this.heatmaps = this.heatmaps && { ...this.heatmaps }; // repaint with the new colours
    this.requestRender();
  }

  /** Returns false when there is no network to draw yet. */
  private render(): boolean {
    const sizes = layerSizes(this.layers);
    const structure = `${sizes.join(',')}|${this.inputNames?.join(',') ?? ''}`;
    if (structure !== this.structure) this.build(sizes);
    this.updateValues();
    return sizes.length > 0;
  }

  private build(sizes: number[]): void {
    this.structure = `${sizes.join(',')}|${this.inputNames?.join(',') ?? ''}`;
    this.edges = [];
    this.nodes = [];
    const { width, height, margin, labelHeight, maxRadius, inputLabelWidth } = GEOMETRY[this.kind];
    const cap = MAX_DRAWN_UNITS[this.kind];
    const drawnCounts = sizes.map((size) => (size > cap ? cap - 1 : size));
    const plotHeight = height - labelHeight - margin;
    // Derived inputs are named beside their units, so the columns start further right.
    const left = margin + (this.inputNames ? inputLabelWidth : 0);
    const columnX = (layer: number) => (sizes.length === 1 ? width / 2 : left + (layer * (width - left - margin)) / (sizes.length - 1));
    const unitY = (layer: number, unit: number) => {
      const slots = drawnCounts[layer]! + (sizes[layer]! > cap ? 1 : 0);
      return margin / 2 + ((unit + 0.5) * plotHeight) / slots;
    };
    const radius = Math.max(3, Math.min(maxRadius, plotHeight / (2.6 * Math.max(1, ...drawnCounts.map((count, i) => count + (sizes[i]! > cap ? 1 : 0))))));

    const edgeGroup = svgEl('g', { class: 'edges' });
    const heatmapGroup = svgEl('g', { class: 'unit-heatmaps' });
    const clips = svgEl('defs');
    const nodeGroup = svgEl('g', { class: 'nodes' });
    const labelGroup = svgEl('g', { class: 'layer-labels' });
    for (let layer = 1; layer < sizes.length; layer++) {
      for (let unit = 0; unit < drawnCounts[layer]!; unit++) {
        for (let input = 0; input < drawnCounts[layer - 1]!; input++) {
          const title = svgEl('title');
          const line = svgEl('line', {
            class: 'edge', x1: columnX(layer - 1), y1: unitY(layer - 1, input), x2: columnX(layer), y2: unitY(layer, unit),
            'data-from': `${layer - 1}.${input}`, 'data-to': `${layer}.${unit}`,
          }, title);
          edgeGroup.append(line);
          this.edges.push({ line, title, layer: layer - 1, unit, input });
        }
      }
    }
    sizes.forEach((size, layer) => {
      for (let unit = 0; unit < drawnCounts[layer]!; unit++) {
        const title = svgEl('title');
        const kind = layer === 0 ? 'input' : layer === sizes.length - 1 ? 'output' : 'hidden';
        const circle = svgEl('circle', { class: `node node-${kind}`, cx: columnX(layer), cy: unitY(layer, unit), r: radius, 'data-node': `${layer}.${unit}` }, title);
        nodeGroup.append(circle);
        let heatmap: SVGImageElement | undefined;
        if (kind === 'hidden') {
          const clipId = `unit-clip-${this.kind}-${layer}-${unit}`;
          clips.append(svgEl('clipPath', { id: clipId }, svgEl('circle', { cx: columnX(layer), cy: unitY(layer, unit), r: radius })));
          heatmap = svgEl('image', {
            class: 'unit-heatmap', x: columnX(layer) - radius, y: unitY(layer, unit) - radius, width: 2 * radius, height: 2 * radius,
            preserveAspectRatio: 'none', 'clip-path': `url(#${clipId})`, 'data-node': `${layer}.${unit}`,
          });
          heatmapGroup.append(heatmap);
        }
        if (layer > 0) this.nodes.push({ circle, title, layer, unit, heatmap });
        else title.textContent = unitName(0, unit, sizes, this.inputNames);
        if (layer === 0 && this.inputNames) {
          nodeGroup.append(svgEl('text', {
            class: 'input-label', x: columnX(0) - radius - 3, y: unitY(0, unit) + 3.5, 'text-anchor': 'end', 'data-input': unit,
          }, this.inputNames[unit]!));
        }
      }
      if (size > cap) {
        nodeGroup.append(svgEl('text', { class: 'more-units', x: columnX(layer), y: unitY(layer, drawnCounts[layer]!) + 4, 'text-anchor': 'middle' }, `+${size - drawnCounts[layer]!}`));
      }
      // The outer labels hang inwards from their nodes, so a narrow side bar does not cut them.
      const anchor = layer === 0 && sizes.length > 1 ? 'start' : layer === sizes.length - 1 && sizes.length > 1 ? 'end' : 'middle';
      const x = anchor === 'start' ? columnX(layer) - radius : anchor === 'end' ? columnX(layer) + radius : columnX(layer);
      labelGroup.append(svgEl('text', { class: 'layer-label', x, y: height - 4, 'text-anchor': anchor }, layerName(layer, sizes.length)));
    });
    replaceChildren(this.element, clips, edgeGroup, heatmapGroup, nodeGroup, labelGroup);
    this.element.dataset.layerSizes = sizes.join(',');
    this.element.dataset.edgeCount = String(this.edges.length);
  }

  private updateValues(): void {
    const layers = this.layers;
    const sizes = layerSizes(layers);
    let largest = 0;
    for (const edge of this.edges) {
      const weight = Math.abs(layers[edge.layer]!.weights[edge.unit]![edge.input]!);
      if (Number.isFinite(weight)) largest = Math.max(largest, weight);
    }
    const { maxEdgeWidth } = GEOMETRY[this.kind];
    for (const edge of this.edges) {
      const weight = layers[edge.layer]!.weights[edge.unit]![edge.input]!;
      const sign = !Number.isFinite(weight) ? 'edge-broken' : weight > 0 ? 'edge-positive' : weight < 0 ? 'edge-negative' : 'edge-zero';
      // ∝ |weight|, relative to the largest: the picture shows which connections matter.
      const width = Number.isFinite(weight) && largest > 0 ? 0.4 + (maxEdgeWidth - 0.4) * (Math.abs(weight) / largest) : 1;
      edge.line.setAttribute('class', `edge ${sign}`);
      edge.line.setAttribute('stroke-width', width.toFixed(2));
      edge.line.dataset.weight = String(weight);
      edge.title.textContent = `weight ${unitName(edge.layer, edge.input, sizes, this.inputNames)} → ${unitName(edge.layer + 1, edge.unit, sizes)}: ${formatSignificant(weight, 6)}`;
    }
    for (const node of this.nodes) {
      const bias = layers[node.layer - 1]!.biases[node.unit]!;
      node.circle.dataset.bias = String(bias);
      node.title.textContent = unitHover(layers, node.layer, node.unit, sizes, this.inputNames);
    }
    this.updateHeatmaps();
    this.element.setAttribute('aria-label', this.describe());
  }

  private updateHeatmaps(): void {
    const heatmaps = this.heatmaps;
    // Parameters redraw many times a second; the heatmaps change only when new ones arrive (or the drawing was rebuilt).
    if (!this.picturesStale && this.painted && this.painted.heatmaps === heatmaps && this.painted.structure === this.structure) return;
    this.painted = { heatmaps, structure: this.structure };
    this.picturesStale = false;
    const sizes = layerSizes(this.layers);
    const fits = heatmaps !== undefined && heatmaps.layers.length === sizes.length - 2
      && heatmaps.layers.every((units, l) => units.length === Math.min(sizes[l + 1]!, units.length) && units.every((values) => values.length === heatmaps.size * heatmaps.size));
    let drawn = 0;
    for (const node of this.nodes) {
      if (!node.heatmap) continue;
      const values = fits ? heatmaps!.layers[node.layer - 1]?.[node.unit] : undefined;
      node.circle.classList.toggle('has-heatmap', values !== undefined);
      node.heatmap.toggleAttribute('hidden', values === undefined);
      if (!values) {
        node.heatmap.removeAttribute('href');
        node.painted = undefined;
        continue;
      }
      const painted = node.painted;
      if (!painted || painted.size !== heatmaps!.size || painted.activation !== this.activation || painted.colors !== this.heatmapColors || !sameNumbers(painted.values, values)) {
        // Encoding a PNG is the costly part: only for a unit whose picture changed, once it can be
        // seen (a unit never painted is painted at once, so the diagram is never left blank).
        if (painted && this.outOfSight) {
          this.picturesStale = true;
          drawn++;
          continue;
        }
        node.heatmap.setAttribute('href', heatmapPng(values, heatmaps!.size, this.activation, this.heatmapColors));
        node.painted = { values, size: heatmaps!.size, activation: this.activation, colors: this.heatmapColors };
        drawCounts.unitHeatmaps = (drawCounts.unitHeatmaps ?? 0) + 1;
      }
      node.heatmap.dataset.iteration = String(heatmaps!.iteration);
      drawn++;
    }
    if (fits && drawn > 0) this.element.dataset.heatmapIteration = String(heatmaps!.iteration);
    else delete this.element.dataset.heatmapIteration;
    this.element.dataset.heatmapCount = String(drawn);
  }

  private describe(): string {
    if (this.inputNames) return `${this.describePlain().replace(/ inputs,/, ` inputs (${this.inputNames.join(', ')}),`)}`;
    return this.describePlain();
  }

  private describePlain(): string {
    const sizes = layerSizes(this.layers);
    if (sizes.length === 0) return l10n.t('Network diagram: no network yet');
    const hidden = sizes.slice(1, -1);
    const middle = hidden.length === 0 ? l10n.t('no hidden layer') : l10n.t('hidden layers of {0} units ({1})', hidden.join(', '), this.activation);
    return l10n.t('Network diagram: {0} inputs, {1}, {2} output. The values are in "Weights and bias".', sizes[0]!, middle, sizes[sizes.length - 1]!);
  }
}

/** A unit's hover: its bias and every weight into it, named by where it comes from (at most 12 listed). */
export function unitHover(layers: LayerParameters[], layer: number, unit: number, sizes: number[], inputNames?: readonly string[]): string {
  const parameters = layers[layer - 1]!;
  const weights = parameters.weights[unit]!;
  const listed = weights.slice(0, 12).map((weight, input) => `  ${l10n.t('from {0}: {1}', unitName(layer - 1, input, sizes, inputNames), formatSignificant(weight, 6))}`);
  if (weights.length > listed.length) listed.push(`  ${l10n.t('… and {0} more', weights.length - listed.length)}`);
  return [l10n.t('{0}: bias {1}', unitName(layer, unit, sizes), formatSignificant(parameters.biases[unit]!, 6)), l10n.t('weights in:'), ...listed].join('\n');
}
