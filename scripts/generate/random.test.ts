import {describe, expect, it} from 'vitest';
import {Categorical, hashSeed, Rng} from './random';

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

describe('Rng', () => {
  it('repeats its sequence for the same seed', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    expect(Array.from({length: 5}, () => a.next())).toEqual(
      Array.from({length: 5}, () => b.next()),
    );
  });

  it('mixes seed parts so neighbouring days differ', () => {
    expect(hashSeed(1, 100)).not.toBe(hashSeed(1, 101));
    expect(hashSeed(1, 100)).toBe(hashSeed(1, 100));
  });

  it.each([0.3, 4, 25, 400])('draws Poisson counts with mean %s', (lambda) => {
    const rng = new Rng(7);
    const draws = Array.from({length: 20_000}, () => rng.poisson(lambda));
    expect(mean(draws)).toBeCloseTo(lambda, lambda < 10 ? 1 : 0);
    const variance = mean(draws.map((x) => (x - lambda) ** 2));
    expect(variance / lambda).toBeGreaterThan(0.9);
    expect(variance / lambda).toBeLessThan(1.1);
  });

  it('draws standard normals', () => {
    const rng = new Rng(3);
    const draws = Array.from({length: 20_000}, () => rng.normal());
    expect(mean(draws)).toBeCloseTo(0, 1);
    expect(mean(draws.map((x) => x * x))).toBeCloseTo(1, 1);
  });
});

describe('Categorical', () => {
  it('samples in proportion to the weights', () => {
    const rng = new Rng(11);
    const cat = Categorical.of({a: 1, b: 3, c: 0});
    const counts = {a: 0, b: 0, c: 0};
    for (let i = 0; i < 20_000; i++) counts[cat.sample(rng)]++;
    expect(counts.c).toBe(0);
    expect(counts.b / counts.a).toBeGreaterThan(2.7);
    expect(counts.b / counts.a).toBeLessThan(3.3);
  });

  it('refuses all-zero weights', () => {
    expect(() => new Categorical(['x'], [0])).toThrow();
  });
});
