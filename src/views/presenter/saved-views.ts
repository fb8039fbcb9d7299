/** Saved views (name + query string), kept in the browser and exchanged as a JSON file. */

/** One saved view. */
export interface SavedView {
  name: string;
  /** The view's query string, starting with '?' (or empty). */
  search: string;
}

/** localStorage key of the saved views. */
export const SAVED_VIEWS_KEY = 'vsd.savedViews';

/** Parse saved views from JSON; throws with a message naming the problem. */
export function parseSavedViews(text: string): SavedView[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new Error(`not valid JSON (${(err as Error).message})`);
  }
  const list = (data as {views?: unknown})?.views ?? data;
  if (!Array.isArray(list)) throw new Error('expected a list of views');
  return list.map((v, i) => {
    const name = (v as SavedView)?.name;
    const search = (v as SavedView)?.search;
    if (
      typeof name !== 'string' ||
      typeof search !== 'string' ||
      (search && !search.startsWith('?'))
    ) {
      throw new Error(`view ${i + 1} needs a name and a query string starting with "?"`);
    }
    return {name: name.slice(0, 120), search};
  });
}

/** `imported` added to `current`, less those already there (same name and query string). */
export function mergeSavedViews(
  current: readonly SavedView[],
  imported: readonly SavedView[],
): {views: SavedView[]; added: number} {
  const key = (v: SavedView) => `${v.name}\u0000${v.search}`;
  const seen = new Set(current.map(key));
  const views = [...current];
  for (const v of imported) {
    if (seen.has(key(v))) continue;
    seen.add(key(v));
    views.push(v);
  }
  return {views, added: views.length - current.length};
}

/** The views as the JSON file the export writes. */
export function savedViewsJson(views: readonly SavedView[]): string {
  return JSON.stringify({format: 'vsd-saved-views', version: 1, views}, null, 2);
}

/** Read the saved views from storage (none when missing or broken). */
export function loadSavedViews(storage: Storage): SavedView[] {
  try {
    return parseSavedViews(storage.getItem(SAVED_VIEWS_KEY) ?? '[]');
  } catch {
    return [];
  }
}

/** Write the saved views to storage. */
export function storeSavedViews(storage: Storage, views: readonly SavedView[]): void {
  storage.setItem(SAVED_VIEWS_KEY, savedViewsJson(views));
}
