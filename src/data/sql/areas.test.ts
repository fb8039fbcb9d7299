import {expect, test} from 'vitest';
import {openDb, rows} from '../../../tests/helpers/node-db';
import {areaTrendQuery} from './areas';
import {createFixture} from './fixture.test-helper';

test('monthly counts per local authority, night-of aware', async () => {
  const con = await openDb();
  await createFixture(con);
  const plain = await rows(con, areaTrendQuery({where: 'TRUE', night: false}));
  expect(plain).toEqual([
    {code: 'E08000025', month: '2024-05-01', n: 3},
    {code: 'E08000025', month: '2024-06-01', n: 2 + 5 + 6},
    {code: 'E08000026', month: '2024-06-01', n: 4 + 7 + 8},
    {code: 'E08000027', month: '2024-06-01', n: 1},
  ]);
  // Saturday 1 June 01:00 belongs to Friday 31 May with night-of.
  const night = await rows(con, areaTrendQuery({where: 'TRUE', night: true}));
  expect(night[0]).toEqual({code: 'E08000025', month: '2024-05-01', n: 3 + 2});
});
