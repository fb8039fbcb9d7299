/** The breakdowns as published: every dimension's counts with small numbers suppressed in it. */
import {publishedOrder, suppressList} from '../../analysis/disclosure';
import type {Row} from '../../data/connector';
import type {ListFilter} from '../../data/sql/clauses';
import {FILTER_NAMES, labelOf} from '../../ui/labels';

/** One value of a dimension: its count, whether it is withheld, and its share of the total. */
export interface PublishedValue {
  code: string;
  label: string;
  n: number;
  hidden: boolean;
  /** Percent of the dimension's total; null when withheld or the total is 0. */
  share: number | null;
}

/** One dimension's published values, in the view's order. */
export interface PublishedDimension {
  key: ListFilter;
  name: string;
  values: PublishedValue[];
}

/**
 * Each dimension's rows (as the view queried them) with suppression applied within it: the
 * dimension's total can be worked out from its rows, so each is a line (see disclosure.ts). The
 * withheld ones come last (see `publishedOrder`).
 */
export function publishedBreakdowns(
  keys: readonly ListFilter[],
  tables: ReadonlyMap<string, Row[]>,
  minCount: number,
): PublishedDimension[] {
  return keys.map((key) => {
    const table = tables.get(key) ?? [];
    const counts = table.map((r) => Number(r.n));
    const total = counts.reduce((a, b) => a + b, 0);
    const hidden = suppressList(counts, minCount, true);
    return {
      key,
      name: FILTER_NAMES[key],
      values: publishedOrder(hidden, (i) => String(table[i].code)).map((i) => ({
        code: String(table[i].code),
        label: labelOf(String(table[i].code)),
        n: counts[i],
        hidden: hidden[i],
        share: hidden[i] || !total ? null : Number(((counts[i] / total) * 100).toFixed(1)),
      })),
    };
  });
}
