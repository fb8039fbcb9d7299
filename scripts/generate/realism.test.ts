import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {DuckDBInstance, type DuckDBConnection} from '@duckdb/node-api';
import {isValidCell, getResolution} from 'h3-js';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {readJson} from './geo';
import {
  attachDataset,
  cellRates,
  nteWindowRatio,
  numbers,
  premisesRank,
  share,
  topPremisesShare,
  yearlyTotals,
} from './metrics';
import {AGE_BANDS, RELATIONSHIPS, SEXES, WEAPONS} from './profiles';
import {PREMISES_TYPES} from './premises';

const DIR = 'data/west-midlands';
const LICENSED = "location_type = 'licensed_premises'";
const DOMESTIC = "location_type = 'home' AND relationship IN ('partner_ex', 'family')";

interface Truth {
  seed: number;
  problem_premises: {
    premises_id: string;
    pattern: string;
    period: {start: string; end: string};
    expected_rank_top: number;
    after?: {start: string; end: string; max_per_year: number};
  }[];
  hotspots: {
    id: string;
    h3: string;
    h3_cells: string[];
    h3_res7: string;
    period: {start: string};
  }[];
}

let conn: DuckDBConnection;

beforeAll(async () => {
  const instance = await DuckDBInstance.create(':memory:');
  conn = await instance.connect();
  await attachDataset(conn, DIR);
});

afterAll(() => conn?.closeSync());

async function describeTypes(file: string): Promise<Record<string, string>> {
  const reader = await conn.runAndReadAll(
    `DESCRIBE SELECT * FROM read_parquet('${join(DIR, file)}')`,
  );
  return Object.fromEntries(reader.getRows().map(([name, type]) => [String(name), String(type)]));
}

async function distinct(column: string): Promise<string[]> {
  const reader = await conn.runAndReadAll(`SELECT DISTINCT ${column} FROM incidents ORDER BY 1`);
  return reader.getRows().map(([v]) => String(v));
}

