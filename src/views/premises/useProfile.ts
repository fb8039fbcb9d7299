/** One premises' profile data under the current filters: details, breakdowns, rank, neighbours. */
import type {Row} from '../../data/connector';
import type {Dataset} from '../../data/load-dataset';
import {nearbyQuery, premisesDetailsQuery, profileQuery} from '../../data/sql/premises-profile';
import {rankingQuery} from '../../data/sql/ranking';
import {useQuery} from '../../data/useQuery';
import {useApp} from '../../state/AppContext';
import {useFilters, useSelectionPredicate} from '../../state/useSelection';
import {monthsBetween, seriesOf} from '../ranking/months';
import {rankingPeriodsOf, type RankingPeriods} from '../ranking/periods';
import {rankingRowOf, type RankingRow} from '../ranking/row';
import {afterClosingOf, type AfterClosing} from './after-closing';
import {NEARBY_RADIUS_M, nearbyOf, type NearbyCandidate, type NearbyPremises} from './nearby';

/** The premises table's row for one premises. */
export interface PremisesDetails {
  id: string;
  name: string;
  address: string | null;
  postcode: string | null;
  lat: number | null;
  lon: number | null;
  ladCode: string | null;
  ladName: string | null;
  type: string | null;
  licenceRef: string | null;
  closingTime: string | null;
  capacity: number | null;
}

/** Everything the profile and the evidence pack show. */
export interface ProfileData {
  details: PremisesDetails | null;
  /** False once the details query has answered with no such premises. */
  found: boolean;
  periods: RankingPeriods;
  months: string[];
  monthly: number[];
  /** Attendances by hour 0-23, and those with no recorded hour. */
  byHour: Map<number, number>;
  unknownHour: number;
  /** ISO weekday 1-7 at index 0-6. */
  byWeekday: number[];
  weapons: {code: string; n: number}[];
  /** age band -> sex -> n. */
  ageSex: Map<string, Map<string, number>>;
  total: number;
  after: AfterClosing | null;
  /** Its row of the ranking (rank, share, change), or null with no attendances. */
  ranking: RankingRow | null;
  /** Number of premises ranked under these filters. */
  ranked: number | null;
  nearby: NearbyPremises[];
  pending: boolean;
  error: string | null;
}

/** Load the profile of premises `id`, respecting every filter. */
export function useProfile(dataset: Dataset, generation: number, id: string): ProfileData {
  const {selection} = useApp();
  const filters = useFilters(selection);
  const where = useSelectionPredicate(selection, []);
  const base = useSelectionPredicate(selection, ['dates']);
  const periods = rankingPeriodsOf(filters, base, dataset.period);

  const detailsQ = useQuery(premisesDetailsQuery(id), generation);
  const details = detailsQ.rows?.[0] ? detailsOf(detailsQ.rows[0], dataset) : null;
  const profileQ = useQuery(profileQuery({where, id, night: periods.night}), generation);
  const rankQ = useQuery(
    rankingQuery({
      base,
      current: periods.current,
      previous: periods.previous,
      rankBy: 'count',
      sort: 'rank',
      descending: false,
      id,
      ladNames: dataset.lads,
      limit: 1,
      offset: 0,
    }),
    generation,
  );
  const countQ = useQuery(
    rankingQuery({
      base,
      current: periods.current,
      previous: null,
      rankBy: 'count',
      sort: 'rank',
      descending: false,
      ladNames: [],
      limit: 1,
      offset: 0,
    }),
    generation,
  );
  const located = details?.lat != null && details.lon != null;
  const nearQ = useQuery(
    located
      ? nearbyQuery({
          where,
          id,
          lat: details!.lat!,
          lon: details!.lon!,
          radiusM: NEARBY_RADIUS_M * 1.5,
        })
      : null,
    generation,
  );

  const dims = groupDims(profileQ.rows ?? []);
  const months = periods.from <= periods.to ? monthsBetween(periods.from, periods.to) : [];
  const byHour = new Map<number, number>();
  for (const [k, n] of dims.get('hour') ?? []) if (k !== 'unknown') byHour.set(Number(k), n);
  const ageSex = new Map<string, Map<string, number>>();
  for (const [k, n] of dims.get('age_sex') ?? []) {
    const [age, sex] = k.split('|');
    if (!ageSex.has(age)) ageSex.set(age, new Map());
    ageSex.get(age)!.set(sex, n);
  }
  const monthly = seriesOf(months, dims.get('month') ?? new Map());
  const candidates = (nearQ.rows ?? []).map((r): NearbyCandidate => ({
    id: String(r.id),
    name: String(r.name ?? r.id),
    type: r.type == null ? null : String(r.type),
    lat: Number(r.lat),
    lon: Number(r.lon),
    n: Number(r.n),
  }));
  const queries = [detailsQ, profileQ, rankQ, countQ, nearQ];
  return {
    details,
    found: detailsQ.rows === null || details !== null,
    periods,
    months,
    monthly,
    byHour,
    unknownHour: dims.get('hour')?.get('unknown') ?? 0,
    byWeekday: [1, 2, 3, 4, 5, 6, 7].map((d) => dims.get('weekday')?.get(String(d)) ?? 0),
    weapons: [...(dims.get('weapon') ?? [])]
      .map(([code, n]) => ({code, n}))
      .sort((a, b) => b.n - a.n || a.code.localeCompare(b.code)),
    ageSex,
    total: [...(dims.get('weapon')?.values() ?? [])].reduce((s, n) => s + n, 0),
    after: afterClosingOf(byHour, details?.closingTime),
    ranking: rankQ.rows?.[0] ? rankingRowOf(rankQ.rows[0]) : null,
    ranked: countQ.rows ? Number(countQ.rows[0]?.total_rows ?? 0) : null,
    nearby: located ? nearbyOf({lat: details!.lat!, lon: details!.lon!}, candidates) : [],
    pending: queries.some((q) => q.pending),
    error: queries.find((q) => q.error)?.error ?? null,
  };
}

function groupDims(rows: Row[]): Map<string, Map<string, number>> {
  const dims = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const dim = String(r.dim);
    if (!dims.has(dim)) dims.set(dim, new Map());
    dims.get(dim)!.set(String(r.key), Number(r.n));
  }
  return dims;
}

function detailsOf(r: Row, dataset: Dataset): PremisesDetails {
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const ladCode = str(r.lad_code);
  return {
    id: String(r.id),
    name: str(r.name) ?? String(r.id),
    address: str(r.address),
    postcode: str(r.postcode),
    lat: num(r.lat),
    lon: num(r.lon),
    ladCode,
    ladName:
      dataset.lads.find((l) => l.code === ladCode)?.name ??
      dataset.areas.find((a) => a.code === ladCode)?.name ??
      ladCode,
    type: str(r.type),
    licenceRef: str(r.licence_ref),
    closingTime: str(r.closing_time),
    capacity: num(r.capacity),
  };
}
