/**
 * Small-number suppression on screen (publication mode): the same rules as the exports (see
 * analysis/disclosure.ts), with the dataset's `disclosure.min_count`. Off, every count is shown.
 */
import {useMemo} from 'react';
import {isSmall, suppressList, suppressedText} from '../analysis/disclosure';
import {usePage} from '../state/AppContext';
import {formatCount} from './format';

/** How a view shows counts. */
export interface Disclosure {
  /** Publication mode is on. */
  on: boolean;
  minCount: number;
  /** Which counts of a line to hide (none when off); `withTotal` when the line's total is shown. */
  hideList(values: readonly number[], withTotal: boolean): boolean[];
  /**
   * A count as shown: `<min_count`, or `*` when withheld to protect another, when `hidden` (by
   * default: when on and the count is small).
   */
  count(n: number, hidden?: boolean): string;
}

/** The page's disclosure rules for a dataset whose manifest says `minCount`. */
export function useDisclosure(minCount: number): Disclosure {
  const {publication} = usePage();
  return useMemo(() => disclosure(publication, minCount), [publication, minCount]);
}

/** The rules themselves, for a given mode (pure; `useDisclosure` reads the mode from the page). */
export function disclosure(on: boolean, minCount: number): Disclosure {
  return {
    on,
    minCount,
    hideList: (values, withTotal) =>
      on ? suppressList(values, minCount, withTotal) : values.map(() => false),
    count: (n, hidden = on && isSmall(n, minCount)) =>
      hidden ? suppressedText(n, minCount) : formatCount(n),
  };
}
