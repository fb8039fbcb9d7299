/** Attendances by age band and sex, as a small table. */
import {ENUMS} from '../../data/schema';
import {labelOf} from '../../ui/labels';
import {countText} from '../evidence/suppress';
import {HBars} from './HBars';

/** Props of AgeSexTable. */
export interface AgeSexTableProps {
  ageSex: ReadonlyMap<string, ReadonlyMap<string, number>>;
  minCount: number | null;
}

/**
 * Rows of age bands present, columns male, female, unknown and total. Under suppression, two
 * separate tables (age, sex) instead: a cross-table's margins would reveal its small cells.
 */
export function AgeSexTable({ageSex, minCount}: AgeSexTableProps) {
  const ages = ENUMS.age_band.filter((a) => ageSex.has(a));
  const sexes = ENUMS.sex.filter((s) => ages.some((a) => ageSex.get(a)?.get(s)));
  const cell = (a: string, s: string) => ageSex.get(a)?.get(s) ?? 0;
  const rowTotal = (a: string) => sexes.reduce((t, s) => t + cell(a, s), 0);
  const colTotal = (s: string) => ages.reduce((t, a) => t + cell(a, s), 0);
  if (minCount !== null) {
    return (
      <div className="age-sex-split">
        <HBars
          title="Attendances by age band"
          heading="Age"
          items={ages.map((a) => ({code: a, n: rowTotal(a)}))}
          minCount={minCount}
        />
        <HBars
          title="Attendances by sex"
          heading="Sex"
          items={sexes.map((s) => ({code: s, n: colTotal(s)}))}
          minCount={minCount}
        />
      </div>
    );
  }
  return (
    <table className="age-sex" aria-label="Attendances by age band and sex">
      <thead>
        <tr>
          <th scope="col">Age</th>
          {sexes.map((s) => (
            <th key={s} scope="col" className="num">
              {labelOf(s)}
            </th>
          ))}
          <th scope="col" className="num">
            All
          </th>
        </tr>
      </thead>
      <tbody>
        {ages.map((a) => (
          <tr key={a}>
            <th scope="row">{labelOf(a)}</th>
            {sexes.map((s) => (
              <td key={s} className="num">
                {countText(cell(a, s), minCount)}
              </td>
            ))}
            <td className="num">{countText(rowTotal(a), minCount)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">All</th>
          {sexes.map((s) => (
            <td key={s} className="num">
              {countText(colTotal(s), minCount)}
            </td>
          ))}
          <td className="num">
            {countText(
              sexes.reduce((t, s) => t + colTotal(s), 0),
              minCount,
            )}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
