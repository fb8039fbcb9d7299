/**
 * "Busiest hexagons": the map's top hexagons as a table, each with a button that selects it as
 * a click on the map does. What the map shows, for keyboard and screen-reader users.
 */
import {useMemo} from 'react';
import type {Area} from '../../data/areas';
import {isSmall} from '../../analysis/disclosure';
import {labelOf} from '../../ui/labels';
import type {Disclosure} from '../../ui/useDisclosure';
import {busiestHexes} from './busiest';
import type {HexDatum} from './layers';

/** Rows of the table. */
const ROWS = 10;

/** Props of BusiestHexagons. */
export interface BusiestHexagonsProps {
  hexes: readonly HexDatum[];
  areas: readonly Area[];
  resolution: number;
  selected: readonly string[];
  shown: Disclosure;
  /** Select this hexagon alone, or clear the selection when it is the one selected. */
  onToggle: (cell: string) => void;
}

/** Whether the table withholds a count (publication mode, a small one). */
function withheld(shown: Disclosure, n: number): boolean {
  return shown.on && isSmall(n, shown.minCount);
}

/** A collapsible table under the map. */
export function BusiestHexagons(p: BusiestHexagonsProps) {
  const {shown} = p;
  const rows = useMemo(() => {
    const busiest = busiestHexes(p.hexes, p.areas, ROWS);
    // Withheld counts come last, by cell id: in their true order they would say which is larger.
    const small = (h: HexDatum) => withheld(shown, h.n);
    return [
      ...busiest.filter((h) => !small(h)),
      ...busiest.filter(small).sort((a, b) => (a.cell < b.cell ? -1 : 1)),
    ];
  }, [p.hexes, p.areas, shown]);
  return (
    <details className="busiest">
      <summary>Busiest hexagons (table)</summary>
      {rows.length === 0 ? (
        <p className="muted">No geocoded attendances under these filters.</p>
      ) : (
        <table aria-label="Busiest hexagons">
          <caption className="sr-only">
            The {rows.length} hexagons of the map (H3 resolution {p.resolution}) with most
            attendances under the filters. Select one to filter every other view to it.
          </caption>
          <thead>
            <tr>
              <th scope="col">Rank</th>
              <th scope="col">Area</th>
              <th scope="col" className="num">
                Attendances
              </th>
              <th scope="col">Most often</th>
              <th scope="col">Filter</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((h, i) => {
              const on = p.selected.length === 1 && p.selected[0] === h.cell;
              const hidden = withheld(shown, h.n);
              return (
                <tr key={h.cell} data-cell={h.cell}>
                  <td>{hidden ? '–' : i + 1}</td>
                  <th scope="row">
                    {h.area ?? 'Outside the areas'} <span className="muted hex-id">{h.cell}</span>
                  </th>
                  <td className="num">{shown.count(h.n)}</td>
                  <td>{hidden ? '–' : labelOf(h.topLoc)}</td>
                  <td>
                    <button type="button" aria-pressed={on} onClick={() => p.onToggle(h.cell)}>
                      {on ? 'Selected' : 'Select'}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </details>
  );
}
