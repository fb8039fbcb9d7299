/** Realism measures over a written dataset, shared by the run summary and the tests. */
import {join} from 'node:path';
import type {DuckDBConnection} from '@duckdb/node-api';
import {readJson} from './geo';
import {sqlString} from './write';

/** One number of the summary with the range it should fall in. */
export interface Measure {
  name: string;
  value: number;
  expect: string;
}

interface Manifest {
  tables: {incidents: string[]; premises: string; sites: string};
}

/** Register views `incidents` and `premises` over the dataset in `dir`. */
export async function attachDataset(conn: DuckDBConnection, dir: string): Promise<void> {
  const manifest = readJson<Manifest>(join(dir, 'manifest.json'));
  const files = manifest.tables.incidents.map((f) => sqlString(join(dir, f))).join(', ');
  await conn.run(`CREATE OR REPLACE VIEW incidents AS SELECT * FROM read_parquet([${files}])`);
  await conn.run(
    `CREATE OR REPLACE VIEW premises AS SELECT * FROM read_parquet(${sqlString(join(dir, manifest.tables.premises))})`,
  );
}

/** Run a query returning one row of numbers. */
export async function numbers(conn: DuckDBConnection, sql: string): Promise<number[]> {
  const reader = await conn.runAndReadAll(sql);
  return (reader.getRows()[0] ?? []).map((v) => Number(v));
}

/** A share of attendances: sum(n) where `part` over sum(n) where `whole`. */
export async function share(conn: DuckDBConnection, part: string, whole = 'true'): Promise<number> {
  const [v] = await numbers(
    conn,
    `SELECT sum(n) FILTER (WHERE (${part}) AND (${whole})) / sum(n) FILTER (WHERE ${whole}) FROM incidents`,
  );
  return v;
}

/** Attendances per year. */
export async function yearlyTotals(conn: DuckDBConnection): Promise<Map<number, number>> {
  const reader = await conn.runAndReadAll(
    'SELECT year(date)::INTEGER, sum(n)::INTEGER FROM incidents GROUP BY 1 ORDER BY 1',
  );
  return new Map(reader.getRows().map(([y, t]) => [Number(y), Number(t)]));
}

/** Night-time economy: attendances per weekly hour inside Fri/Sat 22:00-03:00 over those outside. */
export async function nteWindowRatio(conn: DuckDBConnection): Promise<number> {
  const inWindow =
    '(isodow(date) = 5 AND hour >= 22) OR (isodow(date) = 6 AND (hour < 3 OR hour >= 22)) ' +
    'OR (isodow(date) = 7 AND hour < 3)';
  const [inside, outside] = await numbers(
    conn,
    `SELECT sum(n) FILTER (WHERE ${inWindow}) / 10.0, sum(n) FILTER (WHERE NOT (${inWindow})) / 158.0
     FROM incidents WHERE location_type IN ('licensed_premises', 'street') AND hour IS NOT NULL`,
  );
  return inside / outside;
}

/** Share of premises-attributed attendances at the top 5% of all premises. */
export async function topPremisesShare(conn: DuckDBConnection, fraction = 0.05): Promise<number> {
  const [v] = await numbers(
    conn,
    `WITH counts AS (SELECT premises_id, sum(n) AS n FROM incidents
                     WHERE premises_id IS NOT NULL GROUP BY 1),
          ranked AS (SELECT n, row_number() OVER (ORDER BY n DESC) AS r FROM counts)
     SELECT sum(n) FILTER (WHERE r <= ceil((SELECT count(*) FROM premises) * ${fraction})) / sum(n)
     FROM ranked`,
  );
  return v;
}

