/** H3 in SQL without the h3 extension (which DuckDB-WASM would fetch online): parent cells by bits. */
import {int} from './filters';

/** Resolution of the contract's `h3` column. */
export const H3_RESOLUTION = 9;

/** Coarser resolutions the map aggregates to, computed from `h3` in each query. */
export const PARENT_RESOLUTIONS = [5, 6, 7, 8] as const;

const H3_HEX = /^[0-9a-f]{15}$/;

/**
 * SQL for the cell of an incidents row at `resolution`, as UBIGINT. The normalised table keeps
 * `h3` as a UBIGINT (8 bytes, where the hex string took 31); a parent is two bit operations on it:
 * an H3 index keeps its resolution in bits 52-55 and one 3-bit digit per finer resolution below,
 * and the parent sets the resolution and fills the finer digits with 7 (as h3-js cellToParent).
 */
export function h3CellSql(resolution: number): string {
  if (resolution === H3_RESOLUTION) return 'h3';
  if (!(PARENT_RESOLUTIONS as readonly number[]).includes(resolution)) {
    throw new Error(`no H3 cells at resolution ${resolution}`);
  }
  const unusedBits = int(3 * (15 - resolution));
  return `((h3 & ~(15::UBIGINT << 52)) | (${int(resolution)}::UBIGINT << 52) | ((1::UBIGINT << ${unusedBits}) - 1))`;
}

/** SQL turning a UBIGINT cell into the lower-case hex string h3-js uses. */
export function h3HexSql(cell: string): string {
  return `lower(printf('%x', ${cell}))`;
}

/** SQL turning a raw table's lower-case hex `column` into the UBIGINT the normalised table keeps. */
export function h3FromHexSql(column: string): string {
  return `('0x' || CAST(${column} AS VARCHAR))::UBIGINT`;
}

/** A lower-case hex H3 cell as a UBIGINT SQL literal; throws on anything else. */
export function h3Literal(cell: string): string {
  if (!H3_HEX.test(cell)) throw new Error(`not an H3 cell: ${cell}`);
  return `${BigInt(`0x${cell}`)}::UBIGINT`;
}

/**
 * SQL for "`h3` lies in `cell`" as a range of UBIGINTs, true of exactly the rows `h3CellSql`
 * puts in `cell`. Every stored cell has the contract's resolution field, 9 (the loader checks the
 * "89" prefix), and those whose parent is `cell` share every bit above the digits finer than it:
 * they run from those digits all 0 to all 7 (the cell's own value, with the field set to 9).
 */
export function h3RangeSql(cell: string): string {
  if (!H3_HEX.test(cell)) throw new Error(`not an H3 cell: ${cell}`);
  const index = BigInt(`0x${cell}`);
  const resolution = Number((index >> 52n) & 15n);
  if (resolution > H3_RESOLUTION) throw new Error(`H3 cell ${cell} is finer than resolution 9`);
  if (resolution === H3_RESOLUTION) return `(h3 = ${index}::UBIGINT)`;
  const last = (index & ~(15n << 52n)) | (BigInt(H3_RESOLUTION) << 52n);
  const first = last & ~((1n << BigInt(3 * (15 - resolution))) - 1n);
  return `(h3 BETWEEN ${first}::UBIGINT AND ${last}::UBIGINT)`;
}
