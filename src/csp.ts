/**
 * Network policy of the page: besides its own origin it may only connect to the origin of the
 * dataset in `?data=`. The built page's static policy (vite.config.ts) cannot know that origin, so
 * this narrows `connect-src` with a second policy before anything is fetched; policies intersect.
 */

/** The origin a dataset URL lives on, or null for the page's own origin or a bad URL. */
export function datasetOrigin(search: string, page: string): string | null {
  const data = new URLSearchParams(search).get('data');
  if (!data) return null;
  try {
    const url = new URL(data, page);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin === new URL(page).origin ? null : url.origin;
  } catch {
    return null;
  }
}

/** Add `connect-src 'self' [dataset origin]` to the document (production builds only). */
export function restrictConnections(doc: Document, origin: string | null): void {
  const meta = doc.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = `connect-src 'self' blob: data:${origin ? ` ${origin}` : ''}`;
  doc.head.appendChild(meta);
}
