/** Fictional licensed premises clustered in real centres, with a heavy-tailed "attractiveness". */
import {CENTRES, GENERIC_STREETS, nearestCentre, type Centre, type CentreTier} from './places';
import {ladAt, locate, offsetMetres, type Geo} from './geo';
import {licenceRef, postcode, premisesName, streetAddress} from './names';
import {Categorical, Rng} from './random';

import {PREMISES_TYPES} from '../../src/data/schema';

export {PREMISES_TYPES};

/** One premises type. */
export type PremisesType = (typeof PREMISES_TYPES)[number];

type Placement = CentreTier | 'scatter';

/** How each type is placed, sized and licensed, and its share of licensed-premises attendances. */
interface TypeSpec {
  count: number;
  share: number;
  placement: [city: number, town: number, local: number, scatter: number];
  capacity: [lo: number, hi: number, pNull: number];
  closing: Record<string, number>;
  sigma: number;
}

/** A generated premises; `weight` is its relative draw of violence within its type. */
export interface Premises {
  id: string;
  name: string;
  address: string;
  postcode: string;
  lat: number;
  lon: number;
  lad: string;
  type: PremisesType;
  licenceRef: string;
  closing: string | null;
  capacity: number | null;
  cell: string;
  lsoa: string;
  centreId: string | null;
  weight: number;
}

/** Per-type specification (counts sum to about 2,350 premises). */
export const TYPE_SPECS: Record<PremisesType, TypeSpec> = {
  pub: {
    count: 850,
    share: 0.37,
    placement: [0.14, 0.28, 0.2, 0.38],
    capacity: [60, 350, 0.05],
    closing: {'23:00': 0.35, '23:30': 0.2, '00:00': 0.3, '00:30': 0.1, '01:00': 0.05},
    sigma: 1.1,
  },
  bar: {
    count: 270,
    share: 0.23,
    placement: [0.55, 0.33, 0.1, 0.02],
    capacity: [60, 450, 0.05],
    closing: {'00:00': 0.25, '01:00': 0.35, '02:00': 0.3, '03:00': 0.1},
    sigma: 0.9,
  },
  nightclub: {
    count: 45,
    share: 0.22,
    placement: [0.72, 0.24, 0.04, 0],
    capacity: [350, 2500, 0],
    closing: {'03:00': 0.45, '03:30': 0.2, '04:00': 0.35},
    sigma: 0.8,
  },
  restaurant: {
    count: 520,
    share: 0.04,
    placement: [0.3, 0.3, 0.2, 0.2],
    capacity: [30, 180, 0.1],
    closing: {'22:30': 0.3, '23:00': 0.35, '23:30': 0.2, '00:00': 0.15},
    sigma: 1.0,
  },
  late_night_refreshment: {
    count: 240,
    share: 0.08,
    placement: [0.3, 0.25, 0.2, 0.25],
    capacity: [10, 50, 0.4],
    closing: {
      '00:00': 0.15,
      '01:00': 0.25,
      '02:00': 0.25,
      '03:00': 0.2,
      '04:00': 0.1,
      '05:00': 0.05,
    },
    sigma: 1.0,
  },
  off_licence: {
    count: 270,
    share: 0.03,
    placement: [0.05, 0.15, 0.15, 0.65],
    capacity: [0, 0, 1],
    closing: {'22:00': 0.3, '23:00': 0.5, '': 0.2},
    sigma: 1.0,
  },
  hotel: {
    count: 55,
    share: 0.02,
    placement: [0.6, 0.3, 0.05, 0.05],
    capacity: [80, 500, 0.1],
    closing: {'': 0.6, '00:00': 0.25, '01:00': 0.15},
    sigma: 0.9,
  },
  other: {
    count: 110,
    share: 0.01,
    placement: [0.05, 0.15, 0.2, 0.6],
    capacity: [50, 400, 0.3],
    closing: {'23:00': 0.5, '00:00': 0.3, '': 0.2},
    sigma: 1.0,
  },
};

const PLACEMENT_FACTOR: Record<Placement, number> = {city: 1.5, town: 1, local: 0.8, scatter: 0.6};
const PLACEMENTS: Placement[] = ['city', 'town', 'local', 'scatter'];
const MAX_TRIES = 200;