describe('contract (schema v1)', () => {
  it('has a manifest naming files that exist', () => {
    const m = readJson<Record<string, unknown> & {tables: {incidents: string[]}}>(
      join(DIR, 'manifest.json'),
    );
    expect(m).toMatchObject({schema_version: 1, synthetic: true, time_grain: 'day'});
    expect(m.period).toEqual({start: '2021-01-01', end: '2025-12-31'});
    expect(m.tables.incidents).toHaveLength(5);
    for (const f of [...m.tables.incidents, 'premises.parquet', 'sites.parquet', 'areas.geojson']) {
      expect(existsSync(join(DIR, f)), f).toBe(true);
    }
  });

  it('writes incidents with the contract types', async () => {
    expect(await describeTypes('incidents-2023.parquet')).toEqual({
      date: 'DATE',
      hour: 'TINYINT',
      lad_code: 'VARCHAR',
      lsoa_code: 'VARCHAR',
      h3: 'VARCHAR',
      location_type: 'VARCHAR',
      premises_id: 'VARCHAR',
      weapon: 'VARCHAR',
      sex: 'VARCHAR',
      age_band: 'VARCHAR',
      relationship: 'VARCHAR',
      site_code: 'VARCHAR',
      n: 'INTEGER',
    });
  });

  it('writes premises and sites with the contract types', async () => {
    const premises = await describeTypes('premises.parquet');
    expect(premises).toMatchObject({premises_id: 'VARCHAR', lat: 'DOUBLE', capacity: 'INTEGER'});
    expect(Object.keys(premises)).toHaveLength(11);
    expect(await describeTypes('sites.parquet')).toEqual({
      site_code: 'VARCHAR',
      name: 'VARCHAR',
      lat: 'DOUBLE',
      lon: 'DOUBLE',
    });
  });

  it('uses only allowed enum values', async () => {
    expect(await distinct('sex')).toEqual([...SEXES].sort());
    expect(await distinct('age_band')).toEqual([...AGE_BANDS].sort());
    expect(await distinct('relationship')).toEqual([...RELATIONSHIPS].sort());
    expect(await distinct('weapon')).toEqual([...WEAPONS].sort());
    const types = await conn.runAndReadAll(
      'SELECT DISTINCT premises_type FROM premises ORDER BY 1',
    );
    expect(types.getRows().map(([t]) => t)).toEqual([...PREMISES_TYPES].sort());
  });

  it('keeps one row per combination with n >= 1', async () => {
    const [rows, groups, minN] = await numbers(
      conn,
      `SELECT count(*), (SELECT count(*) FROM (SELECT DISTINCT * EXCLUDE (n) FROM incidents)), min(n)
       FROM incidents`,
    );
    expect(rows).toBe(groups);
    expect(minN).toBeGreaterThanOrEqual(1);
  });

  it('writes valid lower-case res-9 cells, and no LSOA or premises without a point', async () => {
    const reader = await conn.runAndReadAll(
      'SELECT DISTINCT h3 FROM incidents WHERE h3 IS NOT NULL',
    );
    const cells = reader.getRows().map(([c]) => String(c));
    expect(
      cells.every((c) => isValidCell(c) && getResolution(c) === 9 && c === c.toLowerCase()),
    ).toBe(true);
    const [bad] = await numbers(
      conn,
      `SELECT count(*) FROM incidents WHERE (h3 IS NULL AND lsoa_code IS NOT NULL)
         OR (premises_id IS NOT NULL AND (location_type <> 'licensed_premises' OR h3 IS NULL))`,
    );
    expect(bad).toBe(0);
  });

  it('gives each cell one LSOA and each LSOA one local authority', async () => {
    const [cellsWithMany, lsoasWithMany] = await numbers(
      conn,
      `SELECT (SELECT count(*) FROM (SELECT h3 FROM incidents WHERE h3 IS NOT NULL
                                    GROUP BY 1 HAVING count(DISTINCT lsoa_code) > 1)),
              (SELECT count(*) FROM (SELECT lsoa_code FROM incidents WHERE lsoa_code IS NOT NULL
                                    GROUP BY 1 HAVING count(DISTINCT lad_code) > 1))`,
    );
    expect(cellsWithMany).toBe(0);
    expect(lsoasWithMany).toBe(0);
  });

  it('writes 7 local authorities with populations', () => {
    const areas = readJson<{features: {properties: {code: string; population: number}}[]}>(
      join(DIR, 'areas.geojson'),
    );
    expect(areas.features).toHaveLength(7);
    expect(areas.features.every((f) => f.properties.population > 200_000)).toBe(true);
  });
});

