import {expect, test} from 'vitest';
import type {Connector, Row} from './connector';
import {IN_FLIGHT, QueryQueue} from './query-queue';

/** A connector whose queries finish when the test says so. */
function createConnector() {
  const calls: {sql: string; finish: (rows: Row[]) => void; fail: (e: Error) => void}[] = [];
  const connector: Connector = {
    query: (sql) =>
      new Promise((finish, fail) => {
        calls.push({sql, finish, fail});
      }),
  };
  return {connector, calls};
}

const tick = () => new Promise((ok) => setTimeout(ok, 0));

test('posts at most IN_FLIGHT queries at a time, in order', async () => {
  const {connector, calls} = createConnector();
  const queue = new QueryQueue(connector);
  const ids = Array.from({length: IN_FLIGHT + 1}, (_, i) => i + 1);
  const tickets = ids.map((i) => queue.request(`k${i}`, `SELECT ${i}`));
  await tick();
  expect(calls.map((c) => c.sql)).toEqual(ids.slice(0, IN_FLIGHT).map((i) => `SELECT ${i}`));
  calls[0].finish([{x: 1}]);
  await tick();
  expect(calls.map((c) => c.sql)).toEqual(ids.map((i) => `SELECT ${i}`));
  for (const [i, call] of calls.slice(1).entries()) call.finish([{x: i + 2}]);
  expect(await Promise.all(tickets.map((t) => t.promise))).toEqual(ids.map((x) => [{x}]));
});

test('shares identical requests and answers repeats from the cache', async () => {
  const {connector, calls} = createConnector();
  const queue = new QueryQueue(connector);
  const a = queue.request('k', 'SELECT 1');
  const b = queue.request('k', 'SELECT 1');
  await tick();
  calls[0].finish([{x: 1}]);
  expect(await a.promise).toBe(await b.promise);
  expect(await queue.request('k', 'SELECT 1').promise).toEqual([{x: 1}]);
  expect(calls).toHaveLength(1);
});

test('a request released before its turn never reaches the database', async () => {
  const {connector, calls} = createConnector();
  const queue = new QueryQueue(connector);
  const first = Array.from({length: IN_FLIGHT}, (_, i) => `SELECT ${i + 1}`);
  for (const sql of first) queue.request(sql, sql);
  const stale = queue.request('stale', 'SELECT stale');
  queue.request('newest', 'SELECT newest');
  await tick();
  expect(calls).toHaveLength(IN_FLIGHT);
  stale.release();
  calls[0].finish([]);
  await tick();
  expect(calls.map((c) => c.sql)).toEqual([...first, 'SELECT newest']);
  expect(queue.queued).toBe(0);
});

test('a failed query is not cached', async () => {
  const {connector, calls} = createConnector();
  const queue = new QueryQueue(connector);
  const a = queue.request('k', 'SELECT boom');
  await tick();
  calls[0].fail(new Error('boom'));
  await expect(a.promise).rejects.toThrow('boom');
  queue.request('k', 'SELECT boom');
  await tick();
  expect(calls).toHaveLength(2);
});

test('each result is handed over as soon as its query finishes', async () => {
  const {connector, calls} = createConnector();
  const queue = new QueryQueue(connector);
  const seen: string[] = [];
  void queue.request('a', 'A').promise.then(() => seen.push('a'));
  void queue.request('b', 'B').promise.then(() => seen.push('b'));
  await tick();
  calls[1].finish([]);
  await tick();
  expect(seen).toEqual(['b']);
  calls[0].finish([]);
  await tick();
  expect(seen).toEqual(['b', 'a']);
});

test('idle() waits until nothing is queued or running', async () => {
  const {connector, calls} = createConnector();
  const queue = new QueryQueue(connector);
  let idle = false;
  await queue.idle();
  const first = Array.from({length: IN_FLIGHT}, (_, i) => `SELECT ${i + 1}`);
  for (const sql of first) queue.request(sql, sql);
  const last = queue.request('last', 'SELECT last');
  void queue.idle().then(() => (idle = true));
  await tick();
  for (const call of calls.slice(0, IN_FLIGHT - 1)) call.finish([]);
  await tick();
  expect(idle).toBe(false);
  calls[IN_FLIGHT - 1].finish([]);
  await tick();
  // The last request is running now.
  expect([idle, calls.at(-1)!.sql]).toEqual([false, 'SELECT last']);
  calls.at(-1)!.finish([]);
  await last.promise;
  await tick();
  expect(idle).toBe(true);
});

test('idle() also ends when the only waiting request is dropped', async () => {
  const {connector, calls} = createConnector();
  const queue = new QueryQueue(connector);
  const ticket = queue.request('k', 'SELECT 1');
  let idle = false;
  void queue.idle().then(() => (idle = true));
  // Released before its turn (requests are posted on the next microtask): never run.
  ticket.release();
  await tick();
  expect([idle, calls.length]).toEqual([true, 0]);
});

test('peek gives the rows of an answered request only, for a view to draw them in the same render', async () => {
  const {connector, calls} = createConnector();
  const queue = new QueryQueue(connector);
  const ok = queue.request('ok', 'SELECT 1');
  const bad = queue.request('bad', 'SELECT nonsense');
  bad.promise.catch(() => undefined);
  await tick();
  expect(queue.peek('ok')).toBeUndefined();
  calls[0].finish([{x: 1}]);
  calls[1].fail(new Error('no such column'));
  await tick();
  expect(queue.peek('ok')).toBe(await ok.promise);
  // A failed query is asked again, so it has no rows to show.
  expect(queue.peek('bad')).toBeUndefined();
  expect(queue.peek('never asked')).toBeUndefined();
});

test('a peeked result counts as used: the cache evicts others first', async () => {
  const {connector, calls} = createConnector();
  const queue = new QueryQueue(connector);
  // Fill the cache (256 results), oldest first.
  const tickets = Array.from({length: 256}, (_, i) => queue.request(`k${i}`, `SELECT ${i}`));
  await tick();
  while (calls.length) {
    for (const c of calls.splice(0)) c.finish([{sql: c.sql}]);
    await tick();
  }
  for (const t of tickets) t.release();
  expect(queue.peek('k0')).toEqual([{sql: 'SELECT 0'}]);
  // One more result evicts the least recently used: k1, now that k0 was peeked.
  queue.request('k256', 'SELECT 256');
  expect(queue.peek('k0')).toEqual([{sql: 'SELECT 0'}]);
  expect(queue.peek('k1')).toBeUndefined();
});
