/**
 * Call `fn` once the page has painted what it has now: two animation frames later (a frame
 * starts only once the last one is on screen), or after a second where frames do not run (a
 * hidden tab). Returns a cancel.
 */
export function afterPaint(fn: () => void): () => void {
  let frame = requestAnimationFrame(() => {
    frame = requestAnimationFrame(done);
  });
  const timer = setTimeout(done, 1000);
  function done() {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    fn();
  }
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/** Resolves once the page has painted what it has now (see `afterPaint`). */
export function painted(): Promise<void> {
  return new Promise((resolve) => afterPaint(resolve));
}

/** A view waiting for data says so (see the views, and the benchmark's probe). */
const BUSY = '[aria-busy="true"], [data-pending="true"]';

/**
 * Resolves once the views have settled: their queries answered (`queueIdle`) and no view on
 * the page waiting for data, on a painted frame (the map's first draw comes well after its
 * data); or once `maxMs` have passed, whatever is still busy. In a hidden tab nothing is drawn
 * (the map stays pending until it can draw): there, once the queries are answered.
 */
export async function viewsSettled(queueIdle: () => Promise<void>, maxMs = 10_000): Promise<void> {
  const until = performance.now() + maxMs;
  for (;;) {
    await painted();
    await queueIdle();
    if (!document.querySelector(BUSY) || document.hidden || performance.now() > until) return;
  }
}
