import {expect, test} from 'vitest';
import {parseCsv, toCsv} from './csv';

const meta = {title: 'Weapon: Test', lines: ['Period: 2024', 'Filters: none'], periodSlug: 'x'};

test('caption lines lead, values are quoted when needed, and the table round-trips', () => {
  const text = toCsv(
    {
      columns: ['Name', 'Attendances'],
      rows: [
        ['The "Bell", Digbeth', 12],
        ['=cmd()', '<5'],
      ],
    },
    meta,
  );
  expect(text.split('\r\n').slice(0, 3)).toEqual([
    '# Weapon: Test',
    '# Period: 2024',
    '# Filters: none',
  ]);
  expect(text).toContain('"The ""Bell"", Digbeth",12');
  expect(parseCsv(text)).toEqual([
    ['Name', 'Attendances'],
    ['The "Bell", Digbeth', '12'],
    ['=cmd()', '<5'],
  ]);
  // A formula-looking cell is quoted, so spreadsheets show it as text.
  expect(text).toContain('"=cmd()"');
});
