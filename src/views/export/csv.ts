/** CSV text with the export's caption as leading `#` lines. */
import type {ExportMeta} from './meta';

/** A table to export: column names and rows of cells (numbers or text, already suppressed). */
export interface CsvTable {
  columns: string[];
  rows: (string | number | null)[][];
}

function cell(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\n\r#]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV (RFC 4180 quoting) preceded by one `# ` line per caption line. */
export function toCsv(table: CsvTable, meta: ExportMeta): string {
  const head = [meta.title, ...meta.lines].map((l) => `# ${l.replace(/[\r\n]+/g, ' ')}`);
  const body = [table.columns, ...table.rows].map((r) => r.map(cell).join(','));
  return [...head, ...body].join('\r\n') + '\r\n';
}

/** Parse CSV written by `toCsv` (caption lines skipped), for tests and round trips. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.split(/\r\n/)) {
    if (!line || line.startsWith('# ')) continue;
    const out: string[] = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted && ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') {
        quoted = !quoted;
      } else if (ch === ',' && !quoted) {
        out.push(cur);
        cur = '';
      } else {
        cur += ch;
      }
    }
    out.push(cur);
    rows.push(out);
  }
  return rows;
}
