import {expect, test} from 'vitest';
import {parseSavedViews, savedViewsJson} from './saved-views';

test('saved views round-trip through their JSON file', () => {
  const views = [
    {name: 'Night-time economy', search: '?hours=22-4&days=fri,sat&night=1'},
    {name: 'All', search: ''},
  ];
  expect(parseSavedViews(savedViewsJson(views))).toEqual(views);
});

test('a bare list is accepted too', () => {
  expect(parseSavedViews('[{"name":"A","search":"?loc=street"}]')).toEqual([
    {name: 'A', search: '?loc=street'},
  ]);
});

test.each([
  ['{', /not valid JSON/],
  ['{"views": 3}', /expected a list/],
  ['[{"name": "A", "search": "loc=street"}]', /view 1 needs/],
])('rejects %s', (text, message) => {
  expect(() => parseSavedViews(text)).toThrow(message);
});
