/** The kinds of assault the simulation draws, besides licensed premises and planted hotspots. */
import type {Group} from './calendar';
import type {DemographyProfile, HourProfile, WeaponProfile, WeekdayProfile} from './profiles';
import type {PlaceKind} from './spatial';

/** Attendances a year at normal trading, before seasons, events and restrictions. */
export const ANNUAL_ATTENDANCES = 14_800;

/** Share of attendances at licensed premises. */
export const LICENSED_SHARE = 0.18;

/** Share of licensed-premises attendances whose premises was not recorded. */
export const P_PREMISES_UNRECORDED = 0.12;

/** Share of attendances whose hour was not recorded. */
export const P_HOUR_MISSING = 0.06;

/** Share of non-geocoded attendances that still carry a local authority. */
export const P_LAD_WITHOUT_POINT = 0.7;

/** One kind of assault: where, when and to whom. */
export interface StreamSpec {
  id: string;
  location: string;
  share: number;
  group: Group;
  weekday: WeekdayProfile;
  hours: HourProfile | 'nte';
  demography: DemographyProfile | 'domestic';
  weapon: WeaponProfile;
  places: [PlaceKind, number][];
  ungeocoded: number;
}

/** Every non-licensed stream; shares plus LICENSED_SHARE sum to 1. */
export const STREAMS: readonly StreamSpec[] = [
  {
    id: 'street-night',
    location: 'street',
    share: 0.19,
    group: 'nte',
    weekday: 'nte',
    hours: 'nte',
    demography: 'nte',
    weapon: 'nte',
    places: [
      ['premises', 0.55],
      ['centre', 0.35],
      ['residential', 0.1],
    ],
    ungeocoded: 0.025,
  },
  {
    id: 'street-day',
    location: 'street',
    share: 0.17,
    group: 'day',
    weekday: 'streetDay',
    hours: 'streetDay',
    demography: 'streetDay',
    weapon: 'streetDay',
    places: [
      ['centreWide', 0.45],
      ['residential', 0.55],
    ],
    ungeocoded: 0.025,
  },
  {
    id: 'domestic',
    location: 'home',
    share: 0.17,
    group: 'home',
    weekday: 'home',
    hours: 'domestic',
    demography: 'domestic',
    weapon: 'home',
    places: [['residential', 1]],
    ungeocoded: 0.02,
  },
  {
    id: 'home-other',
    location: 'home',
    share: 0.03,
    group: 'home',
    weekday: 'home',
    hours: 'general',
    demography: 'homeOther',
    weapon: 'home',
    places: [['residential', 1]],
    ungeocoded: 0.02,
  },
  {
    id: 'transport',
    location: 'public_transport',
    share: 0.045,
    group: 'pt',
    weekday: 'transport',
    hours: 'transport',
    demography: 'transport',
    weapon: 'transport',
    places: [
      ['station', 0.6],
      ['centre', 0.4],
    ],
    ungeocoded: 0.025,
  },
  {
    id: 'school',
    location: 'school',
    share: 0.02,
    group: 'school',
    weekday: 'school',
    hours: 'school',
    demography: 'school',
    weapon: 'school',
    places: [['residential', 1]],
    ungeocoded: 0.02,
  },
  {
    id: 'work',
    location: 'workplace',
    share: 0.04,
    group: 'work',
    weekday: 'work',
    hours: 'work',
    demography: 'work',
    weapon: 'work',
    places: [
      ['centreWide', 0.55],
      ['residential', 0.45],
    ],
    ungeocoded: 0.025,
  },
  {
    id: 'other',
    location: 'other',
    share: 0.085,
    group: 'day',
    weekday: 'general',
    hours: 'general',
    demography: 'general',
    weapon: 'general',
    places: [
      ['centreWide', 0.4],
      ['residential', 0.6],
    ],
    ungeocoded: 0.035,
  },
  {
    id: 'unknown',
    location: 'unknown',
    share: 0.07,
    group: 'day',
    weekday: 'general',
    hours: 'general',
    demography: 'general',
    weapon: 'general',
    places: [
      ['centreWide', 0.3],
      ['residential', 0.7],
    ],
    ungeocoded: 0.25,
  },
];
