/**
 * The date brush's cubes (sql/brush-cube.ts), built in the background after the dates change and
 * read by the views' later queries while the other filters stay as they were.
 *
 * Each view has a slot; the last four cubes are kept (the last two of each, when both views
 * build). A build runs a year of dates at a time, each step once the views are idle, so an
 * interaction waits for one step at most; a build whose spec the view no longer wants (another
 * filter changed) stops between two steps.
 */
import {dropTable, KeptTables, type Run} from './kept-tables';

export type {Run} from './kept-tables';

/** Cubes kept: each view's last two. */
const KEPT = 4;

/** A wanted cube: its spec as text, and the statements that build it into a table. */
export interface CubeWant {
  key: string;
  steps: (table: string) => string[];
}

export class BrushCubes {
  #kept = new KeptTables(KEPT);
  #wanted = new Map<string, string | null>();
  #building = new Set<string>();
  #seq = 0;
  /** Changes when the dataset does: a build started before belongs to the old one. */
  #epoch = 0;

  /** Changes whenever a cube is dropped. */
  get version(): number {
    return this.#kept.version;
  }

  /** The table of the cube of `key` in `slot` as it is now, unchanged by builds finished later. */
  snapshot(): (slot: string, key: string) => string | null {
    const kept = this.#kept.snapshot();
    return (slot, key) => kept(idOf(slot, key));
  }

  /** Forget every cube (another dataset replaced `incidents`) and drop their tables. */
  reset(run: Run | null): void {
    this.#epoch++;
    this.#wanted.clear();
    this.#building.clear();
    this.#kept.reset(run);
  }

  /**
   * Build `want`'s cube for `slot` (null: stop building any), each step after `idle()`; resolves
   * once it is kept, or abandoned.
   */
  async want(slot: string, want: CubeWant | null, run: Run, idle: () => Promise<void>): Promise<void> {
    this.#wanted.set(slot, want?.key ?? null);
    if (!want) return;
    const id = idOf(slot, want.key);
    if (this.snapshot()(slot, want.key) || this.#building.has(id)) return;
    const epoch = this.#epoch;
    const table = `_cube_${++this.#seq}`;
    const still = () => epoch === this.#epoch && this.#wanted.get(slot) === want.key;
    this.#building.add(id);
    try {
      for (const step of want.steps(table)) {
        await idle();
        if (!still()) return void (await dropTable(run, table));
        await run(step);
      }
      if (!still()) return void (await dropTable(run, table));
      await this.#kept.add(id, table, run);
    } catch {
      // Not fatal: the view keeps reading `incidents`.
      await dropTable(run, table).catch(() => undefined);
    } finally {
      if (epoch === this.#epoch) this.#building.delete(id);
    }
  }
}

function idOf(slot: string, key: string): string {
  return `${slot}\u0000${key}`;
}
