import {describe, expect, it} from 'vitest';
import {mannKendall} from './mann-kendall';

describe('mannKendall', () => {
  it('matches a hand-computed series with one tie', () => {
    // x = [1, 3, 2, 4, 4, 5], n = 6.
    // S = Σ_{i<j} sign(x_j − x_i) by i: 1 → +5; 3 → −1 +3 = +2; 2 → +3; 4 → 0 +1 = +1; 4 → +1.
    // S = 5 + 2 + 3 + 1 + 1 = 12; pairs = 6·5/2 = 15; tau = 12/15 = 0.8.
    // Var = [n(n−1)(2n+5) − Σ t(t−1)(2t+5)]/18 = [6·5·17 − 2·1·9]/18 = (510 − 18)/18 = 27.333...
    // z = (S − 1)/√Var = 11/5.228129 = 2.104003; p = 2·(1 − Φ(2.104003)) = 0.035378.
    const r = mannKendall([1, 3, 2, 4, 4, 5]);
    expect(r.s).toBe(12);
    expect(r.tau).toBeCloseTo(0.8, 12);
    expect(r.z).toBeCloseTo(11 / Math.sqrt(492 / 18), 12);
    expect(r.z).toBeCloseTo(2.104003, 6);
    expect(r.p).toBeCloseTo(0.035378171962853595, 12);
  });

  it('matches a hand-computed strictly decreasing series', () => {
    // x = [5, 4, 3, 2, 1]: all 10 pairs fall, S = −10, tau = −1.
    // Var = 5·4·15/18 = 16.667 (no ties); z = (S + 1)/√Var = −9/4.082483 = −2.204541.
    const r = mannKendall([5, 4, 3, 2, 1]);
    expect(r.s).toBe(-10);
    expect(r.tau).toBe(-1);
    expect(r.z).toBeCloseTo(-2.2045407685048604, 12);
    expect(r.p).toBeCloseTo(0.027486336111510353, 12);
  });

  it.each([
    ['a constant series', [3, 3, 3, 3]],
    ['a single value', [7]],
    ['an empty series', []],
    ['a series with S = 0', [1, 2, 2, 1]],
  ])('returns z = 0 and p = 1 for %s', (_name, series) => {
    const r = mannKendall(series);
    expect(r.z).toBe(0);
    expect(r.p).toBe(1);
  });

  it('subtracts the continuity correction toward zero', () => {
    // x = [1, 2]: S = 1, Var = 2·1·9/18 = 1, z = (1 − 1)/1 = 0.
    expect(mannKendall([1, 2]).z).toBe(0);
  });
});
