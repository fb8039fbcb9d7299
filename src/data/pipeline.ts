/**
 * The load's two queues: chunks decoded ahead of the one being stored, and chunk inserts posted to
 * DuckDB ahead of their answers.
 *
 * Every step of a load passes through the page's main thread: a decoded chunk comes back from the
 * decoder there, and goes on to DuckDB's worker from there. While the dashboard starts its map
 * beside the load (shader compiles under software WebGL: tasks of 0.5 s and more), a load that
 * waited for each answer before asking for the next left both workers idle. Measured in a trace of
 * a 1M-row load on 2 cores: DuckDB's worker idle for 1.5 of the 3.5 s it took to store the rows.
 * With work queued in both workers, they go on while the main thread is busy.
 */

/** Where a chunk is: file `file` (its position in the load), chunk `chunk`. */
export interface ChunkAt {
  file: number;
  chunk: number;
}

/**
 * Decoded chunks, asked for ahead in load order, across files. `read` asks the decoder for one
 * chunk; `chunks` gives a file's chunk count once it is known (the file opened), else undefined.
 */
export class ChunkReader<T> {
  #asked = new Map<string, Promise<T>>();

  constructor(
    private readonly files: number,
    private readonly chunks: (file: number) => number | undefined,
    private readonly read: (at: ChunkAt) => Promise<T>,
  ) {}

  /** The chunk at `at`: the one asked for ahead, else asked for now. */
  take(at: ChunkAt): Promise<T> {
    const key = `${at.file}:${at.chunk}`;
    const asked = this.#asked.get(key) ?? this.read(at);
    this.#asked.delete(key);
    return asked;
  }

  /**
   * Ask now for the `depth` chunks after `at` that are not asked for yet; it stops at a file whose
   * chunk count is not known yet (every file has a first chunk, so that one is asked for).
   * Synchronous, so a `take` that follows finds what it asked for.
   */
  ahead(at: ChunkAt, depth: number): void {
    let {file, chunk} = at;
    for (let n = 0; n < depth; n++) {
      const count = this.chunks(file);
      if (count === undefined) return;
      if (chunk + 1 < count) chunk++;
      else if (++file < this.files) chunk = 0;
      else return;
      const key = `${file}:${chunk}`;
      if (this.#asked.has(key)) continue;
      const asked = this.read({file, chunk});
      asked.catch(() => undefined); // reported by `take`
      this.#asked.set(key, asked);
    }
  }

  /** Forget the chunks of `file` asked for ahead (the load stopped reading it). */
  drop(file: number): void {
    for (const key of [...this.#asked.keys()]) {
      if (key.startsWith(`${file}:`)) this.#asked.delete(key);
    }
  }
}

/**
 * Inserts posted without waiting for their answers: once `post` returns, at most `limit` are
 * unanswered. A failed one is reported against its file (once per file and message: the inserts
 * already posted behind it often fail the same way), and no insert is posted after it.
 */
export class InsertPipeline {
  #posted: {file: string; done: Promise<void>}[] = [];
  #failed = false;
  #reported = new Set<string>();

  constructor(
    private readonly limit: number,
    private readonly report: (file: string, err: unknown) => void,
  ) {}

  /** Whether an insert posted so far has failed (known once it is answered). */
  get failed(): boolean {
    return this.#failed;
  }

  /**
   * Post one insert of `file` (`start` posts it), unless one has failed; then wait until at most
   * `limit` are unanswered.
   */
  async post(file: string, start: () => Promise<void>): Promise<void> {
    if (this.#failed) return;
    const done = start();
    // Marked at once (and so handled); reported by `settle`, in the order posted.
    done.catch(() => (this.#failed = true));
    this.#posted.push({file, done});
    await this.settle(this.limit);
  }

  /**
   * When every insert posted so far has been answered (failed or not): DuckDB's worker answers
   * its requests in the order they were posted.
   */
  get last(): Promise<void> {
    const last = this.#posted.at(-1);
    return last ? last.done.catch(() => undefined) : Promise.resolve();
  }

  /** Wait until at most `keep` inserts are unanswered, reporting the failed ones. */
  async settle(keep = 0): Promise<void> {
    while (this.#posted.length > keep) {
      const {file, done} = this.#posted.shift()!;
      await done.catch((err: unknown) => {
        const key = `${file}\u0000${(err as Error)?.message}`;
        if (this.#reported.has(key)) return;
        this.#reported.add(key);
        this.report(file, err);
      });
    }
  }
}
