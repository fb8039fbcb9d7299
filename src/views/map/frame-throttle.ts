/**
 * Animation frames for deck.gl's render loop: every frame while the map is in use, a few a second
 * while it is idle.
 *
 * deck.gl asks for an animation frame on every frame, for as long as the page is open, and then
 * checks whether anything needs drawing. Each of those frames makes the browser run its frame
 * pipeline. On this project's 2-core machine without a GPU, an idle dashboard spent about a fifth
 * of a core on it (trace of 4 s idle: 240 frames, 430-580 ms on the page's main thread, 300-500 ms
 * in the compositor and display threads), which every query and every drawing waits for.
 */

/** What deck.gl's loop (luma.gl `AnimationLoop`'s `animationFrameProvider`) calls. */
export interface AnimationFrameProvider {
  requestAnimationFrame(callback: FrameRequestCallback): number;
  cancelAnimationFrame(id: number): void;
}

/** The timer and frame functions the throttle uses (a fake in tests). */
export interface FrameClock extends AnimationFrameProvider {
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
  now(): number;
}

/** The page's own clock. */
export function browserClock(win: Window): FrameClock {
  return {
    requestAnimationFrame: (cb) => win.requestAnimationFrame(cb),
    cancelAnimationFrame: (id) => win.cancelAnimationFrame(id),
    setTimeout: (fn, ms) => win.setTimeout(fn, ms),
    clearTimeout: (id) => win.clearTimeout(id),
    now: () => win.performance.now(),
  };
}

/** Frames at full rate for `activeMs` after `wake()`, else one every `idleMs`. */
export class FrameThrottle implements AnimationFrameProvider {
  #activeUntil = 0;
  /** Callbacks held back while idle, by the ids given for them (negative: the browser's are not). */
  #held = new Map<number, FrameRequestCallback>();
  /** Held callbacks since handed to the browser: their ids and the browser's frame ids. */
  #released = new Map<number, number>();
  #nextId = -1;
  #timer: number | null = null;

  constructor(
    private readonly clock: FrameClock,
    private readonly activeMs = 1000,
    private readonly idleMs = 250,
  ) {}

  requestAnimationFrame = (callback: FrameRequestCallback): number => {
    if (this.clock.now() < this.#activeUntil) return this.clock.requestAnimationFrame(callback);
    const id = this.#nextId--;
    this.#held.set(id, callback);
    this.#timer ??= this.clock.setTimeout(() => this.#release(), this.idleMs);
    return id;
  };

  cancelAnimationFrame = (id: number): void => {
    if (id > 0) {
      this.clock.cancelAnimationFrame(id);
      return;
    }
    this.#held.delete(id);
    const frame = this.#released.get(id);
    if (frame !== undefined) this.clock.cancelAnimationFrame(frame);
    this.#released.delete(id);
    if (this.#held.size === 0 && this.#timer !== null) {
      this.clock.clearTimeout(this.#timer);
      this.#timer = null;
    }
  };

  /** Something may need drawing (new layers, a camera move, the pointer): full rate for a while. */
  wake(): void {
    this.#activeUntil = this.clock.now() + this.activeMs;
    if (this.#held.size) this.#release();
  }

  #release(): void {
    if (this.#timer !== null) this.clock.clearTimeout(this.#timer);
    this.#timer = null;
    for (const [id, callback] of this.#held) {
      const frame = this.clock.requestAnimationFrame((time) => {
        this.#released.delete(id);
        callback(time);
      });
      this.#released.set(id, frame);
    }
    this.#held.clear();
  }
}
