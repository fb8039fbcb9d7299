/** Monthly counts as a year-by-month grid: compact enough for one printed page. */
import {monthRows} from './month-rows';
import {maskedText} from './suppress';
import {MONTHS} from '../ranking/months';

/** Props of MonthTable. */
export interface MonthTableProps {
  months: readonly string[];
  values: readonly number[];
  minCount: number | null;
}

/** Rows are years, columns January to December and the year's total. */
export function MonthTable({months, values, minCount}: MonthTableProps) {
  const {rows, totalKinds} = monthRows(months, values, minCount);
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
        {rows.map(({year, cells, total, kinds}, j) => (
          <tr key={year}>
            <th scope="row">{year}</th>
            {cells.map((v, i) => (
              <td key={i} className="num">
                {v === undefined ? '' : maskedText(v, kinds[i], minCount)}
              </td>
            ))}
            <td className="num total">{maskedText(total, totalKinds[j], minCount)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
