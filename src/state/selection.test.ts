import {expect, test, vi} from 'vitest';
import {Selection} from './selection';

const createSelection = () => {
  const s = new Selection();
  s.update({source: 'dates', value: ['2024-01-01', '2024-12-31'], sql: 'a'});
  s.update({source: 'lad', value: ['E1'], sql: 'b'});
  s.update({source: 'cell', value: 'x', sql: 'c'});
  return s;
};

test('predicate ANDs every clause, in the order of their sources', () => {
  expect(createSelection().predicate()).toBe('(c) AND (a) AND (b)');
});

test('the same clauses give the same predicate, whatever order they were set in', () => {
  const s = createSelection();
  const before = s.predicate();
  s.update({source: 'dates', value: ['2024-01-01', '2024-06-30'], sql: 'a2'});
  s.reset([
    ...s.clauses().filter((c) => c.source !== 'dates'),
    {source: 'dates', value: ['2024-01-01', '2024-12-31'], sql: 'a'},
  ]);
  expect(s.clauses().map((c) => c.source)).toEqual(['lad', 'cell', 'dates']);
  expect(s.predicate()).toBe(before);
});

test('keeps own clause out of predicate (cross-filter)', () => {
  expect(createSelection().predicate(['dates'])).toBe('(c) AND (b)');
  expect(createSelection().predicate(['dates', 'cell'])).toBe('b');
});

test('emits only on real change', () => {
  const s = createSelection();
  const listener = vi.fn();
  s.subscribe(listener);
  s.update({source: 'lad', value: ['E1'], sql: 'b'});
  s.reset(s.clauses());
  s.remove('nothing');
  expect(listener).not.toHaveBeenCalled();
  const before = s.getSnapshot();
  s.update({source: 'lad', value: ['E2'], sql: 'b2'});
  expect(listener).toHaveBeenCalledTimes(1);
  expect(s.getSnapshot()).not.toBe(before);
});

test('an empty selection matches everything', () => {
  expect(new Selection().predicate()).toBe('TRUE');
});

test('unsubscribe stops notifications', () => {
  const s = createSelection();
  const listener = vi.fn();
  s.subscribe(listener)();
  s.remove('lad');
  expect(listener).not.toHaveBeenCalled();
});
