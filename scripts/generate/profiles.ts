/** Hour-of-day, weekday, demographic and weapon distributions for each kind of assault. */
import {Categorical} from './random';

/** Schema v1 `sex` values. */
export const SEXES = ['male', 'female', 'unknown'] as const;
/** Schema v1 `age_band` values, youngest first. */
export const AGE_BANDS = ['0-15', '16-17', '18-24', '25-34', '35-49', '50-64', '65+', 'unknown'];
/** Schema v1 `relationship` values. */
export const RELATIONSHIPS = [
  'stranger',
  'acquaintance',
  'partner_ex',
  'family',
  'other',
  'unknown',
];
/** Schema v1 `weapon` values. */
export const WEAPONS = [
  'body',
  'knife_sharp',
  'blunt',
  'glass_bottle',
  'firearm',
  'other',
  'unknown',
];

/** The hour an activity day starts: its hours run 06:00 to 05:59 the next morning. */
export const DAY_START_HOUR = 6;

/** Weights by clock hour 0–23. */
export const HOURS = {
  nteWeekend: [
    10, 11, 10, 7, 3.5, 1.2, 0.2, 0.2, 0.2, 0.2, 0.3, 0.4, 0.6, 0.7, 0.8, 0.9, 1, 1.2, 1.5, 2, 2.8,
    4, 6, 8.5,
  ],
  nteWeeknight: [
    6, 4.5, 3, 1.8, 0.9, 0.4, 0.2, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 0.9, 1, 1.1, 1.2, 1.4, 1.8, 2.5,
    3.3, 4.5, 6, 7,
  ],
  streetDay: [
    1.2, 0.9, 0.7, 0.5, 0.4, 0.4, 0.5, 1, 1.5, 1.8, 2.2, 2.6, 3, 3.3, 3.6, 4.4, 4.8, 4.8, 4.5, 4,
    3.5, 3, 2.5, 1.8,
  ],
  domestic: [
    3.8, 2.8, 2, 1.4, 1, 0.8, 0.8, 1.2, 1.5, 1.8, 2, 2.2, 2.4, 2.5, 2.6, 2.8, 3.2, 3.6, 4.2, 4.8,
    5.2, 5.5, 5.4, 4.8,
  ],
  transport: [
    2.5, 1.5, 0.8, 0.4, 0.3, 0.5, 1, 2, 3.5, 2.5, 1.8, 1.8, 2, 2, 2.2, 3, 3.5, 4, 3.5, 3, 2.6, 2.8,
    3.2, 3.5,
  ],
  school: [0, 0, 0, 0, 0, 0, 0, 0.1, 2, 3, 4, 4, 5, 5, 4, 6, 2, 0.5, 0.1, 0, 0, 0, 0, 0],
  work: [
    0.6, 0.5, 0.4, 0.4, 0.4, 0.5, 0.8, 1.5, 2.5, 3, 3.2, 3.4, 3.6, 3.5, 3.4, 3.4, 3.5, 3.2, 2.6,
    2.2, 2, 1.8, 1.4, 1,
  ],
  general: [
    2, 1.6, 1.2, 0.9, 0.6, 0.5, 0.6, 1, 1.4, 1.8, 2.2, 2.5, 2.8, 3, 3.2, 3.5, 3.8, 3.9, 3.8, 3.6,
    3.4, 3.2, 2.9, 2.5,
  ],
};

/** Name of an hour profile. */
export type HourProfile = keyof typeof HOURS;

/** Weights by weekday of the activity day, Monday first (normalised to mean 1 on use). */
export const WEEKDAYS = {
  nte: [0.5, 0.5, 0.65, 0.85, 2, 2.3, 0.75],
  streetDay: [1, 1, 1, 1, 1.05, 1.15, 0.85],
  home: [0.9, 0.85, 0.85, 0.9, 1.1, 1.25, 1.15],
  transport: [1.1, 1.1, 1.1, 1.1, 1.15, 1, 0.6],
  school: [1.4, 1.4, 1.4, 1.4, 1.4, 0, 0],
  work: [1.2, 1.2, 1.2, 1.2, 1.2, 0.6, 0.3],
  general: [0.95, 0.9, 0.9, 0.95, 1.1, 1.2, 1],
  pub: [0.6, 0.6, 0.7, 0.9, 1.7, 2, 1.1],
  bar: [0.45, 0.45, 0.6, 0.9, 2, 2.4, 0.7],
  nightclub: [0.2, 0.2, 0.5, 1, 2.4, 2.9, 0.3],
  restaurant: [0.7, 0.7, 0.8, 0.9, 1.3, 1.5, 1.1],
  late_night_refreshment: [0.5, 0.5, 0.6, 0.8, 2, 2.4, 0.8],
  off_licence: [0.9, 0.9, 0.9, 1, 1.2, 1.2, 0.9],
  hotel: [0.8, 0.8, 0.8, 0.9, 1.3, 1.6, 0.8],
  other: [0.6, 0.6, 0.7, 0.9, 1.5, 1.9, 1],
};

/** Name of a weekday profile. */
export type WeekdayProfile = keyof typeof WEEKDAYS;

/** Who is assaulted: sex, age band and relationship to the assailant. */
export interface Demography {
  sex: Categorical<string>;
  age: Categorical<string>;
  relationship: Categorical<string>;
}

