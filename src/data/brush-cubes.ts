/**
 * The date brush's cubes (sql/brush-cube.ts), built in the background after the dates change and
 * read by the views' later queries while the other filters stay as they were.
 *
 * Each view has a slot, and keeps its last two cubes. A build runs a year of dates at a time,
 * each step once the views are idle, so an interaction waits for one step at most; a build whose
 * spec the view no longer wants (another filter changed) stops between two steps.
 */
import {dropTable, KeptTables, type Run} from './kept-tables';

export type {Run} from './kept-tables';

/**
 * Cubes kept per slot. A cube is kept only while its view still wants it, so the one dropped for
 * a third is never the one the view reads now.
 */
const KEPT = 2;

/** A wanted cube: its spec as text, and the statements that build it into a table. */
export interface CubeWant {
  key: string;
  steps: (table: string) => string[];
}

export class BrushCubes {
  #kept = new Map<string, KeptTables>();
  #wanted = new Map<string, string | null>();
  #building = new Set<string>();
  #seq = 0;
  /** Changes when the dataset does: a build started before belongs to the old one. */
  #epoch = 0;

  #dropped = 0;

  /** Changes whenever a cube is dropped. */
  get version(): number {
    let version = this.#dropped;
    for (const kept of this.#kept.values()) version += kept.version;
    return version;
  }

  /** The table of the cube of `key` in `slot` as it is now, unchanged by builds finished later. */
  snapshot(): (slot: string, key: string) => string | null {
    const slots = new Map([...this.#kept].map(([slot, kept]) => [slot, kept.snapshot()]));
    return (slot, key) => slots.get(slot)?.(key) ?? null;
  }

  /** Forget every cube (another dataset replaced `incidents`) and drop their tables. */
  reset(run: Run | null): void {
    this.#epoch++;
    this.#wanted.clear();
    this.#building.clear();
    for (const kept of this.#kept.values()) {
      kept.reset(run);
      this.#dropped += kept.version;
    }
    this.#kept = new Map();
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
      let kept = this.#kept.get(slot);
      if (!kept) this.#kept.set(slot, (kept = new KeptTables(KEPT)));
      await kept.add(want.key, table, run);
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
