/**
 * The in-page probe: decides from the DOM when every view has rendered, and times interactions.
 * Plain JavaScript in a string, so no transpiler helper leaks into the page.
 *
 * "All views rendered": the headline's output is ready, the map container has data-pending=false
 * (which the map sets once a WebGL frame has drawn its layers' answers, not when they arrive),
 * nothing is aria-busy or data-pending, the trend has drawn its count line and the hour grid table
 * exists; and this holds on two animation frames in a row.
 *
 * First paint: the first frame showing the loading dashboard with the boundaries drawn (or, if
 * loading beat it, the dashboard itself).
 *
 * An interaction is timed from the last input event before the first view went pending
 * (the pointerup of a brush, the click on a button, the change of a select) to the first frame of
 * that settled state. Where a view went pending before the interaction's first such input (during
 * a brush's drag, a view re-rendered and asked again), the time runs from that first input: the
 * last one before would belong to the interaction before. `dbMs` is the part spent until the DuckDB worker's last reply (its
 * queries); the rest is rendering. The worker is found by its script's name.
 *
 * Queries alone (`replay`): the statements an update sent to DuckDB's worker (`sent`, its
 * RUN_QUERY messages: `data` is [connection, sql] in duckdb-wasm 1.32's worker protocol) run
 * again on the settled page, posted straight to the worker under message ids the page never
 * uses. Their replies are kept from the page (duckdb-wasm would warn of a reply it did not ask
 * for). Only SELECT and WITH statements are run again: the rest changed tables.
 */
export const PROBE_SCRIPT = `(() => {
  if (window.__vsdBench) return;
  const b = (window.__vsdBench = {lastInput: -1, cause: -1, armedAt: -1, sawPending: false, loadedAt: null, firstPaintAt: null, lastDb: -1, sent: []});
  const replies = new Map();
  let nextReplay = 2e9;
  let post = null;
  const PageWorker = window.Worker;
  window.Worker = class extends PageWorker {
    constructor(url, options) {
      super(url, options);
      if (String(url).includes('duckdb')) {
        post = this.postMessage.bind(this);
        this.postMessage = (message, transfer) => {
          if (message && message.type === 'RUN_QUERY' && Array.isArray(message.data)) b.sent.push(message.data);
          return post(message, transfer);
        };
        // Before duckdb-wasm's own listener, which is added once the worker exists.
        this.addEventListener('message', (e) => {
          const done = replies.get(e.data && e.data.requestId);
          if (!done) { b.lastDb = performance.now(); return; }
          e.stopImmediatePropagation();
          replies.delete(e.data.requestId);
          done(e.data.type !== 'ERROR');
        });
      }
    }
  };
  /** Run each read-only statement of \`sent\` \`times\` times; the sum of their fastest runs, ms (null if one failed). */
  b.replay = async (sent, times) => {
    let total = 0;
    for (const [conn, sql] of sent) {
      if (!/^\\s*(SELECT|WITH)\\b/i.test(sql)) continue;
      let best = Infinity;
      for (let i = 0; i < times; i++) {
        const id = nextReplay++;
        const start = performance.now();
        const ok = await new Promise((resolve) => {
          replies.set(id, resolve);
          post({messageId: id, type: 'RUN_QUERY', data: [conn, sql]}, []);
        });
        if (!ok) return null;
        best = Math.min(best, performance.now() - start);
      }
      total += best;
    }
    return total;
  };
  const settled = () => {
    const q = (s) => document.querySelector(s);
    return (
      !!q('output[aria-labelledby="total-label"][data-state="ready"]') &&
      !!q('[data-testid="map"][data-pending="false"]') &&
      !q('[aria-busy="true"]') &&
      !q('[data-pending="true"]') &&
      !!q('.trend svg path.line-count') &&
      !!q('table[aria-label="Hour by weekday"]')
    );
  };
  const busy = () => !!document.querySelector('[aria-busy="true"], [data-pending="true"]');
  b.settled = settled;
  for (const type of ['pointerup', 'mouseup', 'click', 'input', 'change', 'keydown']) {
    // Untrusted too: Playwright's selectOption dispatches input and change from script.
    addEventListener(type, (e) => {
      b.lastInput = e.timeStamp;
      // A view went pending before this interaction's first input (a brush's press re-rendered
      // it): the input it waited for is this one, not one of the interaction before.
      if (b.sawPending && b.cause < b.armedAt) b.cause = e.timeStamp;
    }, true);
  }
  const onMutations = (records) => {
    if (b.sawPending) return;
    const went = records.some((r) => r.oldValue === 'true' ||
      (r.attributeName && r.target.getAttribute(r.attributeName) === 'true'));
    if (went || busy()) {
      b.sawPending = true;
      b.cause = b.lastInput;
    }
  };
  const observe = () => new MutationObserver(onMutations).observe(document.documentElement, {
    subtree: true, childList: true, attributes: true, attributeOldValue: true,
    attributeFilter: ['aria-busy', 'data-pending'],
  });
  if (document.documentElement) observe(); else addEventListener('DOMContentLoaded', observe);
  // First paint: the layout with the boundaries and a headline figure, while loading or loaded.
  const painted = () => !!document.querySelector(
    '[data-testid="loading-dashboard"] [data-testid="boundary-preview"] path, ' +
    '[data-testid="map"][data-pending="false"]');
  let ok = 0, firstOk = 0;
  const watchLoad = () => {
    if (b.firstPaintAt === null && painted()) b.firstPaintAt = performance.now();
    if (settled()) {
      if (ok++ === 0) firstOk = performance.now();
      if (ok >= 2) { b.loadedAt = firstOk; return; }
    } else ok = 0;
    requestAnimationFrame(watchLoad);
  };
  requestAnimationFrame(watchLoad);
  b.arm = () => { b.sawPending = false; b.cause = -1; b.sent = []; b.armedAt = performance.now(); };
  b.failed = () => document.querySelector('.dataset-error') !== null;
  b.until = (test, timeoutMs) => new Promise((resolve) => {
    const start = performance.now();
    const tick = () => {
      if (test()) return resolve(true);
      if (performance.now() - start > timeoutMs) return resolve(false);
      setTimeout(tick, 50);
    };
    tick();
  });
  b.waitSettled = (timeoutMs, noopMs) => new Promise((resolve) => {
    const start = performance.now();
    let ok = 0, firstOk = 0;
    const tick = () => {
      const now = performance.now();
      if (b.sawPending && settled()) {
        if (ok++ === 0) firstOk = now;
        if (ok >= 2) {
          // Never from before the interaction (a view that went pending with no input after).
          const cause = Math.max(b.cause, b.armedAt);
          const db = b.lastDb > cause ? Math.min(b.lastDb, firstOk) - cause : 0;
          return resolve({ms: firstOk - cause, dbMs: db});
        }
      } else ok = 0;
      if (!b.sawPending && now - start > noopMs) return resolve({noop: true});
      if (now - start > timeoutMs) return resolve({timeout: true});
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
})();`;

/** What `waitSettled` answers. */
export type SettleResult = {ms: number; dbMs: number} | {noop: true} | {timeout: true};
