/** Words for codes: enum values, weekdays and filter names. */
import type {FilterKey} from '../state/filters';

const LABELS: Record<string, string> = {
  licensed_premises: 'Licensed premises',
  street: 'Street',
  home: 'Home',
  public_transport: 'Public transport',
  school: 'School',
  workplace: 'Workplace',
  other: 'Other',
  unknown: 'Unknown',
  body: 'Body (hands, feet)',
  knife_sharp: 'Knife / sharp object',
  blunt: 'Blunt object',
  glass_bottle: 'Glass / bottle',
  firearm: 'Firearm',
  male: 'Male',
  female: 'Female',
  stranger: 'Stranger',
  acquaintance: 'Acquaintance',
  partner_ex: 'Partner / ex-partner',
  family: 'Family member',
  '65+': '65 and over',
};

/** A readable label for a code. */
export function labelOf(code: string): string {
  return LABELS[code] ?? code;
}

/** Filter names as the filter bar and chips say them. */
export const FILTER_NAMES: Record<FilterKey, string> = {
  dates: 'Dates',
  hours: 'Hours',
  days: 'Days',
  night: 'Night-of',
  lad: 'Local authority',
  loc: 'Location type',
  weapon: 'Weapon',
  sex: 'Sex',
  age: 'Age band',
  rel: 'Relationship',
  site: 'ED site',
};

/** Short and long weekday names, ISO order. */
export const WEEKDAY_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
export const WEEKDAY_LONG = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
];
