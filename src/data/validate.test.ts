import {expect, test} from 'vitest';
import {columnProblems, describeProblem} from './validate';
import {TABLE_COLUMNS} from './schema';

const goodColumns = () =>
  TABLE_COLUMNS.incidents.map((c) => ({
    name: c.name,
    type: {date: 'DATE', integer: 'BIGINT', string: 'VARCHAR', number: 'DOUBLE'}[c.family],
  }));

test('accepts any integer width and TIMESTAMP dates', () => {
  const cols = goodColumns().map((c) => (c.name === 'date' ? {...c, type: 'TIMESTAMP_NS'} : c));
  expect(columnProblems('a.parquet', 'incidents', cols).problems).toEqual([]);
});

test.each(['TIMESTAMP', 'TIMESTAMP_MS', 'TIMESTAMP_S'])('accepts %s dates', (type) => {
  const cols = goodColumns().map((c) => (c.name === 'date' ? {...c, type} : c));
  expect(columnProblems('a.parquet', 'incidents', cols).problems).toEqual([]);
});

test('a date with a time zone is refused, saying why and how to write it', () => {
  const cols = goodColumns().map((c) =>
    c.name === 'date' ? {...c, type: 'TIMESTAMP WITH TIME ZONE'} : c,
  );
  const {problems, usable} = columnProblems('tz.parquet', 'incidents', cols);
  expect(usable.has('date')).toBe(false);
  expect(describeProblem(problems[0])).toMatch(
    /^tz\.parquet, column "date": wrong type: expected a DATE or TIMESTAMP, found TIMESTAMP WITH TIME ZONE\. Its local date depends on a time zone.*tz_localize\(None\)/,
  );
});

test('names file, column and found type for a wrong type', () => {
  const cols = goodColumns().map((c) => (c.name === 'hour' ? {...c, type: 'VARCHAR'} : c));
  const [p] = columnProblems('x.parquet', 'incidents', cols).problems;
  expect(describeProblem(p)).toBe(
    'x.parquet, column "hour": wrong type: expected an integer (TINYINT to BIGINT), found VARCHAR',
  );
});

test('a missing column is reported, with a hint when only the case differs', () => {
  const cols = goodColumns().map((c) => (c.name === 'weapon' ? {...c, name: 'Weapon'} : c));
  const {problems, usable} = columnProblems('x.parquet', 'incidents', cols);
  expect(problems[0].message).toMatch(/missing column \(found "Weapon"/);
  expect(usable.has('weapon')).toBe(false);
});

test('optional premises columns may be absent', () => {
  const cols = ['premises_id', 'name', 'lat', 'lon'].map((name) => ({
    name,
    type: name.startsWith('l') ? 'DOUBLE' : 'VARCHAR',
  }));
  expect(columnProblems('p.parquet', 'premises', cols).problems).toEqual([]);
});
