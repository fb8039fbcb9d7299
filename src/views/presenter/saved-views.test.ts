import {expect, test} from 'vitest';
import {mergeSavedViews, parseSavedViews, savedViewsJson} from './saved-views';

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

test('importing the same views twice adds them once', () => {
  const a = {name: 'Birmingham streets', search: '?loc=street'};
  const b = {name: 'Knives', search: '?weapon=knife_sharp'};
  const once = mergeSavedViews([a], [a, b]);
  expect(once).toEqual({views: [a, b], added: 1});
  expect(mergeSavedViews(once.views, [a, b])).toEqual({views: [a, b], added: 0});
  // Same place, another name: kept, as the presenter named it.
  expect(mergeSavedViews([a], [{...a, name: 'Streets'}]).added).toBe(1);
});
