// The decision boundary itself: where the prediction crosses 0.5, traced through the grid with
// marching squares. The heatmap shows how sure the network is; this line shows where it decides.

/** A segment in grid coordinates: column and row as fractions, (0, 0) the centre of the first cell. */
export type Segment = [number, number, number, number];

/**
 * Segments of the `level` contour of a rows × columns grid (row-major). Each square of four
 * neighbouring cell centres is classified by which corners are above the level; the line crosses
 * the square's sides where the value, interpolated linearly, equals the level.
 */
export function contourSegments(values: readonly number[], columns: number, rows: number, level = 0.5): Segment[] {
  const segments: Segment[] = [];
  const at = (row: number, column: number) => values[row * columns + column]!;
  for (let row = 0; row + 1 < rows; row++) {
    for (let column = 0; column + 1 < columns; column++) {
      const bottomLeft = at(row, column);
      const bottomRight = at(row, column + 1);
      const topRight = at(row + 1, column + 1);
      const topLeft = at(row + 1, column);
      if (![bottomLeft, bottomRight, topRight, topLeft].every(Number.isFinite)) continue;
      // Where the level lies between two corner values, as a fraction from the first.
      const cross = (a: number, b: number) => (a === b ? 0.5 : (level - a) / (b - a));
      const bottom: [number, number] = [column + cross(bottomLeft, bottomRight), row];
      const right: [number, number] = [column + 1, row + cross(bottomRight, topRight)];
      const top: [number, number] = [column + cross(topLeft, topRight), row + 1];
      const left: [number, number] = [column, row + cross(bottomLeft, topLeft)];
      const state = (bottomLeft > level ? 1 : 0) | (bottomRight > level ? 2 : 0) | (topRight > level ? 4 : 0) | (topLeft > level ? 8 : 0);
      const pairs: Array<[[number, number], [number, number]]> = [];
      switch (state) {
        case 1: case 14: pairs.push([left, bottom]); break;
        case 2: case 13: pairs.push([bottom, right]); break;
        case 3: case 12: pairs.push([left, right]); break;
        case 4: case 11: pairs.push([right, top]); break;
        case 6: case 9: pairs.push([bottom, top]); break;
        case 7: case 8: pairs.push([left, top]); break;
        // Saddles: two separate crossings; which pair joins is ambiguous, either reads fine.
        case 5: pairs.push([left, top], [bottom, right]); break;
        case 10: pairs.push([left, bottom], [right, top]); break;
        default: break; // 0 and 15: all on one side, no crossing
      }
      for (const [from, to] of pairs) segments.push([from[0], from[1], to[0], to[1]]);
    }
  }
  return segments;
}
