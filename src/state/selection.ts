/** A selection of filter clauses, one per source, with a cross-filter predicate (after Mosaic). */
import {and} from '../data/sql/filters';

/** One source's contribution to the filter: its value (for UI and URL) and its SQL. */
export interface Clause<V = unknown> {
  source: string;
  value: V;
  sql: string;
}

type Listener = () => void;

/** A small external store of clauses; emits only on real change. */
export class Selection {
  #clauses: ReadonlyMap<string, Clause> = new Map();
  #listeners = new Set<Listener>();
  #version = 0;

  /** Add or replace the clause of `clause.source`. */
  update(clause: Clause): void {
    const old = this.#clauses.get(clause.source);
    if (old && old.sql === clause.sql && sameValue(old.value, clause.value)) return;
    const next = new Map(this.#clauses);
    next.set(clause.source, clause);
    this.#set(next);
  }

  /** Remove one source's clause. */
  remove(source: string): void {
    if (!this.#clauses.has(source)) return;
    const next = new Map(this.#clauses);
    next.delete(source);
    this.#set(next);
  }

  /** Replace every clause at once (one emit), e.g. when the URL changes. */
  reset(clauses: readonly Clause[]): void {
    const next = new Map(clauses.map((c) => [c.source, c] as const));
    const same =
      next.size === this.#clauses.size &&
      [...next].every(([k, c]) => {
        const old = this.#clauses.get(k);
        return old && old.sql === c.sql && sameValue(old.value, c.value);
      });
    if (!same) this.#set(next);
  }

  /** The clause of a source, if any. */
  get<V>(source: string): Clause<V> | undefined {
    return this.#clauses.get(source) as Clause<V> | undefined;
  }

  /** Every clause, in insertion order. */
  clauses(): Clause[] {
    return [...this.#clauses.values()];
  }

  /**
   * AND of every clause except those of the given sources (cross-filtering), in the order of
   * their sources' names: the same filters give the same SQL, and so the same cached answers and
   * cubes, whatever order they were set in (a changed clause moves to the end of `clauses()`).
   */
  predicate(exclude: readonly string[] = []): string {
    return and(
      ...this.clauses()
        .filter((c) => !exclude.includes(c.source))
        .sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0))
        .map((c) => c.sql),
    );
  }

  /** Subscribe to changes; returns the unsubscribe function. */
  subscribe = (listener: Listener): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** A number that changes whenever the clauses do (for useSyncExternalStore). */
  getSnapshot = (): number => this.#version;

  #set(next: Map<string, Clause>): void {
    this.#clauses = next;
    this.#version += 1;
    for (const listener of [...this.#listeners]) listener();
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
