/** H3 in SQL without the h3 extension (which DuckDB-WASM would fetch online): parent cells by bits. */
import {ident, int} from './filters';

/** Resolution of the contract's `h3` column. */
export const H3_RESOLUTION = 9;

/** Coarser resolutions precomputed as columns `h3_5` ... `h3_8` of the incidents table. */
export const PARENT_RESOLUTIONS = [5, 6, 7, 8] as const;

/** The incidents column holding cells at a resolution (9 is the data's own `h3`). */
export function h3Column(resolution: number): string {
  if (resolution === H3_RESOLUTION) return 'h3';
  if (!(PARENT_RESOLUTIONS as readonly number[]).includes(resolution)) {
    throw new Error(`no H3 column at resolution ${resolution}`);
  }
  return `h3_${resolution}`;
}

/**
 * SQL for the parent of a lower-case hex H3 cell at `resolution`, as lower-case hex. An H3 index
 * keeps its resolution in bits 52-55 and one 3-bit digit per finer resolution below; the parent
 * sets the resolution and fills the finer digits with 7 (h3-js cellToParent does the same).
 */
export function h3ParentSql(column: string, resolution: number): string {
  const r = int(resolution);
  const unusedBits = int(3 * (15 - resolution));
  return `lower(printf('%x', (('0x' || ${ident(column)})::UBIGINT & ~(15::UBIGINT << 52))
    | (${r}::UBIGINT << 52) | ((1::UBIGINT << ${unusedBits}) - 1)))`;
}
