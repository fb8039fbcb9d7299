import {expect, test} from 'vitest';
import {profileCsv} from './profile-csv';
import type {ProfileData} from './useProfile';

const DATA = {
  details: {closingTime: '02:00'},
  months: ['2024-01', '2024-02', '2024-03'],
  monthly: [20, 3, 12],
  byHour: new Map([
    [23, 10],
    [2, 20],
    [3, 5],
  ]),
  unknownHour: 2,
  byWeekday: [5, 5, 5, 5, 5, 5, 7],
  weapons: [
    {code: 'body', n: 30},
    {code: 'glass_bottle', n: 5},
  ],
  ageSex: new Map([['18-24', new Map([['male', 35]])]]),
  total: 35,
  after: {hours: [2, 3, 4, 5], n: 25, known: 35, share: 25 / 35},
} as unknown as ProfileData;

const sections = (t: ReturnType<typeof profileCsv>) => [...new Set(t.rows.map((r) => r[0]))];

test('a daily dataset with hours has every section; a small month and its complement are withheld', () => {
  const t = profileCsv(DATA, 5, 'day', true);
  expect(sections(t)).toEqual([
    'Total',
    'Month',
    'Hour of the assault',
    'After closing',
    'Day of the week',
    'Weapon',
    'Age band',
    'Sex',
  ]);
  expect(t.rows.filter((r) => r[0] === 'Month').map((r) => r[2])).toEqual([20, '<5', '*']);
  expect(t.rows.find((r) => r[1] === 'Not recorded')?.[2]).toBe('<5');
  // 25 after closing beside 02:00's 20 would give away the withheld 03:00 (5): withheld too.
  expect(t.rows.find((r) => r[1] === '03:00')?.[2]).toBe('*');
  expect(t.rows.find((r) => r[0] === 'After closing')?.[2]).toBe('*');
});

test('by month, no hour, weekday or after-closing rows: the data cannot have them', () => {
  const t = profileCsv(DATA, 5, 'month', true);
  expect(sections(t)).toEqual(['Total', 'Month', 'Weapon', 'Age band', 'Sex']);
  expect(sections(profileCsv(DATA, 5, 'week', false))).not.toContain('Hour of the assault');
});

test('hours that would be pinned by the total are withheld whole', () => {
  const few = {...DATA, byHour: new Map([[23, 5]]), unknownHour: 1, total: 6} as ProfileData;
  const rows = profileCsv(few, 5, 'day', true).rows.filter((r) => r[0] === 'Hour of the assault');
  expect(rows).toEqual([['Hour of the assault', 'Every hour, and after closing', 'withheld']]);
});
