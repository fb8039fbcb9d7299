/**
 * One premises' profile as a CSV table for a report: every chart's values, withheld as the
 * evidence pack withholds them (each chart a line with its total; exports always apply min_count).
 */
import {publishedOrder} from '../../analysis/disclosure';
import {ENUMS} from '../../data/schema';
import {formatHour} from '../../ui/format';
import {labelOf, WEEKDAY_LONG} from '../../ui/labels';
import {monthKinds} from '../evidence/month-rows';
import {
  hourLine,
  isSuppressed,
  maskedText,
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

/**
 * Rows (section, item, attendances) of one chart's values, suppressed as one line; `byCount`:
 * the items are largest first, so the withheld ones go last (see disclosure.ts `publishedOrder`).
 */
function line(
  section: string,
  items: readonly [string, number][],
  minCount: number,
  byCount = false,
): Cell[][] {
  const kinds = suppressionOf(
    items.map(([, n]) => n),
    minCount,
  );
  const hidden = kinds.map((k) => k !== null);
  const order = byCount ? publishedOrder(hidden, (i) => items[i][0]) : items.map((_, i) => i);
  return order.map((i) => [section, items[i][0], published(items[i][1], kinds[i], minCount)]);
}

/** The hours and the attendances with no recorded hour (one line with the total), after closing. */
function hourRows(data: ProfileData, minCount: number): Cell[][] {
  const section = 'Hour of the assault';
  const hours = hourLine(data.byHour, data.unknownHour, NIGHT_ORDER, minCount);
  if (hours.withheld) return [[section, 'Every hour, and after closing', 'withheld']];
  const rows: Cell[][] = NIGHT_ORDER.map((h, i) => [
    section,
    formatHour(h),
    published(hours.values[i], hours.kinds[i], minCount),
  ]);
  if (data.unknownHour > 0) {
    rows.push([section, 'Not recorded', published(data.unknownHour, hours.unknownKind, minCount)]);
  }
  const closing = data.details?.closingTime;
  if (data.after && closing) {
    const after = new Set(data.after.hours);
    const part = hours.part(NIGHT_ORDER.map((h) => after.has(h)));
    rows.push([
      'After closing',
      `Attendances with a recorded hour, from closing (${closing}) to 06:00`,
      part.hidden ? part.text : part.n,
    ]);
  }
  return rows;
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
  if (hasHours && grain !== 'month') rows.push(...hourRows(data, minCount));
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
      true,
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
