// A trained model as bytes: a small JSON header (everything but the numbers) and the weights and
// biases as raw float64. A network of 4,000 inputs and eight layers of 256 holds 1.5 million numbers:
// as JSON that is 30 MB of text and a second of the host's time to write; as float64 it is 12 MB
// copied in a loop. Pure (no vscode, no Node): the model store writes the bytes where it likes.
import type { LayerParameters, ModelSnapshot } from '../core/types';

const MAGIC = 'NNLM1';

interface Header {
  magic: typeof MAGIC;
  /** The snapshot without its layers (whatever fields it has). */
  model: Omit<ModelSnapshot, 'layers'>;
  /** [units, inputs] per layer; the values follow layer by layer, weights row by row, then biases. */
  shapes: [number, number][];
}

export function valueCount(layers: readonly LayerParameters[]): number {
  let count = 0;
  for (const layer of layers) count += layer.biases.length * ((layer.weights[0]?.length ?? 0) + 1);
  return count;
}

export function encodeModel(snapshot: ModelSnapshot): Uint8Array {
  const { layers, ...model } = snapshot;
  const header: Header = { magic: MAGIC, model, shapes: layers.map((layer) => [layer.biases.length, layer.weights[0]?.length ?? 0]) };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  // float64 values must start at a multiple of 8.
  const valuesOffset = Math.ceil((4 + headerBytes.length) / 8) * 8;
  const bytes = new Uint8Array(valuesOffset + 8 * valueCount(layers));
  new DataView(bytes.buffer).setUint32(0, headerBytes.length, true);
  bytes.set(headerBytes, 4);
  const values = new Float64Array(bytes.buffer, valuesOffset);
  let at = 0;
  for (const layer of layers) {
    for (const row of layer.weights) {
      for (let index = 0; index < row.length; index++) values[at++] = row[index];
    }
    for (let index = 0; index < layer.biases.length; index++) values[at++] = layer.biases[index];
  }
  return bytes;
}

/** The snapshot back, or undefined for bytes that are not a model written by encodeModel. */
export function decodeModel(bytes: Uint8Array): ModelSnapshot | undefined {
  try {
    if (bytes.byteLength < 4) return undefined;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const headerLength = view.getUint32(0, true);
    if (4 + headerLength > bytes.byteLength) return undefined;
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + headerLength))) as Header;
    if (header.magic !== MAGIC || !Array.isArray(header.shapes)) return undefined;
    const valuesOffset = Math.ceil((4 + headerLength) / 8) * 8;
    const expected = header.shapes.reduce((sum, [units, inputs]) => sum + units * (inputs + 1), 0);
    if (bytes.byteLength - valuesOffset !== 8 * expected) return undefined;
    // A copy at offset 0 of its own buffer, so the Float64Array view is aligned whatever `bytes` was.
    const values = new Float64Array(bytes.slice(valuesOffset).buffer);
    let at = 0;
    const layers: LayerParameters[] = header.shapes.map(([units, inputs]) => {
      const weights: number[][] = [];
      for (let unit = 0; unit < units; unit++) {
        const row = new Array<number>(inputs);
        for (let index = 0; index < inputs; index++) row[index] = values[at++];
        weights.push(row);
      }
      const biases = new Array<number>(units);
      for (let unit = 0; unit < units; unit++) biases[unit] = values[at++];
      return { weights, biases };
    });
    return { ...header.model, layers } as ModelSnapshot;
  } catch {
    return undefined;
  }
}
