import {beforeEach, expect, test, vi} from 'vitest';
import {tableFromArrays} from 'apache-arrow';
import type {Dataset} from '../data/load-dataset';
import type {FileSource} from '../data/sources';

/** The SQL the store ran itself (the loader is faked below: its SQL never reaches here). */
const ran: string[] = [];

vi.mock('../data/db', () => ({
  STORE: 'vsd',
  countLoad: () => false,
  getConnection: () =>
    Promise.resolve({
      query: (sql: string) => {
        ran.push(sql);
        if (sql.startsWith('fail')) return Promise.reject(new Error('Out of Memory Error'));
        // An empty answer, as Arrow, as DuckDB gives for a statement.
        return Promise.resolve(tableFromArrays({}));
      },
      insertArrowFromIPCStream: () => Promise.resolve(),
    }),
}));

/** What the faked loader answers to each load, in order: a dataset's build steps, or a failure. */
const answers: (string[] | Error)[] = [];
/** The warm-up statements of the datasets loaded, in order (none when empty). */
const warmUps: string[][] = [];

vi.mock('../data/load-dataset', async (actual) => ({
  ...(await actual<typeof import('../data/load-dataset')>()),
  loadDataset: () => {
    const next = answers.shift()!;
    if (next instanceof Error) return Promise.reject(next);
    const warmUp = warmUps.shift() ?? [];
    return Promise.resolve({buildRollups: next, rollups: ['r'], warmUp} as unknown as Dataset);
  },
}));

const {DatasetStore} = await import('./dataset-store');
const {DatasetError} = await import('../data/load-dataset');
const {dropBuildingQuery} = await import('../data/sql/rollup');

const source = {label: 'test'} as FileSource;
const request = {manifestFile: 'manifest.json'};

/** An idle signal the test gives by hand, one turn at a time. */
function turns() {
  const waiting: {settled: boolean; go: () => void}[] = [];
  return {
    idle: (settled: boolean) => new Promise<void>((go) => waiting.push({settled, go})),
    waiting,
    /** Let the oldest waiting step run, and let it finish. */
    async next() {
      await vi.waitFor(() => expect(waiting.length).toBeGreaterThan(0));
      const turn = waiting.shift()!;
      turn.go();
      await new Promise((r) => setTimeout(r, 0));
      return turn.settled;
    },
  };
}

beforeEach(() => {
  ran.length = 0;
  answers.length = 0;
  warmUps.length = 0;
  performance.clearMarks();
});

test('the rollups are built one at a time after the dataset is shown, the first once the views settle', async () => {
  const t = turns();
  const store = new DatasetStore(t.idle);
  answers.push(['build a', 'build b']);
  await store.load(source, request);
  expect(store.getSnapshot().dataset).not.toBeNull();
  expect(ran).toEqual([]);
  expect(await t.next()).toBe(true);
  expect(ran).toEqual(['build a']);
  expect(performance.getEntriesByName('vsd: Rollups built')).toHaveLength(0);
  expect(await t.next()).toBe(false);
  expect(ran).toEqual(['build a', 'build b']);
  expect(performance.getEntriesByName('vsd: Rollups built')).toHaveLength(1);
});

test("a failed load lets the shown dataset's build go on from where it stopped", async () => {
  const t = turns();
  const store = new DatasetStore(t.idle);
  answers.push(['build a', 'build b', 'build c'], new DatasetError([{file: 'x', message: 'bad'}]));
  await store.load(source, request);
  await t.next();
  expect(ran).toEqual(['build a']);
  // The next load stops the build at its next turn, and fails.
  const failed = store.load(source, request);
  t.waiting.shift()!.go();
  expect(await failed).toBeNull();
  expect(store.getSnapshot().error?.problems).toEqual(['x: bad']);
  expect(ran).toEqual(['build a']);
  expect(await t.next()).toBe(true);
  await t.next();
  expect(ran).toEqual(['build a', 'build b', 'build c']);
});

test("a successful load drops the old dataset's build for its own", async () => {
  const t = turns();
  const store = new DatasetStore(t.idle);
  answers.push(['old a', 'old b'], ['new a']);
  await store.load(source, request);
  const loaded = store.load(source, request);
  t.waiting.shift()!.go();
  await loaded;
  await t.next();
  expect(ran).toEqual(['new a']);
  expect(t.waiting).toEqual([]);
});

