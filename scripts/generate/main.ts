/**
 * Generate the synthetic West Midlands dataset (schema v1).
 *
 * Usage: tsx scripts/generate/main.ts [--seed 20211] [--out data/west-midlands]
 *        [--years 2021-2025] [--rows N] [--inputs data/basemap]
 */
import {mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, unlinkSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {parseArgs} from 'node:util';
import {dayOf} from './calendar';
import {writeAreas, writeManifest} from './dataset';
import {attachDataset, cellRates, premisesRank, realismMeasures, yearlyTotals} from './metrics';
import {HOTSPOTS, hotspotCells, truthJson} from './plants';
import {scaleForRows} from './scale';
import {buildWorld, simulateRange} from './simulate';
import {
  CsvChunkWriter,
  csvToIncidents,
  openDuckDb,
  writeJson,
  writePremises,
  writeSites,
} from './write';

interface Options {
  seed: number;
  out: string;
  inputs: string;
  firstYear: number;
  lastYear: number;
  rows: number | null;
}

/** Parse the command line. */
export function parseOptions(argv: string[]): Options {
  const {values} = parseArgs({
    args: argv,
    options: {
      seed: {type: 'string', default: '20211'},
      out: {type: 'string', default: 'data/west-midlands'},
      inputs: {type: 'string', default: 'data/basemap'},
      years: {type: 'string', default: '2021-2025'},
      rows: {type: 'string'},
    },
  });
  const years = /^(\d{4})(?:-(\d{4}))?$/.exec(values.years);
  if (!years) throw new Error(`--years must look like 2021-2025, not ${values.years}`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, not ${values.seed}`);
  const rows = values.rows === undefined ? null : Number(values.rows);
  if (rows !== null && !(rows > 0)) throw new Error(`--rows must be positive, not ${values.rows}`);
  return {
    seed,
    out: values.out,
    inputs: values.inputs,
    firstYear: Number(years[1]),
    lastYear: Number(years[2] ?? years[1]),
    rows,
  };
}

async function main() {
  const t0 = performance.now();
  const opt = parseOptions(process.argv.slice(2));
  const period = {start: `${opt.firstYear}-01-01`, end: `${opt.lastYear}-12-31`};
  const [firstDay, lastDay] = [dayOf(period.start), dayOf(period.end)];
  const world = buildWorld(opt.inputs, opt.seed);
  const scale = opt.rows ? scaleForRows(world, firstDay, lastDay, opt.rows) : 1;
  log(`world: ${world.premises.length} premises; scale ${scale.toFixed(3)}`, t0);

  mkdirSync(opt.out, {recursive: true});
  for (const f of readdirSync(opt.out)) {
    if (/^incidents-\d{4}\.parquet$/.test(f)) unlinkSync(join(opt.out, f));
  }
  const tmp = mkdtempSync(join(tmpdir(), 'wm-generate-'));
  const conn = await openDuckDb(tmp);
  const files: string[] = [];
  try {
    for (let year = opt.firstYear; year <= opt.lastYear; year++) {
      const from = dayOf(`${year}-01-01`);
      const to = dayOf(`${year}-12-31`);
      const csv = new CsvChunkWriter(join(tmp, `incidents-${year}.csv`));
      simulateRange(world, {scale, firstDay: from, lastDay: to}, from - 1, to, (line) =>
        csv.add(line),
      );
      csv.close();
      const file = `incidents-${year}.parquet`;
      const {rows, total} = await csvToIncidents(conn, csv.path, join(opt.out, file));
      unlinkSync(csv.path);
      files.push(file);
      log(`${file}: ${rows} rows, ${total} attendances`, t0);
    }
    await writePremises(conn, world.premises, join(opt.out, 'premises.parquet'));
    await writeSites(conn, world.sites.sites, join(opt.out, 'sites.parquet'));
    writeAreas(opt.inputs, opt.out);
    writeManifest(opt.out, opt.seed, period, files);
    const truth = truthJson(opt.seed, world.planted, period.end);
    writeJson(join(opt.out, 'truth.json'), truth);
    await printSummary(conn, opt.out, world);
  } finally {
    conn.closeSync();
    rmSync(tmp, {recursive: true, force: true});
  }
  log(`done: ${opt.out} (${(dirBytes(opt.out) / 1e6).toFixed(2)} MB)`, t0);
}

async function printSummary(
  conn: Awaited<ReturnType<typeof openDuckDb>>,
  out: string,
  world: ReturnType<typeof buildWorld>,
) {
  await attachDataset(conn, out);
  const rows: [string, string, string][] = [];
  for (const [year, total] of await yearlyTotals(conn)) {
    rows.push([`attendances ${year}`, String(total), '12000-18000 (default scale)']);
  }
  for (const m of await realismMeasures(conn)) {
    rows.push([m.name, Number.isInteger(m.value) ? String(m.value) : m.value.toFixed(3), m.expect]);
  }
  for (const p of world.planted) {
    const period = p.detail.period as {start: string; end: string};
    const {rank, total} = await premisesRank(conn, p.premises.id, period.start, period.end);
    const expected = `top ${p.detail.expected_rank_top}`;
    rows.push([
      `${p.pattern} ${p.premises.id} rank ${period.start}..${period.end}`,
      `${rank} (${total})`,
      expected,
    ]);
  }
  for (const h of HOTSPOTS) {
    const {before, after} = await cellRates(conn, hotspotCells(h), h.start);
    rows.push([
      `hotspot ${h.id} street/day before→after`,
      `${before.toFixed(3)} → ${after.toFixed(3)}`,
      'after >> before',
    ]);
  }
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log('\nrealism summary');
  for (const [name, value, expect] of rows) {
    console.log(`  ${name.padEnd(width)}  ${value.padStart(16)}  ${expect}`);
  }
}

function dirBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
}

function log(message: string, t0: number) {
  console.log(`[${((performance.now() - t0) / 1000).toFixed(1)}s] ${message}`);
}

if (process.argv[1] && /main\.ts$/.test(process.argv[1])) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
