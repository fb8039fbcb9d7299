import {expect, test} from 'vitest';
import {FrameThrottle, type FrameClock} from './frame-throttle';

/** A clock whose frames and timers run only when the test says so. */
function fakeClock() {
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

/** A loop like luma.gl's: ask for the next frame from inside each frame. */
function loop(throttle: FrameThrottle) {
  let drawn = 0;
  const frame = () => {
    drawn++;
    throttle.requestAnimationFrame(frame);
  };
  throttle.requestAnimationFrame(frame);
  return () => drawn;
}

test('an idle loop runs four frames a second, not sixty', () => {
  const fake = fakeClock();
  const drawn = loop(new FrameThrottle(fake.clock, 1000, 250));
  for (let t = 0; t < 2000; t += 16) fake.advance(16);
  expect(drawn()).toBeGreaterThanOrEqual(7);
  expect(drawn()).toBeLessThanOrEqual(9);
});

test('wake() runs the held frame at once and every frame for a while', () => {
  const fake = fakeClock();
  const throttle = new FrameThrottle(fake.clock, 1000, 250);
  const drawn = loop(throttle);
  fake.advance(16);
  expect(drawn()).toBe(0);
  throttle.wake();
  fake.advance(16);
  expect(drawn()).toBe(1);
  for (let t = 0; t < 960; t += 16) fake.advance(16);
  expect(drawn()).toBeGreaterThanOrEqual(55);
  const before = drawn();
  for (let t = 0; t < 1000; t += 16) fake.advance(16);
  expect(drawn() - before).toBeLessThanOrEqual(6);
});

test('cancelling a held frame drops it', () => {
  const fake = fakeClock();
  const throttle = new FrameThrottle(fake.clock, 1000, 250);
  let ran = false;
  const id = throttle.requestAnimationFrame(() => (ran = true));
  throttle.cancelAnimationFrame(id);
  fake.advance(300);
  throttle.wake();
  fake.advance(16);
  expect(ran).toBe(false);
});

test('a frame cancelled after its release to the browser does not run', () => {
  const fake = fakeClock();
  const throttle = new FrameThrottle(fake.clock, 1000, 250);
  let ran = false;
  const id = throttle.requestAnimationFrame(() => (ran = true));
  throttle.wake(); // released: the browser now holds it under another id
  throttle.cancelAnimationFrame(id);
  fake.advance(16);
  fake.advance(300);
  expect(ran).toBe(false);
});

test('every callback held back runs, each once', () => {
  const fake = fakeClock();
  const throttle = new FrameThrottle(fake.clock, 1000, 250);
  const runs: string[] = [];
  throttle.requestAnimationFrame(() => runs.push('a'));
  throttle.requestAnimationFrame(() => runs.push('b'));
  fake.advance(300);
  fake.advance(300);
  expect(runs).toEqual(['a', 'b']);
});
