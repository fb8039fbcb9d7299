/** Number, date and size formatting for people (en-GB). */

const COUNT = new Intl.NumberFormat('en-GB');
const DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** 12345 -> "12,345". */
export function formatCount(n: number): string {
  return COUNT.format(n);
}

/** A signed percentage with one decimal: 0.123 -> "+12.3%". */
export function formatChange(ratio: number): string {
  const pct = ratio * 100;
  const sign = pct > 0 ? '+' : pct < 0 ? '−' : '±';
  return `${sign}${Math.abs(pct).toFixed(1)}%`;
}

/** "2024-01-05" -> "5 Jan 2024". */
export function formatDate(iso: string): string {
  return DATE.format(new Date(`${iso}T00:00:00Z`));
}

/** An inclusive date range in words. */
export function formatRange(from: string, to: string): string {
  return from === to ? formatDate(from) : `${formatDate(from)} – ${formatDate(to)}`;
}

/** Bytes as "1.2 MB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Hour of day as "22:00"; 24 is midnight at the end of the day. */
export function formatHour(h: number): string {
  return `${String(h % 24).padStart(2, '0')}:00`;
}
