import {beforeAll, describe, expect, it} from 'vitest';
import {dayOf} from './calendar';
import {buildWorld, simulateRange, type World} from './simulate';

const INPUTS = 'data/basemap';
const FROM = dayOf('2023-12-28');
const TO = dayOf('2024-01-06');

let world: World;

function run(w: World, scale = 1): string[] {
  const lines: string[] = [];
  const opts = {scale, firstDay: FROM, lastDay: TO};
  simulateRange(w, opts, FROM - 1, TO, (line) => lines.push(line));
  return lines;
}

beforeAll(() => {
  world = buildWorld(INPUTS, 20211);
});

describe('simulation core', () => {
  it('gives identical records for the same seed', () => {
    const again = buildWorld(INPUTS, 20211);
    expect(again.premises).toEqual(world.premises);
    expect(run(again)).toEqual(run(world));
  });

  it('gives different records for another seed', () => {
    expect(run(buildWorld(INPUTS, 7))).not.toEqual(run(world));
  });

  it('emits twelve columns dated inside the range', () => {
    const lines = run(world);
    expect(lines.length).toBeGreaterThan(200);
    for (const line of lines) {
      const cols = line.split(',');
      expect(cols).toHaveLength(12);
      const day = dayOf(cols[0]);
      expect(day >= FROM && day <= TO).toBe(true);
    }
  });

  it('dates early-hours assaults to the next calendar day', () => {
    const lines = run(world).map((l) => l.split(','));
    const newYear = lines.filter(
      ([date, hour]) => date === '2024-01-01' && hour !== '' && +hour < 6,
    );
    const weeknight = lines.filter(
      ([date, hour]) => date === '2024-01-03' && hour !== '' && +hour < 6,
    );
    expect(newYear.length).toBeGreaterThan(3 * weeknight.length);
  });

  it('scales volume with the scale option', () => {
    const base = run(world).length;
    expect(run(world, 3).length / base).toBeGreaterThan(2.5);
  });
});
