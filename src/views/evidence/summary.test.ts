import {expect, test} from 'vitest';
import type {RankingPeriods} from '../ranking/periods';
import {summaryLines, type SummaryInput} from './summary';

const PERIODS: RankingPeriods = {
  base: 'TRUE',
  current: 'TRUE',
  previous: 'TRUE',
  from: '2024-01-01',
  to: '2024-12-31',
  previousRange: {from: '2023-01-01', to: '2023-12-31'},
  night: false,
  change: {currentDays: 366, previousDays: 365, previousLabel: '1 Jan 2023 – 31 Dec 2023'},
  noComparison: 'No comparison.',
};

function input(overrides: Partial<SummaryInput> = {}): SummaryInput {
  return {
    ranking: {
      rank: 2,
      id: 'P1',
      name: 'Alpha',
      postcode: null,
      type: 'bar',
      ladCode: null,
      ladName: null,
      closingTime: '02:00',
      capacity: null,
      n: 20,
      prev: 5,
      share: 0.1,
      rate: null,
      totalRows: 1,
    },
    ranked: 300,
    total: 20,
    after: {hours: [2, 3, 4, 5], after: 8, known: 16, share: 0.5},
    byHour: new Map([
      [22, 8],
      [2, 8],
    ]),
    // Inconsistent with the total on purpose: the hour line's own tests are in suppress.test.ts.
    unknownHour: 0,
    periods: PERIODS,
    details: null,
    weapons: [
      {code: 'body', n: 17},
      {code: 'glass_bottle', n: 3},
    ],
    ...overrides,
  };
}

test('findings in words: total, rank and share, change with its test, after closing, glass', () => {
  const lines = summaryLines(input(), 5);
  expect(lines[0]).toBe('20 attendances linked to these premises, 1 Jan 2024 – 31 Dec 2024.');
  expect(lines[1]).toContain('Rank 2 of 300 premises');
  expect(lines[1]).toContain('10.0% of 200 attendances at licensed premises');
  expect(lines[2]).toMatch(/^Change: \+300\.0% \(\*\*\); 20 against 5 in .* p = 0\.0041\.$/);
  expect(lines[3]).toBe('8 of 16 attendances with a recorded hour (50%) were after closing time.');
  expect(lines[4]).toBe('Glass or bottle used: <5 of 20.');
});

test('a suppressed count hides the change and its share', () => {
  const base = input();
  const lines = summaryLines(input({ranking: {...base.ranking!, n: 4, prev: 1}, total: 4}), 5);
  expect(lines[0]).toContain('<5 attendances');
  expect(lines[1]).toContain('– of');
  expect(lines[2]).toBe('Change not shown: a count under 5.');
});

test('no previous period: says why', () => {
  const lines = summaryLines(input({periods: {...PERIODS, change: null}}), 5);
  expect(lines[2]).toBe('No comparison.');
});

test('the glass count and the part after closing withhold what the tables beside them hide', () => {
  // The weapon table shows Body 24, Glass * and Other <5: "6 of 34" would give Other away.
  const weapons = [
    {code: 'body', n: 24},
    {code: 'glass_bottle', n: 6},
    {code: 'other', n: 4},
  ];
  // The hour chart hides 02:00 and 03:00 (2 and 1): "11 of 29" beside a shown 00:00 of 8 says 3.
  const byHour = new Map([
    [22, 18],
    [0, 8],
    [2, 2],
    [3, 1],
  ]);
  const after = {hours: [0, 1, 2, 3, 4, 5], after: 11, known: 29, share: 11 / 29};
  const lines = summaryLines(input({weapons, byHour, after, total: 34}), 5);
  expect(lines[3]).toBe('* of 29 attendances with a recorded hour were after closing time.');
  expect(lines[4]).toBe('Glass or bottle used: * of 34.');
  // With no hour withheld, the part is shown with its share.
  const open = summaryLines(
    input({
      weapons,
      byHour: new Map([
        [0, 11],
        [22, 18],
      ]),
      after,
      total: 34,
    }),
    5,
  );
  expect(open[3]).toBe('11 of 29 attendances with a recorded hour (38%) were after closing time.');
});