/** Generate every premises deterministically from the seed. */
export function generatePremises(geo: Geo, seed: number): Premises[] {
  const rng = new Rng(seed);
  const centresByTier = new Map<CentreTier, Categorical<Centre>>();
  for (const tier of ['city', 'town', 'local'] as const) {
    const list = CENTRES.filter((c) => c.tier === tier);
    centresByTier.set(
      tier,
      new Categorical(
        list,
        list.map((c) => c.weight),
      ),
    );
  }
  const centreLads = new Map(CENTRES.map((c) => [c.id, ladAt(geo, c.lat, c.lon)]));
  const usedNames = new Set<string>();
  const out: Omit<Premises, 'id' | 'licenceRef'>[] = [];
  for (const type of PREMISES_TYPES) {
    const spec = TYPE_SPECS[type];
    const placement = new Categorical(PLACEMENTS, spec.placement);
    const closing = Categorical.of(spec.closing);
    for (let i = 0; i < spec.count; i++) {
      const where = placement.sample(rng);
      const centre = where === 'scatter' ? null : centresByTier.get(where)!.sample(rng);
      const spot = placePoint(rng, geo, centre);
      const home =
        centre ?? nearestCentre(spot.lat, spot.lon, (c) => centreLads.get(c.id) === spot.lad);
      const streets = centre && rng.chance(0.75) ? centre.streets : GENERIC_STREETS;
      let name = premisesName(rng, type, home.name);
      for (let k = 0; k < 20 && usedNames.has(`${name}|${home.id}`); k++) {
        name = premisesName(rng, type, home.name);
      }
      usedNames.add(`${name}|${home.id}`);
      const [lo, hi, pNull] = spec.capacity;
      const capacity = rng.chance(pNull) ? null : roundTo(logUniform(rng, lo, hi), 10);
      const closingTime = closing.sample(rng) || null;
      const sizeFactor = Math.sqrt((capacity ?? Math.sqrt(lo * hi || 1)) / Math.sqrt(lo * hi || 1));
      out.push({
        name,
        address: streetAddress(rng, rng.pick(streets)),
        postcode: postcode(rng, home.districts),
        ...spot,
        type,
        closing: closingTime,
        capacity,
        centreId: centre?.id ?? null,
        weight: PLACEMENT_FACTOR[where] * sizeFactor * rng.lognormal(0, spec.sigma),
      });
    }
  }
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out.map((p, i) => ({
    ...p,
    id: `P${String(i + 1).padStart(5, '0')}`,
    licenceRef: licenceRef(rng, p.lad, i + 1),
  }));
}

/** A point near a centre (or anywhere residential) whose LAD and LSOA agree. */
function placePoint(rng: Rng, geo: Geo, centre: Centre | null) {
  for (let tries = 0; tries < MAX_TRIES; tries++) {
    let lat: number;
    let lon: number;
    if (centre) {
      const s = centre.sigmaM * 0.8;
      [lat, lon] = offsetMetres(centre.lat, centre.lon, rng.normal() * s, rng.normal() * s);
    } else {
      const lsoa = rng.pick(geo.lsoas);
      if (lsoa.cells.length === 0) continue;
      const cell = rng.pick(lsoa.cells);
      const [clat, clon] = geo.cellCentres.get(cell)!;
      [lat, lon] = offsetMetres(clat, clon, rng.normal() * 60, rng.normal() * 60);
    }
    lat = round5(lat);
    lon = round5(lon);
    const hit = locate(geo, lat, lon);
    if (!hit || ladAt(geo, lat, lon) !== hit.area.lad) continue;
    return {lat, lon, lad: hit.area.lad, cell: hit.cell, lsoa: hit.area.lsoa};
  }
  throw new Error(`could not place a premises near ${centre?.name ?? 'a residential area'}`);
}

function logUniform(rng: Rng, lo: number, hi: number): number {
  return Math.exp(Math.log(lo) + rng.next() * (Math.log(hi) - Math.log(lo)));
}

function roundTo(x: number, step: number): number {
  return Math.max(step, Math.round(x / step) * step);
}

function round5(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}
