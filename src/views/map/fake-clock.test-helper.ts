/** A fake clock for the map's frame and timer code (frame-throttle). */
import type {FrameClock} from './frame-throttle';

/** A clock whose frames and timers run only when the test says so. */
export function fakeClock() {
  let now = 0;
  let nextId = 1;
  const frames = new Map<number, FrameRequestCallback>();
  const timers = new Map<number, {at: number; fn: () => void}>();
  const clock = {
    now: () => now,
    requestAnimationFrame: (cb: FrameRequestCallback) => (frames.set(nextId, cb), nextId++),
    cancelAnimationFrame: (id: number) => void frames.delete(id),
    setTimeout: (fn: () => void, ms: number) => (timers.set(nextId, {at: now + ms, fn}), nextId++),
    clearTimeout: (id: number) => void timers.delete(id),
  } satisfies FrameClock;
  return {
    clock,
    frames,
    timers,
    /** Advance time, firing due timers, then run the frames asked for by then. */
    advance(ms: number) {
      now += ms;
      for (const [id, t] of [...timers]) {
        if (t.at > now) continue;
        timers.delete(id);
        t.fn();
      }
      const due = [...frames.values()];
      frames.clear();
      for (const cb of due) cb(now);
      return due.length;
    },
  };
}
