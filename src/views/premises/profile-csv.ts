/**
 * One premises' profile as a CSV table for a report: every chart's values, withheld as the
 * evidence pack withholds them (each chart a line with its total; exports always apply min_count).
 */
import {ENUMS} from '../../data/schema';
import {formatHour} from '../../ui/format';
import {labelOf, WEEKDAY_LONG} from '../../ui/labels';
import {monthKinds} from '../evidence/month-rows';
import {
  isSuppressed,
  maskedText,
  partText,
  suppressionOf,
  type Suppression,
} from '../evidence/suppress';
import type {CsvTable} from '../export/csv';
import {NIGHT_ORDER} from './hour-axis';
import type {ProfileData} from './useProfile';

type Cell = string | number | null;

/** A count as published: the number, or its withheld text. */
function published(n: number, kind: Suppression, minCount: number): Cell {
  return kind === null ? n : maskedText(n, kind, minCount);
}

/** Rows (section, item, attendances) of one chart's values, suppressed as one line. */
function line(section: string, items: readonly [string, number][], minCount: number): Cell[][] {
  const kinds = suppressionOf(
    items.map(([, n]) => n),
    minCount,
  );
  return items.map(([item, n], i) => [section, item, published(n, kinds[i], minCount)]);
}

/** Rows: Section, Item, Attendances; which sections depend on what the dataset records. */
export function profileCsv(
  data: ProfileData,
  minCount: number,
  grain: 'day' | 'week' | 'month',
  hasHours: boolean,
): CsvTable {
  const single = (n: number): Cell => (isSuppressed(n, minCount) ? `<${minCount}` : n);
  const rows: Cell[][] = [['Total', 'All attendances', single(data.total)]];
  const months = monthKinds(data.months, data.monthly, minCount);
  data.months.forEach((m, i) =>
    rows.push(['Month', m, published(data.monthly[i], months[i], minCount)]),
  );
  if (hasHours && grain !== 'month') {
    const hours = NIGHT_ORDER.map((h) => data.byHour.get(h) ?? 0);
    rows.push(
      ...line(
        'Hour of the assault',
        NIGHT_ORDER.map((h, i) => [formatHour(h), hours[i]]),
        minCount,
      ),
    );
    if (data.unknownHour > 0)
      rows.push(['Hour of the assault', 'Not recorded', single(data.unknownHour)]);
    const closing = data.details?.closingTime;
    if (data.after && closing) {
      const after = new Set(data.after.hours);
      const part = partText(
        hours,
        NIGHT_ORDER.map((h) => after.has(h)),
        minCount,
      );
      rows.push([
        'After closing',
        `Attendances with a recorded hour, from closing (${closing}) to 06:00`,
        part.hidden ? part.text : part.n,
      ]);
    }
  }
  if (grain === 'day') {
    rows.push(
      ...line(
        'Day of the week',
        WEEKDAY_LONG.map((d, i) => [d, data.byWeekday[i]]),
        minCount,
      ),
    );
  }
  rows.push(
    ...line(
      'Weapon',
      data.weapons.map((w) => [labelOf(w.code), w.n]),
      minCount,
    ),
  );
  // Age and sex as two lines, as the pack prints them: a cross-table's margins would pin its cells.
  const ages = ENUMS.age_band.filter((a) => data.ageSex.has(a));
  const sum = (values: Iterable<number>) => [...values].reduce((s, n) => s + n, 0);
  rows.push(
    ...line(
      'Age band',
      ages.map((a) => [labelOf(a), sum(data.ageSex.get(a)!.values())]),
      minCount,
    ),
  );
  const sexes = ENUMS.sex.map((s): [string, number] => [
    labelOf(s),
    sum(ages.map((a) => data.ageSex.get(a)?.get(s) ?? 0)),
  ]);
  rows.push(
    ...line(
      'Sex',
      sexes.filter(([, n]) => n > 0),
      minCount,
    ),
  );
  return {columns: ['Section', 'Item', 'Attendances'], rows};
}
