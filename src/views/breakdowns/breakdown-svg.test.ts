import {describe, expect, test} from 'vitest';
import type {ExportMeta} from '../export/meta';
import {breakdownCsv} from './breakdown-csv';
import {breakdownSvg} from './breakdown-svg';
import {publishedBreakdowns} from './published';

const META: ExportMeta = {title: 'Breakdowns: test', lines: ['Period: 2024'], periodSlug: 'x'};
const rows = (pairs: [string, number][]) => pairs.map(([code, n]) => ({code, n}));
const TABLES = new Map([
  [
    'weapon',
    rows([
      ['body', 30],
      ['knife_sharp', 7],
      ['unknown', 1],
    ]),
  ],
  [
    'sex',
    rows([
      ['male', 40],
      ['female', 20],
    ]),
  ],
]);

/** The widths of the bars, in order. */
const barWidths = (svg: string) =>
  [...svg.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)"/g)].map((m) => Number(m[1]));

describe('breakdownSvg', () => {
  const published = publishedBreakdowns(['weapon', 'sex'], TABLES, 5);

  test('withholds what the CSV withholds, and writes it the same way', () => {
    expect(published[0].values.map((v) => v.hidden)).toEqual([false, true, true]);
    const svg = breakdownSvg(published, 5, META);
    expect(svg).toContain('>&#60;5</text>');
    expect(svg).toContain('>*</text>');
    // The withheld counts appear nowhere: not as a value, nor as a share.
    expect(svg).not.toMatch(/>7 \(/);
    expect(svg).not.toMatch(/>1 \(/);
    const csv = breakdownCsv(published, 5).rows.filter((r) => r[0] === 'Weapon');
    expect(csv.map((r) => r[3])).toEqual([30, '*', '<5']);
    expect(csv.map((r) => r[4])).toEqual([78.9, null, null]);
  });

  test('draws a bar for each count shown, each dimension scaled to its own largest', () => {
    const svg = breakdownSvg(published, 5, META);
    // Body 30 of 30; male 40 of 40, female 20 of 40: no bar for the withheld two.
    expect(barWidths(svg)).toEqual([80, 80, 40]);
    expect(svg).toContain('30 (78.9%)');
    expect(svg).toContain('Knife / sharp object');
    expect(svg).toContain('>Weapon</text>');
    expect(svg).toContain('>Sex</text>');
  });

  test('is a captioned document with the title, and escapes labels', () => {
    const odd = publishedBreakdowns(['loc'], new Map([['loc', rows([['a<b&"c', 9]])]]), 5);
    const svg = breakdownSvg(odd, 5, META);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('<title>Breakdowns: test</title>');
    expect(svg).toContain('Period: 2024');
    expect(svg).not.toContain('a<b');
  });
});
