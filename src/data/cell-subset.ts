/**
 * A copy of the rows in the map's selected cells. The H3 column is in no rollup, so while a
 * hexagon is selected every view would otherwise scan every row: at 10M rows 100-200 ms a view,
 * for each filter change made with the hexagon still selected. The copy is built after the views'
 * first queries for the selection (the click itself is not slowed), used by their later ones, and
 * kept when the selection is cleared, for the next time the same cells are selected.
 *
 * Views use it only once it is complete and holds at most a tenth of the rows: memory at 10M rows
 * is near the 2 GB budget, and a copy of a coarse cell could hold most of the city.
 */
import type {Row} from './connector';
import {ident, int} from './sql/filters';
import {INCIDENTS} from './sql/normalize';

/** Runs SQL in order with the views' queries (through their queue). */
export type Run = (sql: string) => Promise<Row[]>;

/** The subset's largest share of the rows. */
export const MAX_SHARE = 0.1;

/**
 * The columns copied. Not the text columns (local authority, premises, ED site, LSOA): the
 * selected rows lie all over the table, and decoding text for them costs as much as the rest
 * together (at 10M rows, 110-170 ms each natively where a number column takes 5). A view or
 * predicate that reads one of those keeps reading `incidents` (as with the rollups).
 */
export const COPY_COLUMNS = [
  'date',
  'hour',
  'dow',
  'ndate',
  'ndow',
  'location_type',
  'weapon',
  'sex',
  'age_band',
  'relationship',
  'h3',
  'n',
] as const;

/** Create `table` from the rows matching the cell clause, at most `limit` of them. */
export function cellSubsetQuery(table: string, clause: string, limit: number): string {
  return `CREATE OR REPLACE TEMP TABLE ${ident(table)} AS
SELECT ${COPY_COLUMNS.map(ident).join(', ')} FROM ${ident(INCIDENTS)} WHERE ${clause} LIMIT ${int(limit)}`;
}

/** The subset of the selected cells, at most one at a time. */
export class CellSubsets {
  #ready: {clause: string; table: string} | null = null;
  #wanted: string | null = null;
  #seq = 0;
  /** Changes when the dataset does: a build started before belongs to the old one. */
  #epoch = 0;

  /** The table holding exactly the rows of the cell clause `clause`, once built; else null. */
  tableFor(clause: string): string | null {
    return this.#ready?.clause === clause ? this.#ready.table : null;
  }

  /** Forget every subset (another dataset replaced `incidents`) and drop its table. */
  reset(run: Run | null): void {
    this.#epoch++;
    this.#wanted = null;
    const old = this.#ready;
    this.#ready = null;
    if (old && run) void drop(run, old.table);
  }

  /** Build the subset of `clause` (null: the selection was cleared) of a table of `rows` rows. */
  async want(clause: string | null, rows: number, run: Run): Promise<void> {
    if (clause === this.#wanted) return;
    this.#wanted = clause;
    if (clause === null || this.#ready?.clause === clause) return;
    const epoch = this.#epoch;
    const table = `_cells_${++this.#seq}`;
    const cap = Math.floor(rows * MAX_SHARE);
    try {
      await run(cellSubsetQuery(table, clause, cap + 1));
      const [count] = await run(`SELECT CAST(count(*) AS DOUBLE) AS n FROM ${ident(table)}`);
      if (epoch !== this.#epoch || this.#wanted !== clause || Number(count.n) > cap) {
        await drop(run, table);
        return;
      }
      const old = this.#ready;
      this.#ready = {clause, table};
      if (old) await drop(run, old.table);
    } catch {
      // Not fatal: the views keep reading `incidents`.
      await drop(run, table).catch(() => undefined);
    }
  }
}

function drop(run: Run, table: string): Promise<Row[]> {
  return run(`DROP TABLE IF EXISTS ${ident(table)}`);
}
