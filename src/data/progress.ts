/** Loading progress: the current stage and bytes read over every file. */

/** Where loading has got to, for the progress bar. */
export interface LoadProgress {
  stage: string;
  loaded: number;
  /** Total bytes when every file's size is known. */
  total: number | null;
}

/** Collects per-file byte counts and the stage, and emits the sum. */
export class ProgressTracker {
  #bytes = new Map<string, [number, number | null]>();
  #stage = 'Starting';
  constructor(private readonly emit: (p: LoadProgress) => void) {}

  /** Enter a new stage. */
  stage(stage: string): void {
    this.#stage = stage;
    this.#send();
  }

  /** Record bytes read of one file. */
  bytes(file: string, loaded: number, total: number | null): void {
    this.#bytes.set(file, [loaded, total]);
    this.#send();
  }

  #send(): void {
    const all = [...this.#bytes.values()];
    const loaded = all.reduce((s, [l]) => s + l, 0);
    const known = all.every(([, t]) => t !== null);
    this.emit({stage: this.#stage, loaded, total: known ? all.reduce((s, [, t]) => s + (t ?? 0), 0) : null});
  }
}