test('a new load stops a build still waiting for its turn without waiting for it', async () => {
  const t = turns();
  const store = new DatasetStore(t.idle);
  answers.push(['old a'], ['new a']);
  await store.load(source, request);
  await vi.waitFor(() => expect(t.waiting).toHaveLength(1));
  // No turn is given: the views never settle, and the load must not hang on them.
  expect(await store.load(source, request)).not.toBeNull();
  t.waiting.shift()!.go(); // the old build's turn, come too late
  await t.next();
  expect(ran).toEqual(['new a']);
});

test('a failed build leaves the rest unbuilt and marks it, for the benchmark not to wait', async () => {
  const t = turns();
  const store = new DatasetStore(t.idle);
  answers.push(['build a', 'fail b', 'build c']);
  await store.load(source, request);
  await t.next();
  await t.next();
  await new Promise((r) => setTimeout(r, 10));
  // What the failed step had begun is dropped; the step after it never runs.
  expect(ran.slice(0, 2)).toEqual(['build a', 'fail b']);
  expect(ran.slice(2)).toEqual([dropBuildingQuery()]);
  expect(t.waiting).toHaveLength(0);
  const [failed] = performance.getEntriesByName('vsd: Rollups not built') as PerformanceMark[];
  expect(failed.detail).toBe('Out of Memory Error');
  expect(performance.getEntriesByName('vsd: Rollups built')).toHaveLength(0);
});

test('a failed build runs no warm-up, and marks its end for the benchmark not to wait', async () => {
  const t = turns();
  const store = new DatasetStore(t.idle);
  answers.push(['fail a']);
  warmUps.push(['warm 1']);
  await store.load(source, request);
  await t.next();
  await new Promise((r) => setTimeout(r, 10));
  expect(ran).toEqual(['fail a', dropBuildingQuery()]);
  expect(t.waiting).toHaveLength(0);
  const [ended] = performance.getEntriesByName('vsd: Warmed up') as PerformanceMark[];
  expect(ended.detail).toBe('not run: a rollup was not built');
});

test('the warm-up runs after the rollups, one statement a turn, and a failed one ends it', async () => {
  const t = turns();
  const store = new DatasetStore(t.idle);
  answers.push(['build a']);
  warmUps.push(['warm 1', 'fail 2', 'warm 3']);
  await store.load(source, request);
  expect(await t.next()).toBe(true);
  expect(ran).toEqual(['build a']);
  // Once the views are idle again, not once they have drawn: they drew before the build.
  expect(await t.next()).toBe(false);
  expect(ran).toEqual(['build a', 'warm 1']);
  await t.next();
  await new Promise((r) => setTimeout(r, 10));
  expect(ran).toEqual(['build a', 'warm 1', 'fail 2']);
  expect(t.waiting).toHaveLength(0);
  expect(performance.getEntriesByName('vsd: Rollups built')).toHaveLength(1);
  const [ended] = performance.getEntriesByName('vsd: Warmed up') as PerformanceMark[];
  expect(ended.detail).toBe('stopped: Out of Memory Error');
});

test('with no rollups to build, the warm-up waits for the views to draw, then marks its end', async () => {
  const t = turns();
  const store = new DatasetStore(t.idle);
  answers.push([]);
  warmUps.push(['warm 1', 'warm 2']);
  await store.load(source, request);
  expect(performance.getEntriesByName('vsd: Warm-up queued')).toHaveLength(1);
  expect(await t.next()).toBe(true);
  expect(await t.next()).toBe(false);
  expect(ran).toEqual(['warm 1', 'warm 2']);
  expect(performance.getEntriesByName('vsd: Warmed up')).toHaveLength(1);
  expect(performance.getEntriesByName('vsd: Rollups built')).toHaveLength(0);
});

test('a new load stops the warm-up between two statements', async () => {
  const t = turns();
  const store = new DatasetStore(t.idle);
  answers.push([], ['new a']);
  warmUps.push(['warm 1', 'warm 2']);
  await store.load(source, request);
  await t.next();
  expect(ran).toEqual(['warm 1']);
  const loaded = store.load(source, request);
  t.waiting.shift()!.go();
  await loaded;
  await t.next();
  expect(ran).toEqual(['warm 1', 'new a']);
});
