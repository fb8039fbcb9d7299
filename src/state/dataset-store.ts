/** The dataset being shown, loading progress, and the last load's problems (an external store). */
import {rowsOf} from '../data/connector';
import {countLoad, getConnection, STORE} from '../data/db';
import {dropBuildingQuery} from '../data/sql/rollup';
import {describeProblem} from '../data/validate';
import {DatasetError, loadDataset, type Dataset, type LoadRequest} from '../data/load-dataset';
import {
  EMPTY_PREVIEW,
  markStage,
  ROLLUPS_BUILT,
  ROLLUPS_FAILED,
  WARM_UP_QUEUED,
  WARMED_UP,
  type LoadProgress,
} from '../data/progress';
import type {FileSource} from '../data/sources';

/** What the page shows about data loading. */
export interface DatasetState {
  /** The dataset in DuckDB now; kept when a later load fails. */
  dataset: Dataset | null;
  /** Progress of a load in flight. */
  loading: LoadProgress | null;
  /** The failed load: where from and every problem, one line each. */
  error: {label: string; problems: string[]} | null;
  /** Increases with every successful load, so views re-query. */
  generation: number;
}

type Listener = () => void;

/** The background work after a load: its rollups' build, then its warm-up. */
interface Background {
  stopped: boolean;
  /** Stop at the next turn, or now if it is waiting for one. */
  stop(): void;
  done: Promise<void>;
  /** The statements not run yet. */
  left: string[];
}

/** Loads datasets one at a time into the page's DuckDB. */
export class DatasetStore {
  #state: DatasetState = {dataset: null, loading: null, error: null, generation: 0};
  #listeners = new Set<Listener>();
  #queue: Promise<unknown> = Promise.resolve();
  #background: Background | null = null;

  /**
   * @param idle resolves when background work may have DuckDB: with `settled`, once the views
   * have drawn the new dataset; without, once their queries so far are answered.
   */
  constructor(
    private readonly idle: (settled: boolean) => Promise<void> = () => Promise.resolve(),
  ) {}

  /** Load a dataset; resolves to it, or to null when it failed (see `error`). */
  load(source: FileSource, request: LoadRequest): Promise<Dataset | null> {
    const run = this.#queue.then(() => this.#load(source, request));
    this.#queue = run;
    return run;
  }

  /** Forget the last error (the user dismissed it). */
  dismissError(): void {
    this.#set({error: null});
  }

  subscribe = (listener: Listener): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  getSnapshot = (): DatasetState => this.#state;

  async #load(source: FileSource, request: LoadRequest): Promise<Dataset | null> {
    this.#set({
      loading: {stage: 'Starting DuckDB', loaded: 0, total: null, preview: EMPTY_PREVIEW},
      error: null,
    });
    // A load replaces the tables a background build would write; if it fails, the build of the
    // dataset still shown goes on.
    const unbuilt = await this.#stopBackground();
    // DuckDB starts (seconds: a 30 MB wasm module) while the manifest and the Parquet files
    // download and the first row groups decode; the loader's first query waits for it.
    const conn = getConnection();
    conn.catch(() => undefined); // reported by the first query that needs it
    const db = {
      query: async (sql: string) => rowsOf(await (await conn).query(sql)),
      insertArrow: async (name: string, ipc: Uint8Array, append = false) =>
        (await conn).insertArrowFromIPCStream(ipc, {name, create: !append}),
      store: STORE,
      loadedBefore: countLoad(),
    };
    try {
      const dataset = await loadDataset(db, source, request, (loading) => this.#set({loading}));
      this.#set({dataset, loading: null, generation: this.#state.generation + 1});
      this.#background = this.#buildRollups(db, dataset.buildRollups, dataset.warmUp);
      return dataset;
    } catch (err) {
      const problems =
        err instanceof DatasetError
          ? err.problems.map(describeProblem)
          : [`${source.label}: ${(err as Error).message}`];
      this.#set({loading: null, error: {label: source.label, problems}});
      if (unbuilt.length) this.#background = this.#buildRollups(db, unbuilt);
      return null;
    }
  }

  /**
   * Build the rollups in place of the views that stand in for them (see sql/rollup.ts), one step
   * at a time (`rollupBuildSteps`), each when the views are idle: the dashboard draws first, and
   * an interaction in the meantime waits for one step at most. A failed step stops the build and
   * drops what it had begun; the views stay, which give the same numbers, slower. Then the
   * warm-up statements `warmUp`, in the same way (sql/warmup.ts); their answers are of no use,
   * and a failed one only ends the warm-up. Its end is marked either way (`WARMED_UP`, with the
   * failure as its detail), for the benchmark to time the dashboard as it is after it.
   */
  #buildRollups(
    db: {query(sql: string): Promise<unknown>},
    steps: readonly string[],
    warmUp: readonly string[] = [],
  ): Background {
    let stopped!: () => void;
    const stopping = new Promise<void>((resolve) => (stopped = resolve));
    const job: Background = {
      stopped: false,
      stop: () => {
        job.stopped = true;
        stopped();
      },
      done: Promise.resolve(),
      left: [...steps],
    };
    if (warmUp.length) markStage(WARM_UP_QUEUED);
    job.done = (async () => {
      for (let first = true; job.left.length; first = false) {
        // A new load need not wait for the views to settle (up to seconds) to stop this.
        await Promise.race([this.idle(first), stopping]);
        if (job.stopped) return;
        try {
          await db.query(job.left[0]);
        } catch (err) {
          console.warn(`A rollup was not built, its view stays: ${(err as Error).message}`);
          markStage(ROLLUPS_FAILED, (err as Error).message);
          job.left = [];
          // Its memory back (a step fails most likely for want of it).
          await db.query(dropBuildingQuery()).catch(() => undefined);
          // Nor the warm-up: DuckDB is most likely short of memory. Its end is marked all the same.
          if (warmUp.length) markStage(WARMED_UP, 'not run: a rollup was not built');
          return;
        }
        job.left.shift();
      }
      if (steps.length) markStage(ROLLUPS_BUILT);
      // The first statement after the load waits for the views to have drawn, as a build's does.
      for (const [i, sql] of warmUp.entries()) {
        await Promise.race([this.idle(i === 0 && !steps.length), stopping]);
        if (job.stopped) return;
        const failed = await db.query(sql).then(
          () => null,
          (err: unknown) => (err as Error).message,
        );
        if (failed !== null) return markStage(WARMED_UP, `stopped: ${failed}`);
      }
      if (warmUp.length) markStage(WARMED_UP);
    })().catch((err: unknown) => {
      // Never reject: a load waits for this before it starts.
      console.warn(`The rollups' build stopped: ${(err as Error).message}`);
    });
    return job;
  }

  /**
   * Stop the background build between two of its statements; resolves, once it has stopped, to
   * the statements it had not run.
   */
  async #stopBackground(): Promise<string[]> {
    const job = this.#background;
    if (!job) return [];
    job.stop();
    await job.done;
    this.#background = null;
    return job.left;
  }

  #set(patch: Partial<DatasetState>): void {
    this.#state = {...this.#state, ...patch};
    for (const l of [...this.#listeners]) l();
  }
}
