/** Temporary tables the views may read, by key: the last few kept, the older ones dropped. */
import type {Row} from './connector';
import {ident} from './sql/filters';

/** Runs SQL in order with the views' queries (through their queue). */
export type Run = (sql: string) => Promise<Row[]>;

export class KeptTables {
  #kept: readonly {key: string; table: string}[] = [];
  #version = 0;

  /** @param size how many tables are kept */
  constructor(private readonly size: number) {}

  /**
   * Changes whenever a table is dropped: views fold it into their choice of table, so none keeps
   * naming a dropped one.
   */
  get version(): number {
    return this.#version;
  }

  /** The table of a key as it is now, unchanged by tables kept later (`#kept` is only replaced). */
  snapshot(): (key: string) => string | null {
    const kept = this.#kept;
    return (key) => kept.find((k) => k.key === key)?.table ?? null;
  }

  /** Keep `table`, built for `key`; the oldest beyond `size` is dropped. */
  async add(key: string, table: string, run: Run): Promise<void> {
    const kept = [...this.#kept, {key, table}];
    const oldest = kept.length > this.size ? kept.shift() : undefined;
    this.#kept = kept;
    if (oldest) {
      this.#version++;
      await dropTable(run, oldest.table);
    }
  }

  /** Forget every table (another dataset replaced `incidents`) and drop them. */
  reset(run: Run | null): void {
    const old = this.#kept;
    this.#kept = [];
    if (old.length) this.#version++;
    if (run) for (const k of old) void dropTable(run, k.table);
  }
}

/** Drop a temporary table if it is there. */
export function dropTable(run: Run, table: string): Promise<Row[]> {
  return run(`DROP TABLE IF EXISTS ${ident(table)}`);
}
