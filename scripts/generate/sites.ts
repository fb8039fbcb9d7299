/** Emergency departments and which one records each attendance. */
import {join} from 'node:path';
import {dayOf} from './calendar';
import {distance2Km, readJson} from './geo';
import type {Rng} from './random';

/** A hospital from wm-ed-hospitals.json. */
export interface Site {
  code: string;
  name: string;
  lat: number;
  lon: number;
  paediatric: boolean;
  /** Whether it runs a Type 1 ED on the day (City and Sandwell closed when MMUH opened). */
  openOn: (day: number) => boolean;
}

/** Chooses the recording ED for an attendance. */
export interface SiteChooser {
  sites: Site[];
  choose(rng: Rng, cell: string, lat: number, lon: number, day: number, child: boolean): string;
}

interface HospitalJson {
  ods_code: string;
  name: string;
  lat: number;
  lon: number;
  ed_population: string;
  current_type1_ed: boolean;
}

/** MMUH opened on 6 October 2024; City Hospital and Sandwell General EDs closed then. */
const MMUH_OPENED = dayOf('2024-10-06');
const MOVED_TO_MMUH = new Set(['RXK01', 'RXK02']);
/** Adult EDs whose children are usually taken to Birmingham Children's Hospital. */
const BCH_CATCHMENT = new Set(['RRK15', 'RR101', 'RR105', 'RXK01', 'RXK02']);
const BCH = 'RQ301';
const P_NEAREST = 0.86;
const P_SECOND = 0.115;

/** Load hospitals and build the chooser. */
export function loadSites(dir: string): SiteChooser {
  const json = readJson<{hospitals: HospitalJson[]}>(join(dir, 'wm-ed-hospitals.json'));
  const sites: Site[] = json.hospitals.map((h) => {
    const historical = MOVED_TO_MMUH.has(h.ods_code);
    return {
      code: h.ods_code,
      name: h.name,
      lat: h.lat,
      lon: h.lon,
      paediatric: h.ed_population === 'paediatric',
      openOn: historical ? (day: number) => day < MMUH_OPENED : () => h.current_type1_ed,
    };
  });
  const adult = sites.filter((s) => !s.paediatric);
  const cache = new Map<string, [string, string]>();

  const ranked = (cell: string, lat: number, lon: number, day: number): [string, string] => {
    const era = day < MMUH_OPENED ? 0 : 1;
    const key = `${cell}|${era}`;
    let hit = cache.get(key);
    if (!hit) {
      const open = adult
        .filter((s) => s.openOn(day))
        .map((s) => ({s, d: distance2Km(lat, lon, s.lat, s.lon)}))
        .sort((a, b) => a.d - b.d);
      hit = [open[0].s.code, open[1].s.code];
      cache.set(key, hit);
    }
    return hit;
  };

  const choose = (
    rng: Rng,
    cell: string,
    lat: number,
    lon: number,
    day: number,
    child: boolean,
  ) => {
    const [first, second] = ranked(cell, lat, lon, day);
    const u = rng.next();
    if (u >= P_NEAREST + P_SECOND) return '';
    const adultSite = u < P_NEAREST ? first : second;
    if (child && BCH_CATCHMENT.has(first) && rng.chance(0.85)) return BCH;
    return adultSite;
  };
  return {sites, choose};
}
