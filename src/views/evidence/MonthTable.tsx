/** Monthly counts as a year-by-month grid: compact enough for one printed page. */
import {countText, maskedText, suppressionOf} from './suppress';
import {MONTHS} from '../ranking/months';

/** Props of MonthTable. */
export interface MonthTableProps {
  months: readonly string[];
  values: readonly number[];
  minCount: number | null;
}

/** Rows are years, columns January to December and the year's total. */
export function MonthTable({months, values, minCount}: MonthTableProps) {
  const byMonth = new Map(months.map((m, i) => [m, values[i]]));
  const years = [...new Set(months.map((m) => m.slice(0, 4)))];
  return (
    <table className="month-table" aria-label="Attendances by month">
      <thead>
        <tr>
          <th scope="col">Year</th>
          {MONTHS.map((m) => (
            <th key={m} scope="col" className="num">
              {m}
            </th>
          ))}
          <th scope="col" className="num">
            Total
          </th>
        </tr>
      </thead>
      <tbody>
        {years.map((y) => {
          const cells = MONTHS.map((_, i) => byMonth.get(`${y}-${String(i + 1).padStart(2, '0')}`));
          const total = cells.reduce<number>((s, v) => s + (v ?? 0), 0);
          const kinds = suppressionOf(
            cells.map((v) => v ?? 0),
            minCount,
          );
          return (
            <tr key={y}>
              <th scope="row">{y}</th>
              {cells.map((v, i) => (
                <td key={i} className="num">
                  {v === undefined ? '' : maskedText(v, kinds[i], minCount)}
                </td>
              ))}
              <td className="num total">{countText(total, minCount)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
