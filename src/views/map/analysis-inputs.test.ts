import {describe, expect, test} from 'vitest';
import {inputsToAnalyse, keptInputs, sameInputs, type AnalysisInputs} from './analysis-inputs';

const months = (from: string, rows = [{cell: 'a', slice: from, n: 1}]): AnalysisInputs => ({
  mode: 'emerging',
  resolution: 7,
  hexRows: [{cell: 'a', n: 1}],
  studyRows: [{cell: 'a'}],
  sliceRows: rows,
  unit: 'month',
  from,
  to: '2025-11-30',
});

describe('keptInputs', () => {
  test('keeps answered inputs, and the same object while they do not change', () => {
    const a = months('2024-01-01');
    expect(keptInputs(a, null, null)).toBe(a);
    expect(keptInputs({...a}, a, null)).toBe(a);
  });

  test('keeps the last answered inputs while a query is pending', () => {
    const a = months('2024-01-01');
    expect(keptInputs(null, a, null)).toBe(a);
  });

  test('new dates with the same rows are new inputs', () => {
    const a = months('2024-01-01');
    const b = {...a, from: '2022-01-01', unit: 'quarter' as const};
    expect(sameInputs(b, a)).toBe(false);
    expect(keptInputs(b, a, null)).toBe(b);
  });

  test('a failed query forgets them', () => {
    expect(keptInputs(null, months('2024-01-01'), 'Binder Error')).toBeNull();
  });
});

describe('inputsToAnalyse', () => {
  const a = months('2024-01-01');

  test('the answered inputs when every query of the mode has answered', () => {
    const b = months('2022-01-01');
    expect(inputsToAnalyse(b, a, 'emerging', null)).toBe(b);
  });

  test('while pending, the last answered inputs, never the old rows against the new dates', () => {
    expect(inputsToAnalyse(null, a, 'emerging', null)).toBe(a);
  });

  test('a failed query: nothing, not the last hexagons', () => {
    expect(inputsToAnalyse(null, a, 'emerging', 'Binder Error')).toBeNull();
    expect(inputsToAnalyse(a, a, 'emerging', 'Binder Error')).toBeNull();
  });

  test('another analysis mode waits for its own rows; count mode takes the last hexagons', () => {
    expect(inputsToAnalyse(null, a, 'hotspot', null)).toBeNull();
    const counts = inputsToAnalyse(null, a, 'count', null)!;
    expect(counts).toMatchObject({mode: 'count', studyRows: null, sliceRows: null});
    expect(counts.hexRows).toBe(a.hexRows);
  });

  test('nothing answered yet: nothing', () => {
    expect(inputsToAnalyse(null, null, 'count', null)).toBeNull();
  });
});
