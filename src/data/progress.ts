/** Loading progress: the current stage, bytes read over every file, and what is known so far. */
import type {Area} from './areas';
import type {Manifest} from './manifest';

/**
 * What a load knows before it is done, for the first paint: the manifest, the boundaries, and
 * the incidents checked and stored so far (rows and their attendances, `SUM(n)`).
 */
export interface LoadPreview {
  manifest: Manifest | null;
  areas: Area[];
  /** Incidents files in the load (0: not known yet), and how many are stored so far. */
  files: number;
  filesDone: number;
  rows: number;
  attendances: number;
}

/** Where loading has got to, for the progress bar. */
export interface LoadProgress {
  stage: string;
  loaded: number;
  /** Total bytes when every file's size is known. */
  total: number | null;
  preview: LoadPreview;
}

/** Prefix of the load's marks on the page's performance timeline (DevTools, `npm run bench`). */
export const STAGE_MARK = 'vsd: ';

/** The mark of the rollups built, in the load or after it (see tables.ts `RollupTiming`). */
export const ROLLUPS_BUILT = 'Rollups built';

/** The mark of a background build that failed: its view stays (see dataset-store.ts). */
export const ROLLUPS_FAILED = 'Rollups not built';

/** The mark of a load whose warm-up statements will run after the rollups (see sql/warmup.ts). */
export const WARM_UP_QUEUED = 'Warm-up queued';

/** The mark of the warm-up's end: every statement run, or one failed (the mark's detail). */
export const WARMED_UP = 'Warmed up';

/** Mark a moment of the load on the page's performance timeline. */
export function markStage(stage: string, detail?: string): void {
  globalThis.performance?.mark?.(STAGE_MARK + stage, detail === undefined ? undefined : {detail});
}

/** Nothing known yet. */
export const EMPTY_PREVIEW: LoadPreview = {
  manifest: null,
  areas: [],
  files: 0,
  filesDone: 0,
  rows: 0,
  attendances: 0,
};

/** Collects per-file byte counts, the stage and the preview, and emits them together. */
export class ProgressTracker {
  #bytes = new Map<string, [number, number | null]>();
  #stage = 'Starting';
  #preview = EMPTY_PREVIEW;
  constructor(private readonly emit: (p: LoadProgress) => void) {}

  /** Enter a new stage (marked on the page's performance timeline). */
  stage(stage: string): void {
    this.#stage = stage;
    markStage(stage);
    this.#send();
  }

  /** Record bytes read of one file. */
  bytes(file: string, loaded: number, total: number | null): void {
    this.#bytes.set(file, [loaded, total]);
    this.#send();
  }

  /** Add to what is known so far. */
  preview(patch: Partial<LoadPreview>): void {
    this.#preview = {...this.#preview, ...patch};
    this.#send();
  }

  /** Count a stored chunk of incidents. */
  stored(rows: number, attendances: number): void {
    const p = this.#preview;
    this.preview({rows: p.rows + rows, attendances: p.attendances + attendances});
  }

  #send(): void {
    const all = [...this.#bytes.values()];
    const loaded = all.reduce((s, [l]) => s + l, 0);
    const known = all.every(([, t]) => t !== null);
    this.emit({
      stage: this.#stage,
      loaded,
      total: known ? all.reduce((s, [, t]) => s + (t ?? 0), 0) : null,
      preview: this.#preview,
    });
  }
}
