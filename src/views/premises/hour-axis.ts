/** The hour-of-night axis: hours from 06:00 round to 05:00, so a night reads left to right. */
import {minutesOf, NIGHT_END_HOUR} from './after-closing';

/** Hours in axis order: 6, 7, ..., 23, 0, ..., 5. */
export const NIGHT_ORDER: number[] = Array.from({length: 24}, (_, i) => (i + NIGHT_END_HOUR) % 24);

/** The axis position (in bars from the left edge) of an 'HH:MM' time, or null. */
export function axisPositionOf(time: string | null | undefined): number | null {
  const minutes = minutesOf(time);
  if (minutes === null) return null;
  const hours = minutes / 60;
  return (hours - NIGHT_END_HOUR + 24) % 24;
}
