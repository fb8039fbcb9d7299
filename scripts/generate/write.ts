/** Aggregate records and write the dataset's Parquet and JSON files with @duckdb/node-api. */
import {closeSync, openSync, writeFileSync, writeSync} from 'node:fs';
import {DuckDBInstance, type DuckDBConnection} from '@duckdb/node-api';
import type {Premises} from './premises';
import type {Site} from './sites';

/** Lines buffered before each write to the temporary CSV. */
const FLUSH_LINES = 20_000;

/** CSV columns and their DuckDB types, in emitted order. */
const CSV_TYPES: [string, string][] = [
  ['date', 'DATE'],
  ['hour', 'TINYINT'],
  ['lad_code', 'VARCHAR'],
  ['lsoa_code', 'VARCHAR'],
  ['h3', 'VARCHAR'],
  ['location_type', 'VARCHAR'],
  ['premises_id', 'VARCHAR'],
  ['weapon', 'VARCHAR'],
  ['sex', 'VARCHAR'],
  ['age_band', 'VARCHAR'],
  ['relationship', 'VARCHAR'],
  ['site_code', 'VARCHAR'],
];

const ORDER_BY =
  'date, hour NULLS LAST, location_type, lad_code NULLS LAST, lsoa_code NULLS LAST, ' +
  'h3 NULLS LAST, premises_id NULLS LAST, weapon, sex, age_band, relationship, site_code NULLS LAST';

/** Appends record lines to a temporary CSV file in chunks, so memory stays bounded. */
export class CsvChunkWriter {
  private readonly fd: number;
  private buffer: string[] = [];
  count = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }

  /** Add one line (no newline). */
  add(line: string): void {
    this.buffer.push(line);
    this.count++;
    if (this.buffer.length >= FLUSH_LINES) this.flush();
  }

  /** Write buffered lines to disk. */
  flush(): void {
    if (this.buffer.length === 0) return;
    writeSync(this.fd, this.buffer.join('\n') + '\n');
    this.buffer = [];
  }

  /** Flush and close the file. */
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** Open an in-memory DuckDB that spills to `tempDir` when a year is large. */
export async function openDuckDb(tempDir: string): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(':memory:', {temp_directory: tempDir});
  const conn = await instance.connect();
  await conn.run(`SET memory_limit = '4GB'`);
  return conn;
}

/** Group record lines into incidents rows (n = count) and write a zstd Parquet file. */
export async function csvToIncidents(conn: DuckDBConnection, csv: string, parquet: string) {
  const columns = CSV_TYPES.map(([name, type]) => `'${name}': '${type}'`).join(', ');
  const names = CSV_TYPES.map(([name]) => name).join(', ');
  await conn.run(`COPY (
    SELECT ${names}, count(*)::INTEGER AS n
    FROM read_csv(${sqlString(csv)}, header = false, delim = ',', quote = '', escape = '',
                  auto_detect = false, nullstr = '', columns = {${columns}})
    GROUP BY ALL
    ORDER BY ${ORDER_BY}
  ) TO ${sqlString(parquet)} (FORMAT parquet, COMPRESSION zstd)`);
  const reader = await conn.runAndReadAll(
    `SELECT count(*)::INTEGER AS rows, coalesce(sum(n), 0)::INTEGER AS total FROM ${sqlString(parquet)}`,
  );
  const [rows, total] = reader.getRows()[0] as [number, number];
  return {rows, total};
}

/** Write premises.parquet (schema v1 premises table). */
export async function writePremises(conn: DuckDBConnection, premises: Premises[], path: string) {
  await conn.run(`CREATE OR REPLACE TABLE premises (
    premises_id VARCHAR, name VARCHAR, address VARCHAR, postcode VARCHAR, lat DOUBLE, lon DOUBLE,
    lad_code VARCHAR, premises_type VARCHAR, licence_ref VARCHAR, closing_time VARCHAR,
    capacity INTEGER)`);
  const app = await conn.createAppender('premises');
  for (const p of premises) {
    for (const s of [p.id, p.name, p.address, p.postcode]) app.appendVarchar(s);
    app.appendDouble(p.lat);
    app.appendDouble(p.lon);
    for (const s of [p.lad, p.type, p.licenceRef]) app.appendVarchar(s);
    if (p.closing === null) app.appendNull();
    else app.appendVarchar(p.closing);
    if (p.capacity === null) app.appendNull();
    else app.appendInteger(p.capacity);
    app.endRow();
  }
  app.closeSync();
  await conn.run(
    `COPY (SELECT * FROM premises ORDER BY premises_id) TO ${sqlString(path)} (FORMAT parquet, COMPRESSION zstd)`,
  );
  await conn.run('DROP TABLE premises');
}

/** Write sites.parquet (schema v1 sites table). */
export async function writeSites(conn: DuckDBConnection, sites: Site[], path: string) {
  await conn.run(
    `CREATE OR REPLACE TABLE sites (site_code VARCHAR, name VARCHAR, lat DOUBLE, lon DOUBLE)`,
  );
  const app = await conn.createAppender('sites');
  for (const s of sites) {
    app.appendVarchar(s.code);
    app.appendVarchar(s.name);
    app.appendDouble(s.lat);
    app.appendDouble(s.lon);
    app.endRow();
  }
  app.closeSync();
  await conn.run(
    `COPY (SELECT * FROM sites ORDER BY site_code) TO ${sqlString(path)} (FORMAT parquet, COMPRESSION zstd)`,
  );
  await conn.run('DROP TABLE sites');
}

/** Write JSON with a trailing newline; `indent` 0 writes it compact. */
export function writeJson(path: string, value: unknown, indent = 2): void {
  writeFileSync(path, JSON.stringify(value, null, indent || undefined) + '\n');
}

/** A single-quoted SQL string literal. */
export function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
