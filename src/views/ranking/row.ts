/** Typed rows of the ranking query. */
import type {Row} from '../../data/connector';

/** One premises of the ranking. */
export interface RankingRow {
  rank: number;
  id: string;
  name: string;
  postcode: string | null;
  type: string | null;
  ladCode: string | null;
  ladName: string | null;
  closingTime: string | null;
  capacity: number | null;
  n: number;
  /** Attendances in the previous equal period; null when not compared. */
  prev: number | null;
  share: number | null;
  rate: number | null;
  totalRows: number;
}

/** A ranking row from a query row. */
export function rankingRowOf(r: Row): RankingRow {
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    rank: Number(r.rank),
    id: String(r.id),
    name: String(r.name),
    postcode: str(r.postcode),
    type: str(r.type),
    ladCode: str(r.lad_code),
    ladName: str(r.lad_name),
    closingTime: str(r.closing_time),
    capacity: num(r.capacity),
    n: Number(r.n),
    prev: num(r.prev),
    share: num(r.share),
    rate: num(r.rate),
    totalRows: Number(r.total_rows),
  };
}
