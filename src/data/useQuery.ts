/** Run a query for a view: cached by SQL, the newest request wins, stale results are dropped. */
import {createContext, useContext, useEffect, useState} from 'react';
import {duckdbConnector, type Connector, type Row} from './connector';

/** The connector views query through; tests provide a fake. */
export const ConnectorContext = createContext<Connector>(duckdbConnector);

const CACHE_SIZE = 256;
const cache = new Map<string, Promise<Row[]>>();

/** Results of one view's query. */
export interface QueryState {
  rows: Row[] | null;
  error: string | null;
  pending: boolean;
}

function cached(connector: Connector, key: string, sql: string): Promise<Row[]> {
  let hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  hit = connector.query(sql);
  hit.catch(() => cache.delete(key));
  cache.set(key, hit);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return hit;
}

/** Run `sql` (null: nothing to run) against dataset `generation`; keeps the last rows while pending. */
export function useQuery(sql: string | null, generation: number): QueryState {
  const connector = useContext(ConnectorContext);
  const key = sql === null ? null : `${generation}\u0000${sql}`;
  const [result, setResult] = useState<{key: string; rows: Row[] | null; error: string | null}>();
  useEffect(() => {
    if (key === null || sql === null) return;
    let current = true;
    cached(connector, key, sql).then(
      (rows) => current && setResult({key, rows, error: null}),
      (err: Error) => current && setResult({key, rows: null, error: err.message}),
    );
    return () => {
      current = false;
    };
  }, [connector, key, sql]);
  return {
    rows: result?.rows ?? null,
    error: result?.key === key ? (result?.error ?? null) : null,
    pending: key !== null && result?.key !== key,
  };
}
