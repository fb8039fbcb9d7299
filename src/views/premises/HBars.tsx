/** Horizontal bars as an HTML table (e.g. weapons), with one code highlighted. */
import {labelOf} from '../../ui/labels';
import {publishedOrder, shownMax} from '../../analysis/disclosure';
import {maskedText, shareText, suppressionOf} from '../evidence/suppress';

/** Props of HBars. */
export interface HBarsProps {
  /** The table's accessible name. */
  title: string;
  /** Column heading of the codes. */
  heading: string;
  items: readonly {code: string; n: number}[];
  /** Codes drawn in the highlight colour. */
  highlight?: readonly string[];
  minCount: number | null;
  /** The items are in count order (largest first), which a withheld row's place would bound. */
  byCount?: boolean;
}

/** One row per code: label, bar, count and share. */
export function HBars({title, heading, items, highlight = [], minCount, byCount}: HBarsProps) {
  const total = items.reduce((s, i) => s + i.n, 0);
  const kinds = suppressionOf(
    items.map((i) => i.n),
    minCount,
  );
  const hidden = kinds.map((k) => k !== null);
  // Bars run to the largest count shown; in count order, withheld rows go last (see disclosure.ts).
  const max = shownMax(
    items.map((i) => i.n),
    hidden,
  );
  const order = byCount ? publishedOrder(hidden, (k) => items[k].code) : items.map((_, k) => k);
  return (
    <table className="hbars" aria-label={title}>
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          <th scope="col" className="num">
            Attendances
          </th>
          <th scope="col" className="num">
            Share
          </th>
        </tr>
      </thead>
      <tbody>
        {order
          .map((k) => ({i: items[k], k}))
          .map(({i, k}) => (
            <tr key={i.code} className={highlight.includes(i.code) ? 'highlight' : undefined}>
              <th scope="row">{labelOf(i.code)}</th>
              <td className="num">
                <span
                  className="hbar"
                  style={{width: `${max && !kinds[k] ? (i.n / max) * 100 : 0}%`}}
                  aria-hidden="true"
                />
                <span className="bar-value">{maskedText(i.n, kinds[k], minCount)}</span>
              </td>
              <td className="num">{kinds[k] ? '–' : shareText(i.n, total, minCount)}</td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}
