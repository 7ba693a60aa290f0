// What each neuron sees, as TensorFlow Playground draws it: a hidden unit's output over the plane of
// the two features, on a small grid. Computed where training runs (the worker), from the network's
// own forward pass, so the picture is the numbers the network has.
import type { NeuralNetwork } from './network';

/** The plane's extent: x is the first feature, y the second. */
export interface GridArea {
  x: [number, number];
  y: [number, number];
}

/** Per hidden layer, per unit (the first `maxUnits` of each layer): size × size outputs, row-major from y.min. */
export type UnitHeatmaps = number[][][];

/** The centre of cell (column, row) of a size × size grid over `area`, as the boundary grid places it. */
export function cellCentre(area: GridArea, size: number, column: number, row: number): [number, number] {
  return [
    area.x[0] + ((area.x[1] - area.x[0]) * (column + 0.5)) / size,
    area.y[0] + ((area.y[1] - area.y[0]) * (row + 0.5)) / size,
  ];
}

/**
 * Every hidden unit's output (up to `maxUnits` per layer) at the centre of every cell. Only for
 * 2-feature rows. With `stopped`, asked before every row of the grid (a wide network's row is
 * milliseconds of forward passes): undefined as soon as it says so.
 */
export function unitHeatmaps(network: NeuralNetwork, area: GridArea, size: number, maxUnits: number): UnitHeatmaps;
export function unitHeatmaps(network: NeuralNetwork, area: GridArea, size: number, maxUnits: number, stopped: () => boolean): UnitHeatmaps | undefined;
export function unitHeatmaps(network: NeuralNetwork, area: GridArea, size: number, maxUnits: number, stopped?: () => boolean): UnitHeatmaps | undefined {
  const hidden = network.hiddenLayers.map((units) => Math.min(units, maxUnits));
  const maps: UnitHeatmaps = hidden.map((units) => Array.from({ length: units }, () => new Array<number>(size * size)));
  const point = [0, 0];
  for (let row = 0; row < size; row++) {
    if (stopped?.()) return undefined;
    for (let column = 0; column < size; column++) {
      [point[0], point[1]] = cellCentre(area, size, column, row);
      network.predict(point);
      hidden.forEach((units, l) => {
        const outputs = network.layerOutputs(l);
        for (let u = 0; u < units; u++) maps[l][u][row * size + column] = outputs[u];
      });
    }
  }
  return maps;
}