describe('realism', () => {
  it('has 12,000-18,000 attendances a year', async () => {
    const totals = await yearlyTotals(conn);
    expect([...totals.keys()]).toEqual([2021, 2022, 2023, 2024, 2025]);
    for (const total of totals.values()) {
      expect(total).toBeGreaterThan(12_000);
      expect(total).toBeLessThan(18_000);
    }
  });

  it('is mostly male and mostly aged 18-34', async () => {
    const male = await share(conn, "sex = 'male'");
    expect(male).toBeGreaterThan(0.6);
    expect(male).toBeLessThan(0.8);
    expect(await share(conn, "age_band IN ('18-24', '25-34')")).toBeGreaterThan(0.5);
  });

  it('has mostly female victims of domestic assaults', async () => {
    expect(await share(conn, "sex = 'female'", DOMESTIC)).toBeGreaterThan(0.5);
  });

  it('mostly records no weapon, glass at licensed premises, and knives among the young', async () => {
    expect(await share(conn, "weapon = 'body'")).toBeGreaterThan(0.6);
    const glassIn = await share(conn, "weapon = 'glass_bottle'", LICENSED);
    const glassOut = await share(conn, "weapon = 'glass_bottle'", `NOT (${LICENSED})`);
    expect(glassIn).toBeGreaterThan(3 * glassOut);
    const knifeYoung = await share(
      conn,
      "weapon = 'knife_sharp'",
      "age_band IN ('16-17', '18-24')",
    );
    const knifeOld = await share(
      conn,
      "weapon = 'knife_sharp'",
      "age_band IN ('35-49', '50-64', '65+')",
    );
    expect(knifeYoung).toBeGreaterThan(2 * knifeOld);
    expect(await share(conn, "weapon = 'firearm'")).toBeLessThan(0.01);
  });

  it('concentrates the night-time economy in Fri/Sat 22:00-03:00', async () => {
    expect(await nteWindowRatio(conn)).toBeGreaterThan(3);
  });

  it('has some missing hours and some attendances not geocoded', async () => {
    const hourNull = await share(conn, 'hour IS NULL');
    expect(hourNull).toBeGreaterThan(0.03);
    expect(hourNull).toBeLessThan(0.1);
    const h3Null = await share(conn, 'h3 IS NULL');
    expect(h3Null).toBeGreaterThan(0.02);
    expect(h3Null).toBeLessThan(0.06);
  });

  it('has 1,500-3,000 premises, the top 5% with a large share of attendances', async () => {
    const [count] = await numbers(conn, 'SELECT count(*) FROM premises');
    expect(count).toBeGreaterThanOrEqual(1500);
    expect(count).toBeLessThanOrEqual(3000);
    expect(await topPremisesShare(conn)).toBeGreaterThan(0.3);
  });

  it('has almost no licensed-premises attendances in the 2021 lockdown', async () => {
    const [lockdown, reference] = await numbers(
      conn,
      `SELECT sum(n) FILTER (WHERE date < DATE '2021-04-01'),
              sum(n) FILTER (WHERE date BETWEEN DATE '2022-01-01' AND DATE '2022-03-31')
       FROM incidents WHERE ${LICENSED}`,
    );
    expect(lockdown / reference).toBeLessThan(0.1);
  });

  it('peaks on New Year’s Day', async () => {
    const [newYear, typical] = await numbers(
      conn,
      `WITH d AS (SELECT date, sum(n) AS n FROM incidents GROUP BY 1)
       SELECT avg(n) FILTER (WHERE month(date) = 1 AND day(date) = 1 AND year(date) > 2021),
              median(n) FROM d`,
    );
    expect(newYear).toBeGreaterThan(2 * typical);
  });
});

describe('planted patterns (truth.json)', () => {
  const truth = readJson<Truth>(join(DIR, 'truth.json'));

  it.each(truth.problem_premises.map((p) => [p.pattern, p.premises_id, p] as const))(
    '%s premises %s ranks where truth.json says',
    async (_pattern, id, p) => {
      const {rank} = await premisesRank(conn, id, p.period.start, p.period.end);
      expect(rank).toBeLessThanOrEqual(p.expected_rank_top);
      if (p.after) {
        const {total} = await premisesRank(conn, id, p.after.start, p.after.end);
        const years = (Date.parse(p.after.end) - Date.parse(p.after.start)) / 3.15576e10;
        expect(total / years).toBeLessThanOrEqual(p.after.max_per_year);
      }
    },
  );

  it('starts the emerging premises low', async () => {
    const emerging = truth.problem_premises.find((p) => p.pattern === 'emerging')!;
    const {rank} = await premisesRank(conn, emerging.premises_id, '2021-01-01', '2022-12-31');
    expect(rank).toBeGreaterThan(50);
  });

  it.each(truth.hotspots.map((h) => [h.id, h] as const))(
    'hotspot %s has many more street attendances after its start',
    async (_id, h) => {
      const {before, after} = await cellRates(conn, h.h3_cells, h.period.start);
      expect(after).toBeGreaterThan(5 * before);
      expect(h.h3_cells).toContain(h.h3);
      expect(isValidCell(h.h3_res7) && getResolution(h.h3_res7) === 7).toBe(true);
    },
  );
});
