/** Record-level simulation: one activity day (06:00 to 06:00) at a time, each with its own seed. */
import {dayEffects, isoOf, isWeekendNight, weekdayOf, type DayEffects} from './calendar';
import {loadGeo, type Geo} from './geo';
import {loadStations} from './places';
import {HOTSPOTS, plantPremises, type PlantedPremises} from './plants';
import {
  generatePremises,
  PREMISES_TYPES,
  TYPE_SPECS,
  type Premises,
  type PremisesType,
} from './premises';
import * as P from './profiles';
import {Categorical, hashSeed, hashString, Rng} from './random';
import {loadSites, type SiteChooser} from './sites';
import {buildPlaces, type PlaceKind, type Places, type Spot} from './spatial';
import * as S from './streams';

/** Everything fixed for a seed: boundaries, premises, plants and samplers. */
export interface World {
  seed: number;
  geo: Geo;
  premises: Premises[];
  planted: PlantedPremises[];
  places: Places;
  sites: SiteChooser;
  byType: Map<PremisesType, Categorical<Premises>>;
}

/** Scale and output date range of a run. */
export interface SimOptions {
  scale: number;
  firstDay: number;
  lastDay: number;
}

/** Receives one attendance as a CSV line (columns as write.ts CSV_TYPES) and its day number. */
export type Emit = (line: string, day: number) => void;

interface Victim {
  demography: P.DemographyProfile | 'domestic';
  weapon: P.WeaponProfile;
}

const NTE_WEEKDAY_PROFILES = new Set<P.WeekdayProfile>(['nte', ...PREMISES_TYPES]);
const WEEKDAY = Object.fromEntries(
  Object.keys(P.WEEKDAYS).map((k) => [k, P.weekdayFactors(k as P.WeekdayProfile)]),
) as Record<P.WeekdayProfile, number[]>;
const HOUR_CATS = new Map<string, Categorical<number>>();
const PLACE_MIXES = new Map<string, Categorical<PlaceKind>>();
const ISO_DATES = new Map<number, string>();
const DOMESTIC_SPLIT = new Categorical<P.DemographyProfile>(['partner', 'family'], [0.62, 0.38]);

/** Load inputs from `dataDir` and build the world for a seed. */
export function buildWorld(dataDir: string, seed: number): World {
  const geo = loadGeo(dataDir);
  const premises = generatePremises(geo, hashString(`premises:${seed}`));
  const reserved = new Set(plantPremises(premises, 1).map((p) => p.premises.id));
  const byType = new Map<PremisesType, Categorical<Premises>>();
  let busiest = 0;
  for (const type of PREMISES_TYPES) {
    const list = premises.filter((p) => p.type === type && !reserved.has(p.id));
    const cat = new Categorical(
      list,
      list.map((p) => p.weight),
    );
    byType.set(type, cat);
    const typeYear =
      S.ANNUAL_ATTENDANCES *
      S.LICENSED_SHARE *
      TYPE_SPECS[type].share *
      (1 - S.P_PREMISES_UNRECORDED);
    for (const p of list) busiest = Math.max(busiest, (typeYear * p.weight) / cat.total);
  }
  const planted = plantPremises(premises, busiest);
  const places = buildPlaces(geo, premises, loadStations(dataDir), seed);
  return {seed, geo, premises, planted, places, sites: loadSites(dataDir), byType};
}

/** Simulate activity days `from`..`to` (inclusive), emitting records dated within the options. */
export function simulateRange(
  world: World,
  opts: SimOptions,
  from: number,
  to: number,
  emit: Emit,
) {
  for (let day = from; day <= to; day++) simulateDay(world, opts, day, emit);
}

/** Simulate one activity day; records after midnight carry the next date. */
export function simulateDay(world: World, opts: SimOptions, day: number, emit: Emit): void {
  const rng = new Rng(hashSeed(world.seed, day, 0x5eed));
  const fx = dayEffects(day);
  const weekend = isWeekendNight(day);
  const ctx = {world, opts, day, rng, weekend, fx, emit};
  const perDay = (S.ANNUAL_ATTENDANCES / 365) * opts.scale;

  for (const type of PREMISES_TYPES) {
    const lambda =
      perDay *
      S.LICENSED_SHARE *
      TYPE_SPECS[type].share *
      weekdayFactor(type, day) *
      fx.licensed[type];
    const n = rng.poisson(lambda);
    for (let i = 0; i < n; i++) {
      const premises = rng.chance(S.P_PREMISES_UNRECORDED)
        ? null
        : world.byType.get(type)!.sample(rng);
      licensedRecord(ctx, premises);
    }
  }
  for (const plant of world.planted) {
    const type = plant.premises.type;
    const lambda =
      (plant.ratePerYear(day) / 365) * opts.scale * weekdayFactor(type, day) * fx.licensed[type];
    const n = rng.poisson(lambda);
    for (let i = 0; i < n; i++) licensedRecord(ctx, plant.premises);
  }
  for (const spec of S.STREAMS) {
    const lambda = perDay * spec.share * weekdayFactor(spec.weekday, day) * fx.group[spec.group];
    const n = rng.poisson(lambda);
    const places = placeMix(spec);
    for (let i = 0; i < n; i++) {
      const spot = world.places.sample(rng, places.sample(rng));
      const hourIdx = hourCat(spec.hours, weekend, fx.nye).sample(rng);
      const geocoded = !rng.chance(spec.ungeocoded);
      record(ctx, hourIdx, spec.location, spot, geocoded, '', spec);
    }
  }
  for (const h of HOTSPOTS) {
    if (day < h.startDay) continue;
    const lambda = (h.ratePerYear / 365) * opts.scale * weekdayFactor('nte', day) * fx.group.nte;
    const n = rng.poisson(lambda);
    for (let i = 0; i < n; i++) {
      let spot: Spot | null = null;
      while (!spot) spot = world.places.around(rng, h.lat, h.lon, h.sigmaM);
      const hourIdx = hourCat('nte', weekend, fx.nye).sample(rng);
      record(ctx, hourIdx, 'street', spot, true, '', {demography: 'nte', weapon: 'nte'});
    }
  }
}

