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