const demo = (sex: number[], age: number[], rel: number[]): Demography => ({
  sex: new Categorical([...SEXES], sex),
  age: new Categorical(AGE_BANDS, age),
  relationship: new Categorical(RELATIONSHIPS, rel),
});

// sex: male, female, unknown | age: 0-15 … 65+, unknown | relationship: stranger … unknown
/** Demographic profiles by kind of assault. */
export const DEMOGRAPHY = {
  nte: demo([82, 17, 1], [0, 2, 42, 32, 16, 5, 1, 2], [58, 24, 3, 2, 6, 7]),
  streetDay: demo([76, 23, 1], [8, 10, 28, 22, 19, 8, 3, 2], [50, 30, 4, 4, 5, 7]),
  partner: demo([19, 80, 1], [0, 2, 20, 35, 30, 10, 2, 1], [0, 0, 1, 0, 0, 0]),
  family: demo([47, 52, 1], [10, 8, 17, 20, 22, 13, 8, 2], [0, 0, 0, 1, 0, 0]),
  homeOther: demo([72, 27, 1], [6, 6, 26, 26, 20, 10, 4, 2], [25, 55, 0, 0, 10, 10]),
  transport: demo([75, 24, 1], [3, 8, 32, 26, 20, 8, 2, 1], [70, 15, 0, 0, 8, 7]),
  school: demo([62, 37, 1], [70, 22, 0, 3, 4, 0, 0, 1], [10, 75, 0, 0, 10, 5]),
  work: demo([58, 41, 1], [0, 2, 20, 30, 28, 16, 3, 1], [50, 25, 0, 0, 15, 10]),
  general: demo([72, 26, 2], [6, 6, 27, 24, 20, 10, 3, 4], [40, 30, 5, 5, 10, 10]),
};

/** Name of a demographic profile. */
export type DemographyProfile = keyof typeof DEMOGRAPHY;

// body, knife_sharp, blunt, glass_bottle, firearm, other, unknown
/** Weapon weights by kind of assault, before the age adjustment. */
export const WEAPON_WEIGHTS = {
  licensed: [62, 2.5, 4, 20, 0.1, 5, 6.4],
  nte: [70, 6, 5, 6, 0.3, 4, 7.7],
  streetDay: [66, 9, 8, 1, 0.4, 6, 9.6],
  home: [72, 6, 9, 1, 0.05, 7, 6],
  transport: [72, 6, 5, 3, 0.2, 5, 8.8],
  school: [85, 4, 3, 0, 0, 5, 3],
  work: [70, 4, 8, 3, 0, 8, 7],
  general: [64, 7, 7, 3, 0.3, 7, 11.7],
};

/** Name of a weapon profile. */
export type WeaponProfile = keyof typeof WEAPON_WEIGHTS;

/** Knife and firearm multipliers by age band (young people carry knives more). */
const KNIFE_BY_AGE = [1.5, 2.8, 2.2, 1, 0.6, 0.45, 0.3, 1];
const FIREARM_BY_AGE = [0.5, 2, 2, 1, 0.5, 0.2, 0.1, 1];

/** Weapon distribution for each (weapon profile, age band index), built once. */
export const WEAPONS_BY_AGE = Object.fromEntries(
  Object.entries(WEAPON_WEIGHTS).map(([name, w]) => [
    name,
    AGE_BANDS.map((_, a) => {
      const adj = [...w];
      adj[1] *= KNIFE_BY_AGE[a];
      adj[4] *= FIREARM_BY_AGE[a];
      return new Categorical(WEAPONS, adj);
    }),
  ]),
) as Record<WeaponProfile, Categorical<string>[]>;

/** An hour profile as a distribution over activity-day hours (index 0 = 06:00). */
export function activityHours(clock: readonly number[], nye = false): Categorical<number> {
  const weights = Array.from({length: 24}, (_, i) => {
    const hour = (i + DAY_START_HOUR) % 24;
    return clock[hour] * (nye && hour < 4 ? 2.5 : 1);
  });
  return new Categorical(
    Array.from({length: 24}, (_, i) => i),
    weights,
  );
}

/** Hours around a premises' closing time: the crowd leaving is when fights happen. */
export function closingHours(
  closing: string | null,
  weekend: boolean,
  nye: boolean,
): Categorical<number> {
  const [hh, mm] = (closing ?? '01:30').split(':').map(Number);
  let a = (hh + mm / 60 - DAY_START_HOUR + 24) % 24;
  if (!weekend) a -= closing && hh >= 3 && hh < 6 ? 0.5 : 1;
  if (nye) a += 1;
  const weights = Array.from({length: 24}, (_, i) => {
    const d = i - a;
    return d <= 0 ? 0.03 + Math.exp(d / 1.5) : 0.03 + Math.exp(-d * 1.6);
  });
  return new Categorical(
    Array.from({length: 24}, (_, i) => i),
    weights,
  );
}

/** A weekday profile normalised to mean 1. */
export function weekdayFactors(name: WeekdayProfile): number[] {
  const w = WEEKDAYS[name];
  const mean = w.reduce((s, x) => s + x, 0) / w.length;
  return w.map((x) => x / mean);
}
