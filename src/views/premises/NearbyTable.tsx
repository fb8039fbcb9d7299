/** Premises within 100 m, so that a cluster is not blamed on one venue. */
import {countText} from '../evidence/suppress';
import {NEARBY_RADIUS_M, type NearbyPremises} from './nearby';
import {premisesTypeLabel} from './types';

/** Props of NearbyTable. */
export interface NearbyTableProps {
  nearby: readonly NearbyPremises[];
  minCount: number | null;
  /** Focus a premises (the profile); absent in print. */
  onFocus?: (id: string) => void;
  /** Number the rows, to match a map's labels. @default false */
  numbered?: boolean;
}

/** Name, type, distance and attendances of each nearby premises. */
export function NearbyTable({nearby, minCount, onFocus, numbered = false}: NearbyTableProps) {
  if (!nearby.length) {
    return <p className="nearby-none">No other premises within {NEARBY_RADIUS_M} m.</p>;
  }
  return (
    <table className="nearby" aria-label={`Premises within ${NEARBY_RADIUS_M} m`}>
      <thead>
        <tr>
          {numbered && (
            <th scope="col" className="num">
              #
            </th>
          )}
          <th scope="col">Premises</th>
          <th scope="col">Type</th>
          <th scope="col" className="num">
            Distance
          </th>
          <th scope="col" className="num">
            Attendances
          </th>
        </tr>
      </thead>
      <tbody>
        {nearby.map((p, i) => (
          <tr key={p.id}>
            {numbered && <td className="num">{i + 1}</td>}
            <th scope="row">
              {onFocus ? (
                <button type="button" className="row-button link" onClick={() => onFocus(p.id)}>
                  {p.name}
                </button>
              ) : (
                p.name
              )}
            </th>
            <td>{premisesTypeLabel(p.type)}</td>
            <td className="num">{Math.round(p.distanceM)} m</td>
            <td className="num">{countText(p.n, minCount)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
