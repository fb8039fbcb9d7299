/** Where assaults happen: residential areas, town centres, near premises, near stations. */
import {locate, offsetMetres, type CellArea, type Geo} from './geo';
import {CENTRES, type Centre, type Station} from './places';
import type {Premises} from './premises';
import {Categorical, hashString, Rng} from './random';

/** A located point: its res-9 cell and the cell's LSOA and LAD. */
export interface Spot extends CellArea {
  cell: string;
}

/** A way of choosing a location. */
export type PlaceKind = 'residential' | 'centre' | 'centreWide' | 'premises' | 'station';

/** Samplers over the region, built once per world. */
export interface Places {
  sample(rng: Rng, kind: PlaceKind): Spot;
  around(rng: Rng, lat: number, lon: number, sigmaM: number): Spot | null;
}

/** Relative violence rates of the local authorities (deprivation, age structure). */
const LAD_RATE: Record<string, number> = {
  E08000025: 1.15,
  E08000026: 1.0,
  E08000027: 0.95,
  E08000028: 1.3,
  E08000029: 0.7,
  E08000030: 1.15,
  E08000031: 1.15,
};

const MAX_TRIES = 30;

/** Build the samplers; `nte` premises pull street violence towards them. */
export function buildPlaces(
  geo: Geo,
  premises: readonly Premises[],
  stations: readonly Station[],
  seed: number,
): Places {
  const rng = new Rng(hashString(`lsoa-rates:${seed}`));
  const cities = CENTRES.filter((c) => c.tier === 'city');
  const lsoas = geo.lsoas.filter((l) => l.cells.length > 0);
  const lsoaWeights = lsoas.map((l) => {
    const near = Math.min(
      ...cities.map((c) => (c.lat - l.lat) ** 2 + ((c.lon - l.lon) * 0.61) ** 2),
    );
    const inner = 1 + 1.2 * Math.exp(-near / (2 * 0.03 ** 2));
    return (LAD_RATE[l.lad] ?? 1) * inner * rng.lognormal(0, 0.5);
  });
  const lsoaPick = new Categorical(lsoas, lsoaWeights);
  const centrePick = new Categorical<Centre>(
    CENTRES,
    CENTRES.map((c) => c.weight),
  );
  const ntePremises = premises.filter((p) =>
    ['pub', 'bar', 'nightclub', 'late_night_refreshment'].includes(p.type),
  );
  const premisesPick = new Categorical(
    ntePremises,
    ntePremises.map((p) => Math.sqrt(p.weight)),
  );
  const stationPick = new Categorical(
    stations,
    stations.map((s) => s.weight),
  );

  const around = (r: Rng, lat: number, lon: number, sigmaM: number): Spot | null => {
    const [la, lo] = offsetMetres(lat, lon, r.normal() * sigmaM, r.normal() * sigmaM);
    const hit = locate(geo, la, lo);
    return hit ? {cell: hit.cell, ...hit.area} : null;
  };
  const residential = (r: Rng): Spot => {
    const lsoa = lsoaPick.sample(r);
    const cell = r.pick(lsoa.cells);
    return {cell, ...geo.cells.get(cell)!};
  };
  const sample = (r: Rng, kind: PlaceKind): Spot => {
    if (kind === 'residential') return residential(r);
    for (let i = 0; i < MAX_TRIES; i++) {
      let spot: Spot | null;
      if (kind === 'premises') {
        const p = premisesPick.sample(r);
        spot = around(r, p.lat, p.lon, 150);
      } else if (kind === 'station') {
        const s = stationPick.sample(r);
        spot = around(r, s.lat, s.lon, 80);
      } else {
        const c = centrePick.sample(r);
        spot = around(r, c.lat, c.lon, c.sigmaM * (kind === 'centreWide' ? 1.8 : 1));
      }
      if (spot) return spot;
    }
    return residential(r);
  };
  return {sample, around};
}
