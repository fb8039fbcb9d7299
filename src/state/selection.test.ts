import {expect, test, vi} from 'vitest';
import {Selection} from './selection';

const createSelection = () => {
  const s = new Selection();
  s.update({source: 'dates', value: ['2024-01-01', '2024-12-31'], sql: 'a'});
  s.update({source: 'lad', value: ['E1'], sql: 'b'});
  s.update({source: 'cell', value: 'x', sql: 'c'});
  return s;
};

test('predicate ANDs every clause', () => {
  expect(createSelection().predicate()).toBe('(a) AND (b) AND (c)');
});

test('keeps own clause out of predicate (cross-filter)', () => {
  expect(createSelection().predicate(['dates'])).toBe('(b) AND (c)');
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
