import {expect, test} from 'vitest';
import {checkManifest, isIsoDate} from './manifest';

const createManifest = (over: Record<string, unknown> = {}) => ({
  schema_version: 1,
  title: 'T',
  time_grain: 'day',
  period: {start: '2021-01-01', end: '2025-12-31'},
  tables: {incidents: ['a.parquet']},
  ...over,
});

test('accepts a minimal manifest and fills the defaults', () => {
  const {manifest} = checkManifest(createManifest());
  expect(manifest).toMatchObject({disclosure: {min_count: 5}, events: [], synthetic: false});
});

test('a single incidents file may be given as a string', () => {
  const {manifest} = checkManifest(createManifest({tables: {incidents: 'a.parquet'}}));
  expect(manifest?.tables.incidents).toEqual(['a.parquet']);
});

test.each([
  [{schema_version: 2}, 'schema_version', /unsupported schema_version 2/],
  [{time_grain: 'hour'}, 'time_grain', /must be one of day, week, month/],
  [{period: {start: '2025-01-01', end: '2021-01-01'}}, 'period', /after end/],
  [{tables: {}}, 'tables.incidents', /one or more Parquet files/],
  [{disclosure: {min_count: 0}}, 'disclosure.min_count', /positive integer/],
])('reports %j on the right field', (over, column, message) => {
  const {problems} = checkManifest(createManifest(over));
  expect(problems).toEqual([{file: 'manifest.json', column, message: expect.stringMatching(message)}]);
});

test('a JSON array is not a manifest', () => {
  expect(checkManifest([]).problems[0].message).toBe('is not a JSON object');
});

test('isIsoDate rejects impossible dates', () => {
  expect(isIsoDate('2024-02-29')).toBe(true);
  expect(isIsoDate('2023-02-29')).toBe(false);
  expect(isIsoDate('2024-1-01')).toBe(false);
});
