/** Check a raw table's columns (as DuckDB's DESCRIBE lists them) against the contract. */
import type {DatasetProblem} from './manifest';
import {FAMILY_WORDS, isTypeInFamily, TABLE_COLUMNS} from './schema';

/** Why a zoned timestamp is refused, and how to write one that is not (pandas makes them). */
const TIME_ZONE_HINT =
  '. Its local date depends on a time zone, which the dashboard cannot apply offline: write' +
  ' the date as a DATE, or as a timestamp without a time zone (pandas:' +
  ' df["date"].dt.tz_localize(None), which keeps the local time)';

/** A column as DESCRIBE reports it. */
export interface DescribedColumn {
  name: string;
  type: string;
}

/** Problems with a table's columns, and the set of columns that are present with a usable type. */
export function columnProblems(
  file: string,
  table: keyof typeof TABLE_COLUMNS,
  columns: readonly DescribedColumn[],
): {problems: DatasetProblem[]; usable: Set<string>} {
  const byName = new Map(columns.map((c) => [c.name, c.type]));
  const problems: DatasetProblem[] = [];
  const usable = new Set<string>();
  for (const spec of TABLE_COLUMNS[table]) {
    const type = byName.get(spec.name);
    if (type === undefined) {
      if (spec.required) {
        const near = columns.find((c) => c.name.toLowerCase() === spec.name.toLowerCase());
        problems.push({
          file,
          column: spec.name,
          message: near
            ? `missing column (found "${near.name}"; column names are case-sensitive)`
            : `missing column (expected ${FAMILY_WORDS[spec.family]})`,
        });
      }
    } else if (!isTypeInFamily(type, spec.family)) {
      problems.push({
        file,
        column: spec.name,
        message:
          `wrong type: expected ${FAMILY_WORDS[spec.family]}, found ${type}` +
          (/WITH TIME ZONE/i.test(type) ? TIME_ZONE_HINT : ''),
      });
    } else {
      usable.add(spec.name);
    }
  }
  return {problems, usable};
}

/** One line for a problem: "file, column "x": message". */
export function describeProblem(p: DatasetProblem): string {
  return `${p.file}${p.column ? `, column "${p.column}"` : ''}: ${p.message}`;
}
