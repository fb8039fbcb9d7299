import {afterEach, beforeEach, expect, test, vi} from 'vitest';
import {viewsSettled} from './after-paint';

/** A page whose map is always pending, in a tab shown or hidden (no animation frames there). */
function page(hidden: boolean) {
  vi.stubGlobal('document', {hidden, querySelector: () => ({})});
  vi.stubGlobal('requestAnimationFrame', () => 0);
  vi.stubGlobal('cancelAnimationFrame', () => undefined);
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

async function settledAfter(hidden: boolean): Promise<number> {
  page(hidden);
  let done = false;
  void viewsSettled(() => Promise.resolve()).then(() => (done = true));
  const start = performance.now();
  while (!done) await vi.advanceTimersByTimeAsync(100);
  return performance.now() - start;
}

test('a view still pending in a shown tab is waited for, up to the limit', async () => {
  expect(await settledAfter(false)).toBeGreaterThanOrEqual(10_000);
});

test('in a hidden tab, where nothing draws, the views count as settled once answered', async () => {
  expect(await settledAfter(true)).toBeLessThanOrEqual(1_100);
});
