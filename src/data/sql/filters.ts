/** SQL quoting helpers and predicate combinators. Every UI value passes through these. */

/** A SQL string literal with quotes escaped. */
export function literal(value: string | number | boolean | null): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return `'${value.replace(/'/g, "''")}'`;
}

/** A quoted SQL identifier. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A table to create, in database `catalog` when given (else the connection's default). */
export function tableIn(name: string, catalog?: string): string {
  return catalog ? `${ident(catalog)}.${ident(name)}` : ident(name);
}

/** An integer for SQL; throws on anything else so a bad value never reaches a query. */
export function int(value: number): string {
  if (!Number.isInteger(value)) throw new Error(`not an integer: ${value}`);
  return String(value);
}

/** A DATE literal from YYYY-MM-DD. */
export function dateLiteral(iso: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new Error(`not a date: ${iso}`);
  return `DATE '${iso}'`;
}

/** `column IN (...)`; an empty list matches nothing. */
export function inList(column: string, values: readonly (string | number)[]): string {
  if (values.length === 0) return 'FALSE';
  return `${ident(column)} IN (${values.map(literal).join(', ')})`;
}

/** AND of the given predicates, ignoring empty ones; TRUE when none. */
export function and(...predicates: (string | null | undefined | false)[]): string {
  const parts = predicates.filter((p): p is string => !!p && p !== 'TRUE');
  if (parts.length === 0) return 'TRUE';
  return parts.length === 1 ? parts[0] : parts.map((p) => `(${p})`).join(' AND ');
}

/** `WHERE ...`, or nothing when the predicate is TRUE. */
export function whereSql(predicate: string): string {
  return predicate && predicate !== 'TRUE' ? `WHERE ${predicate}` : '';
}
