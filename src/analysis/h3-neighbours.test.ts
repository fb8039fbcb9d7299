import {cellToParent, getResolution, gridDisk, latLngToCell} from 'h3-js';
import {describe, expect, it} from 'vitest';
import {
  countsAtResolution,
  fillStudyArea,
  h3Neighbours,
  resolutionForZoom,
  studyArea,
} from './h3-neighbours';

function birminghamCell(resolution: number): string {
  return latLngToCell(52.4797, -1.9026, resolution);
}

describe('resolutionForZoom', () => {
  it.each([
    [3, 6],
    [7.99, 6],
    [8, 7],
    [9.5, 7],
    [10, 8],
    [11.99, 8],
    [12, 9],
    [18, 9],
  ])('maps zoom %f to resolution %i', (zoom, resolution) => {
    expect(resolutionForZoom(zoom)).toBe(resolution);
  });
});

describe('h3Neighbours', () => {
  it('links the centre of a disk to its ring and each ring cell to three others', () => {
    const centre = birminghamCell(8);
    const cells = gridDisk(centre, 1);
    const neighbours = h3Neighbours(cells);
    const c = cells.indexOf(centre);
    expect(neighbours[c]).toHaveLength(6);
    neighbours.forEach((list, i) => {
      if (i !== c) expect(list).toHaveLength(3);
      expect(list).not.toContain(i);
      expect(list).toEqual([...list].sort((a, b) => a - b));
    });
  });

  it('reaches the second ring with k = 2 and leaves out cells not in the input', () => {
    const centre = birminghamCell(8);
    const cells = [centre, ...gridDisk(centre, 2).filter((c) => c !== centre)].slice(0, 10);
    const neighbours = h3Neighbours(cells, 2);
    expect(neighbours[0]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(h3Neighbours([centre], 1)).toEqual([[]]);
  });

  it('rejects duplicate cells', () => {
    const centre = birminghamCell(8);
    expect(() => h3Neighbours([centre, centre])).toThrow(/duplicate/);
  });
});

describe('study area helpers', () => {
  it('sums res-9 counts into res-8 parents and skips coarser cells', () => {
    const fine = gridDisk(birminghamCell(9), 1);
    const counts = countsAtResolution(
      [...fine.map((c) => [c, 2] as const), [birminghamCell(7), 5]],
      8,
    );
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    expect(total).toBe(2 * fine.length);
    for (const cell of counts.keys()) expect(getResolution(cell)).toBe(8);
  });

  it('lists distinct sorted parents and fills missing cells with zeros', () => {
    const fine = gridDisk(birminghamCell(9), 2);
    const area = studyArea(fine, 8);
    expect(area).toEqual([...new Set(fine.map((c) => cellToParent(c, 8)))].sort());
    const values = fillStudyArea(
      area,
      new Map([
        [area[0], 4],
        ['outside', 9],
      ]),
    );
    expect(Array.from(values)).toEqual([4, ...Array(area.length - 1).fill(0)]);
  });
});
