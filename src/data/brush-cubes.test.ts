import {expect, test} from 'vitest';
import type {Row} from './connector';
import {BrushCubes, type CubeWant, type Run} from './brush-cubes';

/** A cube of three steps; the statements name the table. */
const want = (key: string): CubeWant => ({
  key,
  steps: (t) => [`CREATE ${t} ${key}`, `INSERT ${t} ${key} 2`, `INSERT ${t} ${key} 3`],
});

function recorder(): {run: Run; sent: string[]} {
  const sent: string[] = [];
  return {sent, run: (sql) => (sent.push(sql), Promise.resolve([] as Row[]))};
}
const now = () => Promise.resolve();

test('a cube is built step by step, each when the views are idle, then read from its slot', async () => {
  const cubes = new BrushCubes();
  const {run, sent} = recorder();
  const order: string[] = [];
  const idle = () => (order.push('idle'), Promise.resolve());
  await cubes.want('hexagons', want('A'), (sql) => (order.push('step'), run(sql)), idle);
  expect(order).toEqual(['idle', 'step', 'idle', 'step', 'idle', 'step']);
  const table = cubes.snapshot()('hexagons', 'A')!;
  expect(table).toMatch(/^_cube_\d+$/);
  expect(sent).toEqual([`CREATE ${table} A`, `INSERT ${table} A 2`, `INSERT ${table} A 3`]);
  expect(cubes.snapshot()('breakdowns', 'A')).toBeNull();
  expect(cubes.snapshot()('hexagons', 'B')).toBeNull();
  // Wanted again: no second build.
  await cubes.want('hexagons', want('A'), run, now);
  expect(sent).toHaveLength(3);
});

test('a build no longer wanted stops between two steps and drops what it built', async () => {
  const cubes = new BrushCubes();
  const {run, sent} = recorder();
  let release!: () => void;
  let idles = 0;
  const idle = () => (++idles === 2 ? new Promise<void>((r) => (release = r)) : Promise.resolve());
  const building = cubes.want('hexagons', want('A'), run, idle);
  await Promise.resolve();
  await new Promise((r) => setTimeout(r, 0));
  expect(sent).toHaveLength(1);
  await cubes.want('hexagons', null, run, now); // another filter changed
  release();
  await building;
  expect(sent).toHaveLength(2);
  expect(sent[1]).toMatch(/^DROP TABLE IF EXISTS "_cube_\d+"$/);
  expect(cubes.snapshot()('hexagons', 'A')).toBeNull();
});

test('each slot keeps its last two cubes; a third drops the oldest and changes the version', async () => {
  const cubes = new BrushCubes();
  const {run, sent} = recorder();
  await cubes.want('hexagons', want('A'), run, now);
  await cubes.want('hexagons', want('B'), run, now);
  await cubes.want('breakdowns', want('A'), run, now);
  await cubes.want('breakdowns', want('B'), run, now);
  const a = cubes.snapshot()('hexagons', 'A');
  expect(a).not.toBe(cubes.snapshot()('breakdowns', 'A'));
  const version = cubes.version;
  const before = cubes.snapshot();
  await cubes.want('hexagons', want('C'), run, now);
  expect(cubes.snapshot()('hexagons', 'A')).toBeNull();
  for (const [slot, key] of [
    ['breakdowns', 'A'],
    ['hexagons', 'B'],
    ['breakdowns', 'B'],
    ['hexagons', 'C'],
  ]) {
    expect(cubes.snapshot()(slot, key)).toBeTruthy();
  }
  expect(cubes.version).not.toBe(version);
  expect(sent.at(-1)).toBe(`DROP TABLE IF EXISTS "${a}"`);
  // A snapshot taken before answers as it did.
  expect(before('hexagons', 'C')).toBeNull();
  expect(before('hexagons', 'A')).toBe(a);
  // A reset changes the version again, and it never goes back.
  const kept = cubes.version;
  cubes.reset(run);
  expect(cubes.version).toBeGreaterThan(kept);
  await cubes.want('hexagons', want('D'), run, now);
  expect(cubes.version).toBeGreaterThan(kept);
});

test('a new dataset forgets every cube and drops its table; a failed step keeps nothing', async () => {
  const cubes = new BrushCubes();
  const {run, sent} = recorder();
  await cubes.want('hexagons', want('A'), run, now);
  const table = cubes.snapshot()('hexagons', 'A');
  cubes.reset(run);
  expect(cubes.snapshot()('hexagons', 'A')).toBeNull();
  expect(sent.at(-1)).toBe(`DROP TABLE IF EXISTS "${table}"`);

  const failing: Run = (sql) => (sql.startsWith('INSERT') ? Promise.reject(new Error('oom')) : run(sql));
  await cubes.want('hexagons', want('B'), failing, now);
  expect(cubes.snapshot()('hexagons', 'B')).toBeNull();
  expect(sent.at(-1)).toMatch(/^DROP TABLE IF EXISTS/);
});
