import {expect, test} from 'vitest';
import {decideCube, type CubeAsk} from './useBrushCube';

const MAY = "date BETWEEN '2024-05-01' AND '2024-05-31'";
const JUNE = "date BETWEEN '2024-06-01' AND '2024-06-30'";

test('a view asks for a cube when the dates were the last change, and only then', () => {
  const first = decideCube(null, 'hexes res 8', MAY);
  expect(first).toEqual({
    build: true,
    stop: false,
    asked: {dates: MAY, key: 'hexes res 8', waiting: true},
  });
  const built: CubeAsk = {...first.asked!, waiting: false};
  // Another filter changed (a new key, the same dates): stop, and do not build for it.
  expect(decideCube(built, 'hexes res 8, night', MAY)).toEqual({
    build: false,
    stop: true,
    asked: {dates: MAY, key: 'hexes res 8, night', waiting: false},
  });
  // The dates changed again: build for them.
  expect(decideCube(built, 'hexes res 8', JUNE).build).toBe(true);
  // No dates filter: nothing to build a cube for.
  expect(decideCube(built, 'hexes res 8', null)).toMatchObject({build: false, stop: true});
});

test('the same ask again while it waits asks again (React runs effects twice in StrictMode)', () => {
  const waiting = decideCube(null, 'breakdowns', MAY).asked!;
  expect(decideCube(waiting, 'breakdowns', MAY).build).toBe(true);
  expect(decideCube({...waiting, waiting: false}, 'breakdowns', MAY).build).toBe(false);
});

test('a view that stops wanting any cube stops a build, and a return to it is no dates change', () => {
  const building: CubeAsk = {dates: MAY, key: 'hexes res 8', waiting: false};
  // Zoomed in to the stored cells (or a breakdown's own filter set): the view reads `incidents`.
  const off = decideCube(building, null, MAY);
  expect(off).toEqual({
    build: false,
    stop: true,
    asked: {dates: MAY, key: 'hexes res 8', waiting: false},
  });
  expect(decideCube(off.asked, 'hexes res 8', MAY).build).toBe(false);
  // A view that never asked has nothing to stop.
  expect(decideCube(null, null, MAY)).toEqual({build: false, stop: false, asked: null});
});
