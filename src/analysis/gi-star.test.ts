import {describe, expect, it} from 'vitest';
import {benjaminiHochberg, giBins, giGlobalStats, giStar} from './gi-star';

function lineNeighbours(n: number): number[][] {
  return Array.from({length: n}, (_, i) => [i - 1, i + 1].filter((j) => j >= 0 && j < n));
}

describe('giStar', () => {
  it('matches a hand-computed line of six cells', () => {
    // x = [1, 1, 2, 6, 5, 3], n = 6, neighbours = adjacent cells, w_ii = 1.
    // X̄ = 18 / 6 = 3; Σx² = 1 + 1 + 4 + 36 + 25 + 9 = 76; S² = 76 / 6 − 3² = 11/3.
    // Ends: W = Σw = Σw² = 2, (nW − W²)/(n − 1) = (12 − 4)/5 = 8/5.
    // Inner: W = 3, (nW − W²)/(n − 1) = (18 − 9)/5 = 9/5.
    // Local sums Σ w_ij x_j: 1+1 = 2, 1+1+2 = 4, 1+2+6 = 9, 2+6+5 = 13, 6+5+3 = 14, 5+3 = 8.
    // Numerators Σ w_ij x_j − X̄W: 2−6 = −4, 4−9 = −5, 9−9 = 0, 13−9 = 4, 14−9 = 5, 8−6 = 2.
    const end = Math.sqrt((11 / 3) * (8 / 5)); // 2.422120...
    const inner = Math.sqrt((11 / 3) * (9 / 5)); // 2.569046...
    const expected = [-4 / end, -5 / inner, 0, 4 / inner, 5 / inner, 2 / end];
    // ≈ [-1.651446, -1.946247, 0, 1.556998, 1.946247, 0.825723]
    const {z, p} = giStar([1, 1, 2, 6, 5, 3], lineNeighbours(6));
    expected.forEach((e, i) => expect(z[i]).toBeCloseTo(e, 12));
    expect(z[3]).toBeCloseTo(1.556998, 6);
    // p for z = 1.946247: 2·(1 − Φ(1.946247)) = 0.051626...
    expect(p[4]).toBeCloseTo(0.0516, 4);
    expect(p[2]).toBe(1);
  });

  it('standardises against pooled statistics of several samples', () => {
    // Pooling x with itself: X̄ = 3 and S² = 11/3 as before, but n = 12.
    // Inner cells: (nW − W²)/(n − 1) = (36 − 9)/11 = 27/11; S·√(27/11) = √(11/3 · 27/11) = 3.
    // Cell 3: numerator 13 − 3·3 = 4, so z = 4/3.
    const x = [1, 1, 2, 6, 5, 3];
    const stats = giGlobalStats([x, x]);
    expect(stats.n).toBe(12);
    expect(stats.mean).toBe(3);
    expect(stats.sd).toBeCloseTo(Math.sqrt(11 / 3), 14);
    expect(giStar(x, lineNeighbours(6), stats).z[3]).toBeCloseTo(4 / 3, 14);
  });

  it('ignores a cell listed as its own neighbour', () => {
    const plain = giStar([1, 1, 2, 6, 5, 3], lineNeighbours(6));
    const withSelf = giStar(
      [1, 1, 2, 6, 5, 3],
      lineNeighbours(6).map((list, i) => [...list, i]),
    );
    expect(Array.from(withSelf.z)).toEqual(Array.from(plain.z));
  });

  it.each([
    ['fewer than three cells', [4, 9], [[1], [0]]],
    ['constant values', [2.1, 2.1, 2.1, 2.1], lineNeighbours(4)],
    ['all zeros', [0, 0, 0], lineNeighbours(3)],
    ['a neighbourhood covering every cell', [1, 5, 2], [[1, 2], [0], [0]]],
  ])('returns z = 0 and p = 1 for %s', (_name, values, neighbours) => {
    const {z, p} = giStar(values, neighbours);
    expect(z[0]).toBe(0);
    expect(p[0]).toBe(1);
  });

  it('rejects neighbour lists of the wrong length', () => {
    expect(() => giStar([1, 2, 3], [[1], [0]])).toThrow(/3 values but 2/);
  });
});

describe('benjaminiHochberg', () => {
  it('rejects four of five in the textbook example', () => {
    // Sorted: 0.005 ≤ 1/5·0.05, 0.01 ≤ 2/5·0.05, 0.03 ≤ 3/5·0.05, 0.04 ≤ 4/5·0.05, 0.5 > 0.05.
    expect(benjaminiHochberg([0.01, 0.04, 0.03, 0.005, 0.5], 0.05)).toBe(0.04);
  });

  it('reproduces Benjamini & Hochberg (1995), section 4', () => {
    const p = [
      0.0201, 0.0001, 0.0004, 0.0019, 0.0095, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719,
      0.6528, 0.759, 1,
    ];
    expect(benjaminiHochberg(p, 0.05)).toBe(0.0095);
  });

  it('returns 0 when nothing is significant', () => {
    expect(benjaminiHochberg([0.2, 0.5, 0.9], 0.05)).toBe(0);
    expect(benjaminiHochberg([], 0.05)).toBe(0);
  });
});

describe('giBins', () => {
  const z = [3.3, -2.4, 2.1, 1.0, 0.5];
  const p = [0.001, 0.015, 0.04, 0.3, 0.6];

  it('uses α = 0.01, 0.05, 0.1 directly without FDR', () => {
    expect(Array.from(giBins(z, p, {fdr: false}))).toEqual([3, -2, 2, 0, 0]);
  });

  it('uses the BH critical value of each level with FDR', () => {
    // α = 0.01: 0.001 ≤ 0.002, 0.015 > 0.004 → 0.001. α = 0.05: 0.015 ≤ 0.02, 0.04 > 0.03 → 0.015.
    // α = 0.1: 0.04 ≤ 0.06, 0.3 > 0.08, 0.6 > 0.1 → 0.04.
    expect(Array.from(giBins(z, p, {fdr: true}))).toEqual([3, -2, 1, 0, 0]);
  });

  it('never marks z = 0', () => {
    expect(Array.from(giBins([0], [0], {fdr: false}))).toEqual([0]);
  });
});
