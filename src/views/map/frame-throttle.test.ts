import {expect, test} from 'vitest';
import {fakeClock} from './fake-clock.test-helper';
import {FrameThrottle} from './frame-throttle';

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
