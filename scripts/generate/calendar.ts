/** Dates, bank holidays, COVID-19 restrictions, seasons and events, as daily multipliers. */
import {PREMISES_TYPES, type PremisesType} from './premises';

/** Activity groups that share calendar effects. */
export type Group = 'nte' | 'day' | 'home' | 'pt' | 'school' | 'work';

/** Multipliers for one activity day (the day from 06:00 to 06:00 next morning). */
export interface DayEffects {
  group: Record<Group, number>;
  licensed: Record<PremisesType, number>;
  /** New Year's Eve: the night peaks after midnight. */
  nye: boolean;
}

/** A dated annotation for the manifest. */
export interface CalendarEvent {
  date: string;
  label: string;
}

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of an ISO date. */
export function dayOf(iso: string): number {
  return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / MS_PER_DAY;
}

/** ISO date of a day number. */
export function isoOf(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Weekday of a day number, 0 = Monday … 6 = Sunday. */
export function weekdayOf(day: number): number {
  return (day + 3) % 7;
}

/** England and Wales bank holidays 2021–2025 (and the first of 2026). */
export const BANK_HOLIDAYS = new Set(
  (
    '2021-01-01 2021-04-02 2021-04-05 2021-05-03 2021-05-31 2021-08-30 2021-12-27 2021-12-28 ' +
    '2022-01-03 2022-04-15 2022-04-18 2022-05-02 2022-06-02 2022-06-03 2022-08-29 2022-09-19 ' +
    '2022-12-26 2022-12-27 2023-01-02 2023-04-07 2023-04-10 2023-05-01 2023-05-08 2023-05-29 ' +
    '2023-08-28 2023-12-25 2023-12-26 2024-01-01 2024-03-29 2024-04-01 2024-05-06 2024-05-27 ' +
    '2024-08-26 2024-12-25 2024-12-26 2025-01-01 2025-04-18 2025-04-21 2025-05-05 2025-05-26 ' +
    '2025-08-25 2025-12-25 2025-12-26 2026-01-01'
  ).split(' '),
);

/** Events for the manifest's timeline annotations. */
export const EVENTS: readonly CalendarEvent[] = [
  ['2021-01-06', 'Third national lockdown (hospitality closed)'],
  ['2021-03-08', 'Schools reopen (roadmap step 1)'],
  ['2021-04-12', 'Outdoor hospitality reopens'],
  ['2021-05-17', 'Indoor hospitality reopens'],
  ['2021-07-11', 'Euro 2020 final (England v Italy)'],
  ['2021-07-19', 'Remaining restrictions lifted; nightclubs reopen'],
  ['2021-12-10', 'Plan B measures (Omicron)'],
  ['2022-01-27', 'Plan B measures end'],
  ['2022-06-02', 'Platinum Jubilee weekend (2-5 June)'],
  ['2022-07-28', 'Commonwealth Games, Birmingham (28 July - 8 August)'],
  ['2022-12-10', 'World Cup quarter-final (England v France)'],
  ['2022-12-18', 'World Cup 2022 final'],
  ['2023-05-06', 'Coronation weekend (6-8 May)'],
  ['2024-07-10', 'Euro 2024 semi-final (England v Netherlands)'],
  ['2024-07-14', 'Euro 2024 final (England v Spain)'],
  ['2024-10-06', 'Midland Metropolitan University Hospital opens (City and Sandwell EDs close)'],
].map(([date, label]) => ({date, label}));

/** England men's tournament matches (activity day), and how big a night each was. */
const MATCH_NIGHTS: Record<string, number> = {
  '2021-06-13': 1.2,
  '2021-06-18': 1.35,
  '2021-06-22': 1.3,
  '2021-06-29': 1.4,
  '2021-07-03': 1.5,
  '2021-07-07': 1.6,
  '2021-07-11': 1.8,
  '2022-11-21': 1.15,
  '2022-11-25': 1.35,
  '2022-11-29': 1.3,
  '2022-12-04': 1.3,
  '2022-12-10': 1.7,
  '2022-12-18': 1.1,
  '2024-06-16': 1.35,
  '2024-06-20': 1.25,
  '2024-06-25': 1.3,
  '2024-06-30': 1.35,
  '2024-07-06': 1.45,
  '2024-07-10': 1.6,
  '2024-07-14': 1.8,
};

const SEASON: Record<Group, number[]> = {
  nte: [0.86, 0.85, 0.95, 1.0, 1.05, 1.08, 1.12, 1.08, 1.0, 1.0, 0.94, 1.14],
  day: [0.9, 0.9, 0.96, 1.0, 1.05, 1.08, 1.1, 1.06, 1.0, 1.0, 0.96, 1.0],
  home: [1.02, 0.95, 0.97, 0.98, 1.0, 1.02, 1.06, 1.04, 0.96, 0.97, 0.96, 1.08],
  pt: [0.95, 0.95, 1.0, 1.0, 1.02, 1.02, 1.0, 0.95, 1.02, 1.03, 1.0, 1.06],
  school: [1.05, 1.1, 1.15, 0.75, 1.15, 1.2, 0.8, 0.05, 1.15, 1.1, 1.2, 0.8],
  work: [0.97, 0.98, 1.0, 1.0, 1.0, 1.0, 1.0, 0.98, 1.0, 1.0, 1.02, 1.06],
};

const TREND: [string, number][] = [
  ['2021-01-01', 0.97],
  ['2022-07-01', 1.04],
  ['2023-07-01', 1.02],
  ['2025-12-31', 0.96],
];

const CLOSED = {pub: 0, bar: 0, nightclub: 0, restaurant: 0, hotel: 0, other: 0};
const OUTDOOR = {pub: 0.35, bar: 0.35, nightclub: 0, restaurant: 0.35, hotel: 0.35, other: 0.35};
const INDOOR = {pub: 0.7, bar: 0.7, nightclub: 0, restaurant: 0.8, hotel: 0.7, other: 0.7};
const TAKEAWAY_ONLY = {late_night_refreshment: 0.3, off_licence: 0.3};

// from, until (exclusive), group multipliers, licensed-premises multipliers (missing = 1)
const RESTRICTIONS: [
  string,
  string,
  Partial<Record<Group, number>>,
  Partial<Record<PremisesType, number>>,
][] = [
  [
    '2020-12-01',
    '2021-03-08',
    {nte: 0.45, day: 0.82, home: 1.15, pt: 0.5, school: 0.1, work: 0.7},
    {...CLOSED, ...TAKEAWAY_ONLY},
  ],
  [
    '2021-03-08',
    '2021-04-12',
    {nte: 0.45, day: 0.85, home: 1.15, pt: 0.5, work: 0.7},
    {...CLOSED, ...TAKEAWAY_ONLY},
  ],
  [
    '2021-04-12',
    '2021-05-17',
    {nte: 0.7, day: 0.92, home: 1.08, pt: 0.7, work: 0.8},
    {...OUTDOOR, late_night_refreshment: 0.7},
  ],
  [
    '2021-05-17',
    '2021-07-19',
    {nte: 0.85, day: 0.97, home: 1.03, pt: 0.85, work: 0.9},
    {...INDOOR, late_night_refreshment: 0.9},
  ],
  ['2021-07-19', '2021-09-01', {nte: 1.08}, {pub: 1.1, bar: 1.1, nightclub: 1.15}],
  ['2021-12-10', '2022-01-27', {nte: 0.9}, {pub: 0.88, bar: 0.88, nightclub: 0.8}],
];

/** Whether the night of this activity day runs into a non-working day. */
export function isWeekendNight(day: number): boolean {
  const dow = weekdayOf(day);
  return dow === 4 || dow === 5 || BANK_HOLIDAYS.has(isoOf(day + 1));
}

/** Every calendar multiplier for one activity day. */
export function dayEffects(day: number): DayEffects {
  const iso = isoOf(day);
  const month = +iso.slice(5, 7) - 1;
  const trend = trendAt(day);
  const group = {} as Record<Group, number>;
  for (const g of Object.keys(SEASON) as Group[]) group[g] = SEASON[g][month] * trend;
  const licensed = {} as Record<PremisesType, number>;
  for (const t of PREMISES_TYPES) licensed[t] = SEASON.nte[month] * trend;
  applyRestrictions(iso, group, licensed);
  const nte = nteEvent(iso);
  group.nte *= nte;
  for (const t of PREMISES_TYPES) licensed[t] *= nte;
  group.home *= homeEvent(iso);
  if (iso.endsWith('-12-25')) {
    for (const t of PREMISES_TYPES) licensed[t] *= 0.35;
  }
  return {group, licensed, nye: iso.endsWith('-12-31')};
}

function applyRestrictions(
  iso: string,
  g: Record<Group, number>,
  lic: Record<PremisesType, number>,
) {
  const step = RESTRICTIONS.find(([from, until]) => iso >= from && iso < until);
  if (!step) return;
  for (const [k, v] of Object.entries(step[2])) g[k as Group] *= v;
  for (const [k, v] of Object.entries(step[3])) lic[k as PremisesType] *= v;
}

function nteEvent(iso: string): number {
  const md = iso.slice(5);
  let f = MATCH_NIGHTS[iso] ?? 1;
  if (md === '12-31') f *= 2.4;
  else if (md === '12-24') f *= 1.35;
  else if (md === '12-25') f *= 0.6;
  else if (md === '12-26') f *= 1.1;
  else if (md === '10-31') f *= 1.15;
  if (isMadFriday(iso)) f *= 1.6;
  if (iso >= '2022-06-02' && iso <= '2022-06-05') f *= 1.3;
  if (iso >= '2023-05-06' && iso <= '2023-05-07') f *= 1.25;
  if (iso >= '2022-07-28' && iso <= '2022-08-08') f *= 1.12;
  return f;
}

function homeEvent(iso: string): number {
  const md = iso.slice(5);
  let f = 1 + ((MATCH_NIGHTS[iso] ?? 1) - 1) * 0.6;
  if (md === '12-31') f *= 1.5;
  else if (md === '12-25') f *= 1.7;
  else if (md === '12-26') f *= 1.3;
  return f;
}

/** The last Friday before Christmas, a big night out. */
function isMadFriday(iso: string): boolean {
  const day = dayOf(iso);
  if (weekdayOf(day) !== 4 || iso.slice(5, 7) !== '12') return false;
  const dom = +iso.slice(8, 10);
  return dom >= 17 && dom <= 23;
}

function trendAt(day: number): number {
  for (let i = 1; i < TREND.length; i++) {
    const d0 = dayOf(TREND[i - 1][0]);
    const d1 = dayOf(TREND[i][0]);
    if (day <= d1 || i === TREND.length - 1) {
      const t = Math.min(1, Math.max(0, (day - d0) / (d1 - d0)));
      return TREND[i - 1][1] + t * (TREND[i][1] - TREND[i - 1][1]);
    }
  }
  return 1;
}
