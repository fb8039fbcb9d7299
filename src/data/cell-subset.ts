/**
 * A copy of the rows in the map's selected cells. The H3 column is in no rollup, so while a
 * hexagon is selected every view would otherwise scan every row: at 10M rows 100-200 ms a view,
 * for each filter change made with the hexagon still selected. The copy is built after the views'
 * first queries for the selection (the click itself is not slowed) and used by their later ones.
 *
 * Views use it only once it is complete and holds at most a tenth of the rows: memory at 10M rows
 * is near the 2 GB budget, and a copy of a coarse cell could hold most of the city.
 */
import {dropTable, KeptTables, type Run} from './kept-tables';
import {ident, int} from './sql/filters';
import {INCIDENTS} from './sql/normalize';

export type {Run} from './kept-tables';

/** The subset's largest share of the rows. */
export const MAX_SHARE = 0.1;

/**
 * The columns copied: all but the ED site and the LSOA. Without the two text columns views group
 * by (local authority for the area comparison, premises for the ranking), both views scanned
 * `incidents` at every filter change made with a hexagon selected: at 10M rows in the browser,
 * 94 and 50 ms of the 300 ms of queries after a brush, against 21 and 10 ms on the copy, for
 * 70 ms more to build it (205 to 275 ms), once per hexagon. Under a hexagon only the site
 * filter's option counts read the ED site or the LSOA, and text costs most to copy (the selected
 * rows lie all over the table). A view or predicate that reads one keeps reading `incidents` (as
 * with the rollups).
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
  'lad_code',
  'premises_id',
] as const;

/** Create `table` from the rows matching the cell clause, at most `limit` of them. */
export function cellSubsetQuery(table: string, clause: string, limit: number): string {
  return `CREATE OR REPLACE TEMP TABLE ${ident(table)} AS
SELECT ${COPY_COLUMNS.map(ident).join(', ')} FROM ${ident(INCIDENTS)} WHERE ${clause} LIMIT ${int(limit)}`;
}

/**
 * The copies of the last two selections (selecting a hexagon again reuses its copy). A copy is
 * dropped only when a third replaces it or another dataset is loaded, and `version` changes
 * then: views fold it into their choice of table, so none keeps naming a dropped table.
 */
export class CellSubsets {
  #kept = new KeptTables(2);
  #wanted: string | null = null;
  #building = new Set<string>();
  #seq = 0;
  /** Changes when the dataset does: a build started before belongs to the old one. */
  #epoch = 0;

  /** Changes whenever a copy is dropped. */
  get version(): number {
    return this.#kept.version;
  }

  /** The table holding exactly the rows of the cell clause `clause`, once built; else null. */
  tableFor(clause: string): string | null {
    return this.snapshot()(clause);
  }

  /** `tableFor` as it answers now, unchanged by copies finished later. */
  snapshot(): (clause: string) => string | null {
    return this.#kept.snapshot();
  }

  /** Forget every copy (another dataset replaced `incidents`) and drop their tables. */
  reset(run: Run | null): void {
    this.#epoch++;
    this.#wanted = null;
    this.#building.clear();
    this.#kept.reset(run);
  }

  /** Build the copy of `clause` (null: the selection was cleared) of a table of `rows` rows. */
  async want(clause: string | null, rows: number, run: Run): Promise<void> {
    this.#wanted = clause;
    if (clause === null || this.tableFor(clause) || this.#building.has(clause)) return;
    const epoch = this.#epoch;
    const table = `_cells_${++this.#seq}`;
    const cap = Math.floor(rows * MAX_SHARE);
    this.#building.add(clause);
    try {
      await run(cellSubsetQuery(table, clause, cap + 1));
      const [count] = await run(`SELECT CAST(count(*) AS DOUBLE) AS n FROM ${ident(table)}`);
      if (epoch !== this.#epoch || this.#wanted !== clause || Number(count.n) > cap) {
        await dropTable(run, table);
        return;
      }
      await this.#kept.add(clause, table, run);
    } catch {
      // Not fatal: the views keep reading `incidents`.
      await dropTable(run, table).catch(() => undefined);
    } finally {
      if (epoch === this.#epoch) this.#building.delete(clause);
    }
  }
}
