import {expect, test} from 'vitest';
import {filtersOf, hourIn, setAllFilters, setFilter, setFilters} from './filters';
import {Selection} from './selection';

test('night-of re-derives the date and weekday clauses', () => {
  const s = new Selection();
  setAllFilters(s, {dates: {from: '2024-01-01'}, days: [5, 6], hours: {start: 22, end: 4}});
  expect(s.predicate()).toContain('"dow" IN (5, 6)');
  setFilter(s, 'night', true);
  expect(s.predicate()).toContain('"ndow" IN (5, 6)');
  expect(s.predicate()).toContain('ndate >= DATE');
  expect(s.predicate()).toContain('hour >= 22 OR hour < 4');
});

test('clearing a filter removes its clause', () => {
  const s = new Selection();
  setFilter(s, 'loc', ['street']);
  setFilter(s, 'loc', undefined);
  expect(s.predicate()).toBe('TRUE');
  expect(filtersOf(s)).toEqual({});
});

test('setAllFilters keeps clauses of other sources', () => {
  const s = new Selection();
  s.update({source: 'cell', value: 'x', sql: 'h3 = 1'});
  setAllFilters(s, {sex: ['male']});
  expect(s.predicate(['sex'])).toBe('h3 = 1');
});

test('hourIn wraps midnight', () => {
  expect([21, 22, 3, 4].map((h) => hourIn(h, {start: 22, end: 4}))).toEqual([
    false,
    true,
    true,
    false,
  ]);
  expect(hourIn(12, undefined)).toBe(true);
});

test('setFilters changes several filters in one update of the selection', () => {
  const s = new Selection();
  setFilter(s, 'loc', ['street']);
  let updates = 0;
  s.subscribe(() => updates++);
  setFilters(s, {hours: {start: 22, end: 4}, days: [5, 6]});
  expect(updates).toBe(1);
  expect(filtersOf(s)).toEqual({loc: ['street'], hours: {start: 22, end: 4}, days: [5, 6]});
  setFilters(s, {hours: undefined, days: undefined});
  expect(filtersOf(s)).toEqual({loc: ['street']});
});
