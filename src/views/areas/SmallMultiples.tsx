/** Small multiples: monthly rate per 100,000 in each area, on one shared scale. */
import * as d3 from 'd3';
import type {Area} from '../../data/areas';
import type {Row} from '../../data/connector';
import {isSuppressed} from '../evidence/suppress';

/** Props of SmallMultiples. */
export interface SmallMultiplesProps {
  rows: readonly Row[];
  areas: readonly Area[];
  from: string;
  to: string;
  /** Publication mode: months of fewer attendances than this are gaps, off the scale. */
  minCount: number | null;
}

const W_PX = 150;
const H_PX = 44;

/** One sparkline per area with a population; the y scale is shared so areas compare. */
export function SmallMultiples({rows, areas, from, to, minCount}: SmallMultiplesProps) {
  const withPop = areas.filter((a) => a.population);
  const months = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const m = String(r.month);
    if (m < from.slice(0, 7) || m > to) continue;
    if (!months.has(String(r.code))) months.set(String(r.code), new Map());
    months.get(String(r.code))!.set(m, Number(r.n));
  }
  const allMonths = [...new Set(rows.map((r) => String(r.month)))]
    .filter((m) => m >= `${from.slice(0, 7)}-01` && m <= to)
    .sort();
  // A withheld month (a count from 1 to min_count - 1) is null: its rate would say the count.
  const rate = (a: Area, m: string) => {
    const n = months.get(a.code)?.get(m) ?? 0;
    return isSuppressed(n, minCount) ? null : (n / (a.population ?? 1)) * 100_000;
  };
  const max = d3.max(withPop.flatMap((a) => allMonths.map((m) => rate(a, m) ?? 0))) || 1;
  const x = d3.scalePoint(allMonths, [2, W_PX - 2]);
  const y = d3.scaleLinear([0, max], [H_PX - 2, 2]);
  return (
    <div className="small-multiples" aria-label="Monthly rate per 100,000 by area" role="group">
      {withPop.map((a) => (
        <figure key={a.code}>
          <figcaption>{a.name}</figcaption>
          <svg width={W_PX} height={H_PX} aria-hidden="true">
            <path
              d={
                d3
                  .line<string>(
                    (m) => x(m) ?? 0,
                    (m) => y(rate(a, m) ?? 0),
                  )
                  .defined((m) => rate(a, m) !== null)(allMonths) ?? ''
              }
              fill="none"
              stroke="#1d4f91"
              strokeWidth={1.3}
            />
          </svg>
        </figure>
      ))}
      <p className="muted">Shared scale: 0 to {max.toFixed(1)} per 100,000 a month.</p>
    </div>
  );
}
