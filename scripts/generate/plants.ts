/** Planted patterns: problem premises and emerging street-violence hotspots. */
import {cellToParent, gridDisk, latLngToCell} from 'h3-js';
import {dayOf} from './calendar';
import {distance2Km, H3_RESOLUTION} from './geo';
import {CENTRES} from './places';
import type {Premises, PremisesType} from './premises';

/** How a problem premises changes over the period. */
export type PremisesPattern = 'persistent' | 'emerging' | 'declining';

/** A premises with a planted trajectory of attendances. */
export interface PlantedPremises {
  pattern: PremisesPattern;
  premises: Premises;
  /** Expected attendances per year at normal trading (before seasons and restrictions). */
  ratePerYear: (day: number) => number;
  /** Expected attendances per year at full rate, as a multiple of the busiest ordinary premises. */
  peakRelative: number;
  /** Description for truth.json. */
  detail: Record<string, unknown>;
}

/** A cluster of street violence that appears from a date. */
export interface Hotspot {
  id: string;
  label: string;
  lat: number;
  lon: number;
  sigmaM: number;
  start: string;
  startDay: number;
  ratePerYear: number;
}

interface PremisesPlan {
  pattern: PremisesPattern;
  type: PremisesType;
  centre: string;
  /** Rate on a day as a multiple of the busiest ordinary premises' expected yearly attendances. */
  rate: (day: number) => number;
  detail: Record<string, unknown>;
}

const EMERGE_START = dayOf('2023-06-01');
const EMERGE_FULL = dayOf('2023-09-01');
const REVIEW = dayOf('2023-03-20');

const PLANS: PremisesPlan[] = [
  {
    pattern: 'persistent',
    type: 'nightclub',
    centre: 'broad',
    rate: () => 1.6,
    detail: {period: {start: '2021-01-01', end: '2025-12-31'}, expected_rank_top: 5},
  },
  {
    pattern: 'persistent',
    type: 'bar',
    centre: 'southside',
    rate: () => 1.45,
    detail: {period: {start: '2021-01-01', end: '2025-12-31'}, expected_rank_top: 5},
  },
  {
    pattern: 'persistent',
    type: 'nightclub',
    centre: 'cov',
    rate: () => 1.35,
    detail: {period: {start: '2021-01-01', end: '2025-12-31'}, expected_rank_top: 5},
  },
  {
    pattern: 'emerging',
    type: 'bar',
    centre: 'wolves',
    rate: (day) => {
      if (day < EMERGE_START) return 0.08;
      return 0.08 + 1.22 * Math.min(1, (day - EMERGE_START) / (EMERGE_FULL - EMERGE_START));
    },
    detail: {
      period: {start: '2024-01-01', end: '2025-12-31'},
      expected_rank_top: 10,
      change_start: '2023-06-01',
      note: 'ordinary until June 2023, then a rise over the summer to one of the busiest',
    },
  },
  {
    pattern: 'declining',
    type: 'pub',
    centre: 'walsall',
    rate: (day) => (day < REVIEW ? 1.3 : 0.04),
    detail: {
      period: {start: '2021-01-01', end: '2022-12-31'},
      expected_rank_top: 10,
      change_start: '2023-03-20',
      after: {start: '2023-04-01', end: '2025-12-31', max_per_year: 12},
      note: 'top-10 in 2021-2022; licence review on 2023-03-20 (new DPS, door staff, earlier hours)',
    },
  },
];

/** Planted hotspots: fictional new venue districts. */
export const HOTSPOTS: readonly Hotspot[] = [
  {
    id: 'digbeth-east',
    label: 'New venue district east of Digbeth (fictional)',
    lat: 52.473,
    lon: -1.872,
    sigmaM: 90,
    start: '2024-03-01',
    startDay: dayOf('2024-03-01'),
    ratePerYear: 200,
  },
  {
    id: 'coventry-north-east',
    label: 'New late-night strip north-east of Coventry city centre (fictional)',
    lat: 52.4145,
    lon: -1.495,
    sigmaM: 90,
    start: '2024-09-01',
    startDay: dayOf('2024-09-01'),
    ratePerYear: 150,
  },
];

/**
 * Pick the planted premises: per plan, the largest premises of the type in the centre.
 * `busiest` is the expected attendances a year of the busiest ordinary premises.
 */
export function plantPremises(premises: readonly Premises[], busiest: number): PlantedPremises[] {
  const taken = new Set<string>();
  return PLANS.map((plan) => {
    const centre = CENTRES.find((c) => c.id === plan.centre)!;
    const candidates = premises
      .filter((p) => p.type === plan.type && !taken.has(p.id))
      .map((p) => ({p, d: distance2Km(p.lat, p.lon, centre.lat, centre.lon)}))
      .sort(
        (a, b) =>
          Number(b.p.centreId === centre.id) - Number(a.p.centreId === centre.id) ||
          (b.p.capacity ?? 0) - (a.p.capacity ?? 0) ||
          a.d - b.d,
      );
    const chosen = candidates[0].p;
    taken.add(chosen.id);
    return {
      pattern: plan.pattern,
      premises: chosen,
      ratePerYear: (day: number) => plan.rate(day) * busiest,
      peakRelative: Math.max(plan.rate(0), plan.rate(Infinity)),
      detail: plan.detail,
    };
  });
}

/** The res-9 cells a hotspot lands in mostly: its centre cell and the ring around it. */
export function hotspotCells(h: Hotspot): string[] {
  return gridDisk(latLngToCell(h.lat, h.lon, H3_RESOLUTION), 1).sort();
}

/** The machine-readable truth file. */
export function truthJson(
  seed: number,
  planted: PlantedPremises[],
  end: string,
): Record<string, unknown> {
  return {
    seed,
    generator: 'scripts/generate',
    problem_premises: planted.map((p) => ({
      premises_id: p.premises.id,
      name: p.premises.name,
      premises_type: p.premises.type,
      lad_code: p.premises.lad,
      pattern: p.pattern,
      ...p.detail,
      peak_rate_vs_busiest_ordinary: p.peakRelative,
    })),
    hotspots: HOTSPOTS.map((h) => {
      const cell = latLngToCell(h.lat, h.lon, H3_RESOLUTION);
      return {
        id: h.id,
        label: h.label,
        kind: 'emerging',
        location_type: 'street',
        centre: {lat: h.lat, lon: h.lon},
        h3: cell,
        h3_cells: hotspotCells(h),
        h3_res7: cellToParent(cell, 7),
        period: {start: h.start, end},
        expected_per_year: h.ratePerYear,
      };
    }),
    notes: [
      'Ranks are by sum(n) over the period, all location types, premises_id not null.',
      'Hotspot attendances are street assaults on nights out, spread with sd ~90 m around the centre.',
      'Other premises and places follow random heavy-tailed rates; they are not planted.',
      'City Hospital (RXK02) and Sandwell General (RXK01) stop recording on 2024-10-06 (MMUH has no coordinates in the source, so its attendances go to the next nearest EDs).',
    ],
  };
}
