/** The interactions the benchmark times, driven through the real UI as a person would. */
import type {Page} from 'playwright-core';

/** One kind of filter change. */
export interface Interaction {
  kind: string;
  /** Get the page ready for the k-th interaction of this kind (not timed). */
  prepare?: (page: Page, k: number) => Promise<void>;
  /** The input itself (timed from its last event to every view settled). */
  act: (page: Page, k: number) => Promise<void>;
  /** Undo what `prepare` opened (not timed). */
  finish?: (page: Page, k: number) => Promise<void>;
}

const HOUR_PRESETS = ['Night-time economy 21:00–06:00', 'Late night 00:00–06:00', 'All day'];
/** Weekday toggles by position, Monday first: Friday, Saturday, Sunday. */
const WEEKDAYS = [4, 5, 6];
/** Positions of location types in the dropdown (licensed premises, street, home). */
const LOCATION_OPTIONS = [1, 0, 1, 0, 2, 2];
/** Map clicks, as fractions of the map's box; each is clicked twice (select, then deselect). */
const MAP_SPOTS: [number, number][] = [
  [0.5, 0.5],
  [0.46, 0.46],
  [0.55, 0.52],
  [0.5, 0.56],
];

const locationDropdown = (page: Page) =>
  page
    .locator('details.filter.multi')
    .filter({has: page.locator('.multi-name', {hasText: /^Location type$/})});

/** Trend brush, hour preset, weekday toggle, location type checkbox, hexagon click. */
export const INTERACTIONS: Interaction[] = [
  {
    kind: 'trend brush',
    act: async (page, k) => {
      const box = (await page.locator('.trend svg').boundingBox())!;
      const left = box.x + 44;
      const width = box.width - 56;
      const a = 0.05 + 0.07 * (k % 9);
      const b = Math.min(0.98, a + 0.15 + 0.05 * (k % 4));
      const y = box.y + box.height / 2;
      await page.mouse.move(left + width * a, y);
      await page.mouse.down();
      await page.mouse.move(left + width * b, y, {steps: 4});
      await page.mouse.up();
    },
  },
  {
    kind: 'hour preset',
    act: async (page, k) => {
      await page.getByLabel('Hour preset').selectOption(HOUR_PRESETS[k % HOUR_PRESETS.length]);
    },
  },
  {
    kind: 'weekday toggle',
    act: async (page, k) => {
      const day = WEEKDAYS[k % WEEKDAYS.length];
      await page.getByRole('group', {name: 'Weekdays'}).getByRole('button').nth(day).click();
    },
  },
  {
    kind: 'location type',
    prepare: async (page) => {
      const dropdown = locationDropdown(page);
      await dropdown.locator('summary').click();
      // Opening fetches the option counts; let that finish before the timed click.
      await dropdown.locator('.multi-count').first().filter({hasText: /\d/}).waitFor();
    },
    act: async (page, k) => {
      const option = LOCATION_OPTIONS[k % LOCATION_OPTIONS.length];
      await locationDropdown(page).getByRole('checkbox').nth(option).click();
    },
    finish: async (page) => {
      await locationDropdown(page).locator('summary').click();
    },
  },
  {
    kind: 'hexagon click',
    act: async (page, k) => {
      const box = (await page.getByTestId('map').boundingBox())!;
      const [fx, fy] = MAP_SPOTS[Math.floor(k / 2) % MAP_SPOTS.length];
      await page.mouse.click(box.x + box.width * fx, box.y + box.height * fy);
    },
  },
];