interface Ctx {
  world: World;
  opts: SimOptions;
  day: number;
  rng: Rng;
  weekend: boolean;
  fx: DayEffects;
  emit: Emit;
}

function licensedRecord(ctx: Ctx, premises: Premises | null) {
  const {rng, world, weekend, fx} = ctx;
  const closing = premises ? premises.closing : null;
  const key = `lic|${closing}|${weekend}|${fx.nye}`;
  let hours = HOUR_CATS.get(key);
  if (!hours) HOUR_CATS.set(key, (hours = P.closingHours(closing, weekend, fx.nye)));
  const hourIdx = hours.sample(rng);
  const victim: Victim = {demography: 'nte', weapon: 'licensed'};
  if (premises) {
    const spot = {cell: premises.cell, lsoa: premises.lsoa, lad: premises.lad};
    record(ctx, hourIdx, 'licensed_premises', spot, true, premises.id, victim);
  } else {
    const spot = world.places.sample(rng, 'premises');
    record(ctx, hourIdx, 'licensed_premises', spot, !rng.chance(0.3), '', victim);
  }
}

function record(
  ctx: Ctx,
  hourIdx: number,
  location: string,
  spot: Spot,
  geocoded: boolean,
  premisesId: string,
  victim: Victim,
) {
  const {rng, world, opts} = ctx;
  const date = ctx.day + (hourIdx + P.DAY_START_HOUR >= 24 ? 1 : 0);
  const hour = rng.chance(S.P_HOUR_MISSING) ? '' : String((hourIdx + P.DAY_START_HOUR) % 24);
  const profile = victim.demography === 'domestic' ? DOMESTIC_SPLIT.sample(rng) : victim.demography;
  const demo = P.DEMOGRAPHY[profile];
  const sex = demo.sex.sample(rng);
  const ageIdx = demo.age.sampleIndex(rng);
  const relationship = demo.relationship.sample(rng);
  const weapon = P.WEAPONS_BY_AGE[victim.weapon][ageIdx].sample(rng);
  const [lat, lon] = world.geo.cellCentres.get(spot.cell)!;
  const site = world.sites.choose(rng, spot.cell, lat, lon, date, ageIdx === 0);
  const lad = geocoded || rng.chance(S.P_LAD_WITHOUT_POINT) ? spot.lad : '';
  if (date < opts.firstDay || date > opts.lastDay) return;
  const line =
    `${isoDate(date)},${hour},${lad},${geocoded ? spot.lsoa : ''},${geocoded ? spot.cell : ''},` +
    `${location},${premisesId},${weapon},${sex},${P.AGE_BANDS[ageIdx]},${relationship},${site}`;
  ctx.emit(line, date);
}

function hourCat(name: P.HourProfile | 'nte', weekend: boolean, nye: boolean): Categorical<number> {
  const clockName: P.HourProfile =
    name === 'nte' ? (weekend ? 'nteWeekend' : 'nteWeeknight') : name;
  const key = `${clockName}|${nye}`;
  let cat = HOUR_CATS.get(key);
  if (!cat) HOUR_CATS.set(key, (cat = P.activityHours(P.HOURS[clockName], nye)));
  return cat;
}

/** Weekday multiplier; a night before a bank holiday counts as a weekend night. */
function weekdayFactor(profile: P.WeekdayProfile, day: number): number {
  const dow = weekdayOf(day);
  const f = WEEKDAY[profile];
  if (NTE_WEEKDAY_PROFILES.has(profile) && dow !== 4 && dow !== 5 && isWeekendNight(day)) {
    return Math.max(f[dow], f[5] * 0.85);
  }
  return f[dow];
}

function placeMix(spec: S.StreamSpec): Categorical<PlaceKind> {
  let mix = PLACE_MIXES.get(spec.id);
  if (!mix) {
    mix = new Categorical(
      spec.places.map(([k]) => k),
      spec.places.map(([, w]) => w),
    );
    PLACE_MIXES.set(spec.id, mix);
  }
  return mix;
}

function isoDate(day: number): string {
  let iso = ISO_DATES.get(day);
  if (!iso) ISO_DATES.set(day, (iso = isoOf(day)));
  return iso;
}
