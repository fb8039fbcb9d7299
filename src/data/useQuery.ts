/** Run a query for a view: cached by SQL, the newest request wins, stale results are dropped. */
import {createContext, useContext, useEffect, useState} from 'react';
import {duckdbConnector, type Connector, type Row} from './connector';
import {NAIVE} from './mode';
import {QueryQueue, type Ticket} from './query-queue';

/** The connector views query through; tests provide a fake. */
export const ConnectorContext = createContext<Connector>(duckdbConnector);

/** Results of one view's query. */
export interface QueryState {
  rows: Row[] | null;
  error: string | null;
  pending: boolean;
}

const queues = new WeakMap<Connector, QueryQueue>();

function queueOf(connector: Connector): QueryQueue {
  let queue = queues.get(connector);
  if (!queue) queues.set(connector, (queue = new QueryQueue(connector)));
  return queue;
}

function ticketFor(connector: Connector, key: string, sql: string): Ticket {
  // Naive mode (benchmarks): straight to the database, every time.
  if (NAIVE) return {promise: connector.query(sql), release: () => undefined};
  return queueOf(connector).request(key, sql);
}

/** Resolves once the views' queries asked for so far are answered (at once in naive mode). */
export function queueIdle(connector: Connector): Promise<void> {
  return NAIVE ? Promise.resolve() : queueOf(connector).idle();
}

/**
 * Run `sql` once through the views' queue, after the queries already asked for (the worker runs
 * them in order): for statements that prepare tables the views will read.
 */
export function runQueued(connector: Connector, sql: string): Promise<Row[]> {
  const ticket = ticketFor(connector, `\u0001${sql}`, sql);
  return ticket.promise.finally(() => ticket.release());
}

/** Run `sql` (null: nothing to run) against dataset `generation`; keeps the last rows while pending. */
export function useQuery(sql: string | null, generation: number): QueryState {
  const connector = useContext(ConnectorContext);
  const key = sql === null ? null : `${generation}\u0000${sql}`;
  const [result, setResult] = useState<{key: string; rows: Row[] | null; error: string | null}>();
  useEffect(() => {
    if (key === null || sql === null) return;
    let current = true;
    const ticket = ticketFor(connector, key, sql);
    ticket.promise.then(
      // Unchanged when the render already took these rows from the cache.
      (rows) => current && setResult((r) => (r?.key === key ? r : {key, rows, error: null})),
      (err: Error) => current && setResult({key, rows: null, error: err.message}),
    );
    return () => {
      current = false;
      ticket.release();
    };
  }, [connector, key, sql]);
  // Rows already answered are taken in this render (React renders again at once, before it
  // commits): no pending state and no frame of it, and older rows never come back while the
  // next query is pending.
  const cached =
    key !== null && result?.key !== key && !NAIVE ? queueOf(connector).peek(key) : undefined;
  if (cached) setResult({key: key!, rows: cached, error: null});
  return {
    rows: cached ?? result?.rows ?? null,
    error: result?.key === key ? (result?.error ?? null) : null,
    pending: key !== null && result?.key !== key && cached === undefined,
  };
}
