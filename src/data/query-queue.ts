/**
 * The views' queries, a few at a time, cached by key, with identical requests shared and requests
 * nobody waits for any more dropped before they start (after Mosaic's Coordinator).
 *
 * DuckDB-WASM runs one query at a time in its worker, and a query it has started cannot be
 * stopped: `conn.query()` has no cancel, and `cancelSent()` only stops a streamed `send()` between
 * batches. So the queue holds requests back here instead of posting them all to the worker, and
 * when a burst of filter changes supersedes a request before its turn, it is simply never sent:
 * each view runs at most the queries in flight and its newest one.
 */
import type {Connector, Row} from './connector';

/** Results kept, most recently used last. */
const CACHE_SIZE = 256;

/**
 * Queries posted to the worker at once. One would be enough for DuckDB, but the next query is
 * only posted when the main thread has handled the last answer, and while it is busy (drawing
 * the views, or the map's first draw compiling shaders for seconds under SwiftShader) the worker
 * would sit idle. An update sends 8-12 queries; with 16 in flight they all go at once, and the
 * queue still drops what a later burst supersedes before it is posted. `npm run bench` at 1M rows
 * (25 interactions, one run each, noisy): median 397 ms and p95 1,065 ms with 6 in flight, 328
 * and 957 ms with 16. With 3 the first render of the 100k dataset took ~1.5 s longer.
 */
export const IN_FLIGHT = 16;

/*
 * Results are handed over as each query finishes, not held back to repaint once per burst: on
 * 2 cores the main thread then draws one view while the worker runs the next view's query. Held
 * back (for up to 100 ms, or until the queue ran dry) the p95 update in `npm run bench` was 947 ms
 * at 100k rows and 697 ms at 1M; handed over at once, 547 and 565 ms.
 */

/** A request's handle: its result, and `release()` for when the caller stops waiting. */
export interface Ticket {
  promise: Promise<Row[]>;
  release(): void;
}

interface Job {
  key: string;
  sql: string;
  waiting: number;
  started: boolean;
  promise: Promise<Row[]>;
  /** Its rows, once answered. */
  rows?: Row[];
  resolve: (rows: Row[]) => void;
  reject: (err: Error) => void;
}

/** One queue per connector. */
export class QueryQueue {
  #cache = new Map<string, Job>();
  #queue: Job[] = [];
  #running = 0;
  #idle: (() => void)[] = [];

  constructor(private readonly connector: Connector) {}

  /** Ask for the rows of `sql`, known as `key` (the dataset generation and the SQL). */
  request(key: string, sql: string): Ticket {
    const cached = this.#cache.get(key);
    const held = cached ? this.#touch(key, cached) : this.#enqueue(key, sql);
    held.waiting++;
    let released = false;
    return {
      promise: held.promise,
      release: () => {
        if (released) return;
        released = true;
        held.waiting--;
        if (held.waiting === 0 && !held.started) this.#drop(held);
      },
    };
  }

  /**
   * The rows of `key` if they are answered and still cached, to draw in the same render; they
   * count as used, as a request's do (the last to be evicted).
   */
  peek(key: string): Row[] | undefined {
    const job = this.#cache.get(key);
    return job?.rows && this.#touch(key, job).rows;
  }

  /** Move `job`, cached as `key`, to the newest end of the cache: the last to be evicted. */
  #touch(key: string, job: Job): Job {
    this.#cache.delete(key);
    this.#cache.set(key, job);
    return job;
  }

  /** Requests waiting for their turn (for tests). */
  get queued(): number {
    return this.#queue.length;
  }

  /** Resolves once no request is waiting or running. */
  idle(): Promise<void> {
    if (this.#isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  #isIdle(): boolean {
    return this.#running === 0 && this.#queue.length === 0;
  }

  #wake(): void {
    if (!this.#isIdle()) return;
    const waiting = this.#idle;
    this.#idle = [];
    for (const resolve of waiting) resolve();
  }

  #enqueue(key: string, sql: string): Job {
    let resolve!: (rows: Row[]) => void;
    let reject!: (err: Error) => void;
    const promise = new Promise<Row[]>((ok, fail) => {
      resolve = ok;
      reject = fail;
    });
    const job: Job = {key, sql, waiting: 0, started: false, promise, resolve, reject};
    this.#cache.set(key, job);
    if (this.#cache.size > CACHE_SIZE) {
      for (const [k, old] of this.#cache) {
        if (old.started || old.waiting === 0) {
          this.#cache.delete(k);
          break;
        }
      }
    }
    this.#queue.push(job);
    queueMicrotask(() => {
      while (this.#running < IN_FLIGHT && this.#queue.length) this.#pump();
    });
    return job;
  }

  #drop(job: Job): void {
    this.#queue = this.#queue.filter((j) => j !== job);
    if (this.#cache.get(job.key) === job) this.#cache.delete(job.key);
    this.#wake();
  }

  #pump(): void {
    if (this.#running >= IN_FLIGHT) return;
    const job = this.#queue.shift();
    if (!job) return;
    this.#running++;
    job.started = true;
    this.connector
      .query(job.sql)
      .then(
        (rows) => {
          job.rows = rows;
          job.resolve(rows);
        },
        (err: Error) => {
          if (this.#cache.get(job.key) === job) this.#cache.delete(job.key);
          job.reject(err);
        },
      )
      .finally(() => {
        this.#running--;
        this.#pump();
        this.#wake();
      });
  }
}