/** Rank (1 = most) of a premises by attendances between two dates, and its total. */
export async function premisesRank(
  conn: DuckDBConnection,
  premisesId: string,
  start: string,
  end: string,
): Promise<{rank: number; total: number}> {
  const [rank, total] = await numbers(
    conn,
    `WITH counts AS (SELECT premises_id, sum(n) AS n FROM incidents
                     WHERE premises_id IS NOT NULL AND date BETWEEN DATE ${sqlString(start)}
                       AND DATE ${sqlString(end)} GROUP BY 1),
          ranked AS (SELECT premises_id, n, rank() OVER (ORDER BY n DESC) AS r FROM counts)
     SELECT coalesce(max(r), 9999), coalesce(max(n), 0) FROM ranked
     WHERE premises_id = ${sqlString(premisesId)}`,
  );
  return {rank, total};
}

/** Street attendances per day in some cells before and after a date. */
export async function cellRates(
  conn: DuckDBConnection,
  cells: string[],
  start: string,
): Promise<{before: number; after: number}> {
  const list = cells.map(sqlString).join(', ');
  const [before, after] = await numbers(
    conn,
    `SELECT coalesce(sum(n) FILTER (WHERE date < DATE ${sqlString(start)}), 0)
              / greatest(1, DATE ${sqlString(start)} - (SELECT min(date) FROM incidents)),
            coalesce(sum(n) FILTER (WHERE date >= DATE ${sqlString(start)}), 0)
              / greatest(1, (SELECT max(date) FROM incidents) - DATE ${sqlString(start)} + 1)
     FROM incidents WHERE location_type = 'street' AND h3 IN (${list})`,
  );
  return {before, after};
}

/** The headline realism measures. */
export async function realismMeasures(conn: DuckDBConnection): Promise<Measure[]> {
  const domestic = "location_type = 'home' AND relationship IN ('partner_ex', 'family')";
  const licensed = "location_type = 'licensed_premises'";
  const [lockdown, reference] = await numbers(
    conn,
    `SELECT sum(n) FILTER (WHERE date < DATE '2021-04-01'),
            sum(n) FILTER (WHERE date >= DATE '2022-01-01' AND date < DATE '2022-04-01')
     FROM incidents WHERE ${licensed}`,
  );
  const [premisesCount] = await numbers(conn, 'SELECT count(*) FROM premises');
  return [
    {name: 'male share', value: await share(conn, "sex = 'male'"), expect: '0.60-0.80'},
    {
      name: 'age 18-34 share',
      value: await share(conn, "age_band IN ('18-24', '25-34')"),
      expect: '> 0.50',
    },
    {name: 'weapon body share', value: await share(conn, "weapon = 'body'"), expect: '>= 0.60'},
    {name: 'hour NULL share', value: await share(conn, 'hour IS NULL'), expect: '0.03-0.10'},
    {name: 'h3 NULL share', value: await share(conn, 'h3 IS NULL'), expect: '0.02-0.06'},
    {
      name: 'domestic female share',
      value: await share(conn, "sex = 'female'", domestic),
      expect: '> 0.50',
    },
    {
      name: 'glass at licensed premises',
      value: await share(conn, "weapon = 'glass_bottle'", licensed),
      expect: '> elsewhere',
    },
    {
      name: 'glass elsewhere',
      value: await share(conn, "weapon = 'glass_bottle'", `NOT (${licensed})`),
      expect: '',
    },
    {
      name: 'knife share age 16-24',
      value: await share(conn, "weapon = 'knife_sharp'", "age_band IN ('16-17', '18-24')"),
      expect: '> 35+',
    },
    {
      name: 'knife share age 35+',
      value: await share(conn, "weapon = 'knife_sharp'", "age_band IN ('35-49', '50-64', '65+')"),
      expect: '',
    },
    {name: 'NTE Fri/Sat 22-03 rate ratio', value: await nteWindowRatio(conn), expect: '> 3'},
    {name: 'top 5% premises share', value: await topPremisesShare(conn), expect: '> 0.30'},
    {name: 'premises count', value: premisesCount, expect: '1500-3000'},
    {name: 'licensed Q1 2021 / Q1 2022', value: lockdown / reference, expect: '< 0.10'},
  ];
}
