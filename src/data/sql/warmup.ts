/**
 * Statements that run the views' query shapes under each kind of filter, on one month of rows,
 * once after a load: DuckDB's wasm is then compiled for them before the first clicks.
 *
 * V8 compiles a wasm function the first time it runs. The views' first queries (no filter) leave
 * the code of every filter and of the shapes a filter brings (a previous period, a hexagon's
 * range) uncompiled, so the first click of each kind waited for it: at 1M rows on 2 cores the
 * first of each kind took 430-760 ms where later ones took under 400. A date window of one month
 * keeps each statement small at any size (the tables are in date order, so the scan skips the rest).
 */
import {addMonths, bucketEnd, bucketStart} from '../period';
import {breakdownQuery, breakdownsQuery} from './breakdown';
import {dateRangeSql, hourWindowSql, listSql, weekdaysSql} from './clauses';
import {and} from './filters';
import {gridQuery} from './grid';
import {headlineQuery} from './headline';
import {hexQuery, premisesPointsQuery} from './hotspots';
import {h3RangeSql} from './h3';
import {rankingWithSparklinesQuery} from './ranking';
import {PREMISES_ROLLUP} from './rollup';
import {areaTrendQuery} from './areas';
import {timelineQuery} from './timeline';

/** A comment every warm-up statement starts with (tests that read the SQL answered skip them). */
export const WARM_UP_TAG = '/* warm-up */';

/** A resolution-7 cell in central Birmingham: its range has the shape of a hexagon's clause. */
const CELL = '87195c05bffffff';

/**
 * The warm-up statements for a dataset whose period starts on `start` (YYYY-MM-DD), with the
 * rollups `rollups` built: the views' shapes under a date range, an hour window, weekdays, a
 * location type, a hexagon and all of them together, on `incidents` and on the rollups the views
 * read under those filters.
 */
export function warmUpQueries(start: string, rollups: readonly string[]): string[] {
  const first = bucketStart(start, 'month');
  const current = dateRangeSql({from: first, to: bucketEnd(first, 'month')}, false);
  const previous = dateRangeSql({from: addMonths(first, -1), to: first}, false);
  // The headline and the trend read both periods (a comparison), the other views the current.
  const both = `(${current} OR ${previous})`;
  const hours = hourWindowSql({start: 21, end: 6});
  const clauses = [
    null,
    hours,
    weekdaysSql([5, 6], false),
    listSql('loc', ['licensed_premises']),
    h3RangeSql(CELL),
    and(hours, weekdaysSql([6, 7], false), listSql('loc', ['street'])),
  ];
  const sql: string[] = [];
  for (const clause of clauses) {
    const where = and(current, clause);
    const onRollups = clause === null || !clause.includes('h3');
    const tables = ['incidents', ...(onRollups ? rollups : [])];
    for (const from of tables) {
      sql.push(
        headlineQuery({base: and(clause, both), current, previous, hours: null, from}),
        timelineQuery({grain: 'month', where: and(clause, both), night: false, from}),
        gridQuery({where, night: false, from}),
        breakdownQuery({column: 'location_type', where, from}),
      );
      if (from === 'incidents' || from.endsWith('_lad')) sql.push(areaTrendQuery({where, night: false, from}));
      if (from === 'incidents' || from === PREMISES_ROLLUP) {
        sql.push(
          premisesPointsQuery(where, from),
          rankingWithSparklinesQuery(
            {
              base: and(clause),
              current,
              previous,
              rankBy: 'count',
              sort: 'rank',
              descending: false,
              ladNames: [],
              limit: 50,
              offset: 0,
              from,
            },
            {where, night: false},
          ),
        );
      }
    }
    sql.push(
      hexQuery({resolution: 7, where}),
      breakdownsQuery({
        columns: {weapon: 'weapon', sex: 'sex', age: 'age_band', rel: 'relationship'},
        where,
      }),
    );
  }
  return sql.map((s) => `${WARM_UP_TAG} ${s}`);
}
