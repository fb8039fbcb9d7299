import type {DuckDBConnection} from '@duckdb/node-api';
import {beforeAll, expect, test} from 'vitest';
import {openDb} from '../../../tests/helpers/node-db';
import {createPremisesFixture} from './premises-fixture.test-helper';
import {ROLLUPS, rollupQuery} from './rollup';
import {WARM_UP_TAG, warmUpQueries} from './warmup';

const ROLLUP_NAMES = ROLLUPS.map((r) => r.name);

let con: DuckDBConnection;
beforeAll(async () => {
  con = await openDb();
  await createPremisesFixture(con);
  for (const r of ROLLUPS) await con.run(rollupQuery(r, r.name, 'incidents'));
});

test('every warm-up statement runs on the normalised tables and the rollups', async () => {
  const statements = warmUpQueries('2024-06-01', ROLLUP_NAMES);
  expect(statements.length).toBeGreaterThan(40);
  for (const sql of statements) {
    expect(sql.startsWith(WARM_UP_TAG)).toBe(true);
    await expect(con.run(sql), sql).resolves.toBeDefined();
  }
});

test('the warm-up reads the rollups only where the views would: no hexagon clause on them', () => {
  const statements = warmUpQueries('2024-06-01', ROLLUP_NAMES);
  for (const name of ROLLUP_NAMES) {
    const on = statements.filter((s) => s.includes(`"${name}"`));
    expect(on.length, name).toBeGreaterThan(0);
    expect(on.filter((s) => s.includes('h3 BETWEEN'))).toEqual([]);
  }
  // Without rollups (a dataset loading them later), only `incidents`.
  expect(warmUpQueries('2024-06-01', []).every((s) => !ROLLUP_NAMES.some((n) => s.includes(`"${n}"`)))).toBe(true);
});

test('each statement is limited to one month of dates and the month before', () => {
  for (const sql of warmUpQueries('2024-06-17', ROLLUP_NAMES)) {
    expect(sql).toMatch(/DATE '2024-06-01'/);
    expect(sql).not.toMatch(/DATE '2024-0[^56]-|DATE '2024-07-0[2-9]/);
  }
});
