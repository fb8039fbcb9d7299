/** "After closing time": whole hours from a premises' closing time until the end of the night. */

/** The night ends at 06:00, as night-of attribution does. */
export const NIGHT_END_HOUR = 6;

/** The definition, in words, for the profile and the evidence pack. */
export const AFTER_CLOSING_DEFINITION =
  'After closing: attendances in the whole hours from closing time (rounded up to the hour) ' +
  'until 06:00; e.g. closing at 02:00 counts 02:00–05:59 and closing at 23:30 counts ' +
  '00:00–05:59. Attendances with no recorded hour are left out of the share.';

/** Minutes after midnight of an 'HH:MM' time, or null when it is not one. */
export function minutesOf(time: string | null | undefined): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(time ?? '');
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h <= 24 && min < 60 ? (h * 60 + min) % (24 * 60) : null;
}

/**
 * The hours (0-23) that count as after closing, in night order, or null when the closing time
 * is unknown. A closing time in the morning after 06:00 leaves none.
 */
export function afterClosingHours(closing: string | null | undefined): number[] | null {
  const minutes = minutesOf(closing);
  if (minutes === null) return null;
  const first = Math.ceil(minutes / 60) % 24;
  if (first >= NIGHT_END_HOUR && first < 12) return [];
  const hours: number[] = [];
  for (let h = first; h !== NIGHT_END_HOUR; h = (h + 1) % 24) hours.push(h);
  return hours;
}

/** Attendances after closing and the share of those with a recorded hour. */
export interface AfterClosing {
  hours: number[];
  after: number;
  /** Attendances with a recorded hour. */
  known: number;
  /** after / known, or null when no hour is recorded. */
  share: number | null;
}

/** Count attendances after closing from counts by hour (0-23). */
export function afterClosingOf(
  byHour: ReadonlyMap<number, number>,
  closing: string | null | undefined,
): AfterClosing | null {
  const hours = afterClosingHours(closing);
  if (hours === null) return null;
  let known = 0;
  for (const n of byHour.values()) known += n;
  const after = hours.reduce((s, h) => s + (byHour.get(h) ?? 0), 0);
  return {hours, after, known, share: known > 0 ? after / known : null};
}
