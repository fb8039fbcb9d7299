import {expect, test} from 'vitest';
import {formatUrl, parseUrl} from './url';

test.each([
  '?from=2024-01-01&to=2024-12-31',
  '?hours=22-4&days=fri,sat&night=1',
  '?loc=licensed_premises,street&weapon=glass_bottle',
  '?data=https://host/wm/manifest.json&lad=E08000025&sex=male&age=18-24,25-34&rel=stranger&site=RRK15',
  '?premises=P00042&view=52.4800,-1.9000,12.00&present=1',
  '?hours=0-24',
])('round-trips %s', (search) => {
  const {filters, extras, notices} = parseUrl(search);
  expect(notices).toEqual([]);
  expect(formatUrl(filters, extras)).toBe(search);
});

test('the map selection round-trips as cells=', () => {
  const search = '?hours=22-4&cells=87195da49ffffff,87195da4bffffff&premises=P00042';
  const {filters, extras, cells, notices} = parseUrl(search);
  expect(notices).toEqual([]);
  expect(cells).toEqual({resolution: 7, cells: ['87195da49ffffff', '87195da4bffffff']});
  expect(formatUrl(filters, extras, cells)).toBe(search);
});

test('hours=22-4 is a window that wraps midnight', () => {
  expect(parseUrl('?hours=22-4').filters.hours).toEqual({start: 22, end: 4});
});

test('liberal where the meaning is plain: 22-0 ends at midnight, Sat and Street are codes', () => {
  const {filters, notices} = parseUrl('?hours=22-0&days=Sat,FRI&loc=Street');
  expect(notices).toEqual([]);
  expect(filters).toEqual({hours: {start: 22, end: 24}, days: [5, 6], loc: ['street']});
  expect(parseUrl('?hours=0-0').notices).toHaveLength(1);
});

test('weekdays are stored in ISO order whatever the URL order', () => {
  expect(parseUrl('?days=sun,fri').filters.days).toEqual([5, 7]);
});

test.each([
  ['?hours=25-3', 'hours'],
  ['?hours=3-3', 'hours'],
  ['?hours=garbage', 'hours'],
  ['?from=2024-02-30', 'from'],
  ['?from=2024-12-31&to=2024-01-01', 'from/to'],
  ['?days=fri,funday', 'days'],
  ['?loc=castle', 'loc'],
  ['?night=yes', 'night'],
  ['?view=100,0,3', 'view'],
  ['?colour=red', 'colour'],
  ['?lad=<script>', 'lad'],
  ['?cells=87195da49ffffff,88195da49bfffff', 'cells'],
  ['?cells=everything', 'cells'],
])('ignores bad %s with a notice', (search, key) => {
  const {notices} = parseUrl(search);
  expect(notices).toHaveLength(1);
  expect(notices[0]).toMatch(new RegExp(`^Ignored ${key}=`));
});

test('keeps the good codes of a partly bad list', () => {
  const {filters, notices} = parseUrl('?days=fri,funday&loc=street,castle');
  expect(filters.days).toEqual([5]);
  expect(filters.loc).toEqual(['street']);
  expect(notices).toHaveLength(2);
});

test('an empty URL means no filters', () => {
  expect(parseUrl('')).toEqual({filters: {}, extras: {}, notices: []});
  expect(formatUrl({}, {})).toBe('');
});

test('a parameter given twice keeps the first value and says so', () => {
  const {filters, notices} = parseUrl('?sex=male&sex=female&hours=22-4&hours=1-2&foo=1&foo=2');
  expect(filters.sex).toEqual(['male']);
  expect(filters.hours).toEqual({start: 22, end: 4});
  expect(notices).toEqual([
    'Ignored sex=female: sex is given more than once; the first is used.',
    'Ignored hours=1-2: hours is given more than once; the first is used.',
    'Ignored foo=1: unknown parameter.',
  ]);
});
