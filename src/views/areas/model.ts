/** Area comparison: rates per 100,000 per year with exact 95% intervals against the overall rate. */
import {compareRate, ratePer100k, type Rate} from '../../analysis/poisson-ci';
import type {Area} from '../../data/areas';

/** One area's row of the comparison. */
export interface AreaRate extends Rate {
  code: string;
  name: string;
  population: number;
  versus: 'higher' | 'similar' | 'lower';
}

/** Rates of every area with a population, over `years` years, and the overall rate. */
export function areaRates(
  areas: readonly Area[],
  counts: ReadonlyMap<string, number>,
  years: number,
): {rows: AreaRate[]; overall: Rate | null} {
  const withPop = areas.filter((a): a is Area & {population: number} => a.population !== null);
  if (!withPop.length || years <= 0) return {rows: [], overall: null};
  const total = withPop.reduce((s, a) => s + (counts.get(a.code) ?? 0), 0);
  const population = withPop.reduce((s, a) => s + a.population, 0);
  const overall = ratePer100k(total, population, years);
  const rows = withPop.map((a) => {
    const r = ratePer100k(counts.get(a.code) ?? 0, a.population, years);
    return {
      ...r,
      code: a.code,
      name: a.name,
      population: a.population,
      versus: compareRate(r, overall.rate),
    };
  });
  rows.sort((x, y) => y.rate - x.rate || x.name.localeCompare(y.name));
  return {rows, overall};
}
