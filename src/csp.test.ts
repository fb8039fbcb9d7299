import {expect, test} from 'vitest';
import {datasetOrigin} from './csp';

const PAGE = 'https://dash.example/app/index.html';

test.each([
  ['', null],
  ['?data=data/x/manifest.json', null],
  ['?data=https://dash.example/other/manifest.json', null],
  ['?data=https://data.example:8443/wm/manifest.json', 'https://data.example:8443'],
  ['?data=javascript:alert(1)', null],
  ['?data=file:///etc/passwd', null],
])('the dataset origin of %s is %s', (search, origin) => {
  expect(datasetOrigin(search, PAGE)).toBe(origin);
});
