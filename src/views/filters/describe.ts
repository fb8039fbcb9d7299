/** Active filters in words, for chips and presenter captions. */
import type {Filters, FilterKey} from '../../state/filters';
import {formatDate, formatHour, formatRange} from '../../ui/format';
import {FILTER_NAMES, labelOf, WEEKDAY_SHORT} from '../../ui/labels';

/** A chip: the filter, its name and its value in words. */
export interface Chip {
  key: FilterKey;
  name: string;
  text: string;
}

/** One chip per active filter, in filter-bar order. */
export function chipsOf(
  filters: Filters,
  names: {lad: Map<string, string>; site: Map<string, string>},
  data: {start: string; end: string},
): Chip[] {
  const chips: Chip[] = [];
  const add = (key: FilterKey, text: string) => chips.push({key, name: FILTER_NAMES[key], text});
  if (filters.dates) {
    const {from, to} = filters.dates;
    // An open end is the data's; a range past it is said as chosen, not turned back to front.
    add(
      'dates',
      from && !to && from > data.end
        ? `from ${formatDate(from)}`
        : to && !from && to < data.start
          ? `until ${formatDate(to)}`
          : formatRange(from ?? data.start, to ?? data.end),
    );
  }
  if (filters.hours) {
    const {start, end} = filters.hours;
    add(
      'hours',
      `${formatHour(start)}–${end === 24 ? '24:00' : formatHour(end)}${start >= end ? ' (crosses midnight)' : ''}`,
    );
  }
  if (filters.days) add('days', filters.days.map((d) => WEEKDAY_SHORT[d - 1]).join(', '));
  if (filters.night) add('night', 'hours before 06:00 count toward the previous day');
  for (const key of ['lad', 'loc', 'weapon', 'sex', 'age', 'rel', 'site'] as const) {
    const codes = filters[key];
    if (!codes?.length) continue;
    const label = (c: string) =>
      key === 'lad'
        ? (names.lad.get(c) ?? c)
        : key === 'site'
          ? (names.site.get(c) ?? c)
          : labelOf(c);
    const words = codes.map(label);
    add(
      key,
      words.length > 3 ? `${words.slice(0, 2).join(', ')} +${words.length - 2}` : words.join(', '),
    );
  }
  return chips;
}
