/** Load a dataset (manifest + Parquet + GeoJSON) into DuckDB, validating it against schema v1. */
import {checkAreas, type Area} from './areas';
import type {Row} from './connector';
import {checkManifest, type DatasetProblem, type Manifest} from './manifest';
import {NAIVE} from './mode';
import {
  openParquet,
  releaseDecoders,
  type DecodedChunk,
  type ParquetChunks,
  type PrepareOption,
} from './parquet';
import {ChunkReader, InsertPipeline} from './pipeline';
import {ProgressTracker, type LoadProgress} from './progress';
import {bucketStart} from './period';
import {FileReadError, type FileSource} from './sources';
import {columnProblems} from './validate';
import {ident} from './sql/filters';
import {warmUpQueries} from './sql/warmup';
import {chunkCountQuery} from './sql/normalize';
import {
  appendIncidents,
  checkRaw,
  classifyColumns,
  dropNextTables,
  finishTables,
  datasetRows,
  IncidentChecks,
  rollupTiming,
  storeFor,
  type RawTable,
  type Role,
} from './tables';

/** The database operations the loader needs. */
export interface LoaderDb {
  query(sql: string): Promise<Row[]>;
  /** Create `table` from an Arrow IPC stream, or with `append`, add the rows to it. */
  insertArrow(table: string, ipc: Uint8Array, append?: boolean): Promise<void>;
  /**
   * The database to create `incidents` and its rollups in (compressed, see db.ts), found by the
   * views' unqualified names through the search path; none: the default database.
   */
  store?: string;
  /**
   * Whether a load has run in this database before, and may have left tables and rollups for
   * this one to replace. False (the page's first load) skips a catalog query.
   */
  loadedBefore?: boolean;
}

/** A loaded, validated dataset and what the views need to know about it. */
export interface Dataset {
  manifest: Manifest;
  /** Where it came from, in words; and its manifest URL when there is one. */
  label: string;
  manifestUrl: string | null;
  period: {start: string; end: string};
  rows: number;
  attendances: number;
  hasHours: boolean;
  lads: {code: string; name: string}[];
  sites: {code: string; name: string}[];
  areas: Area[];
  warnings: string[];
  /**
   * Pre-aggregated tables beside `incidents` that views may read (empty in naive mode); while
   * `buildRollups` has not run, views of `incidents` that give the same numbers.
   */
  rollups: string[];
  /**
   * The statements that build the rollups, in order, once the views have drawn (empty when the
   * load built them: see tables.ts `RollupTiming`).
   */
  buildRollups: string[];
  /**
   * Statements run once after the rollups, when the views are idle, for DuckDB's code under each
   * kind of filter to be compiled before the first clicks (see sql/warmup.ts; none in naive mode).
   */
  warmUp: string[];
}

/** What to load: a manifest file of the source, or bare files to sort by their columns. */
export type LoadRequest = {manifestFile: string} | {bareFiles: string[]};

/** A dataset that cannot be used, with every problem found. */
export class DatasetError extends Error {
  constructor(readonly problems: DatasetProblem[]) {
    super(problems.map((p) => p.message).join('; '));
  }
}

/** Decoded chunks asked for ahead of the one being stored, once DuckDB is storing rows. */
const DECODE_AHEAD = 2;
/** Chunk inserts left posted to DuckDB, unanswered, while the loader reads on (see pipeline.ts). */
const INSERTS_AHEAD = 3;

/** Load and validate a dataset; the previously loaded tables are replaced only on success. */
export async function loadDataset(
  db: LoaderDb,
  source: FileSource,
  request: LoadRequest,
  onProgress: (p: LoadProgress) => void,
): Promise<Dataset> {
  const progress = new ProgressTracker(onProgress);
  const problems: DatasetProblem[] = [];
  const warnings: string[] = [];
  const raws: RawTable[] = [];
  const incidentFiles: string[] = [];
  const report = (file: string, err: unknown) =>
    problems.push({file: err instanceof FileReadError ? err.file : file, message: (err as Error).message});

  const manifest =
    'manifestFile' in request ? await readManifest(source, request.manifestFile, progress) : null;
  // By week or month, a row is dated to its bucket's first day, which may come before the period.
  const checkPeriod = manifest?.period && {
    start: bucketStart(manifest.period.start, manifest.time_grain),
    end: manifest.period.end,
  };
  const parquet = manifest
    ? [
        ...manifest.tables.incidents.map((file) => ({file, role: 'incidents' as Role})),
        ...(manifest.tables.premises ? [{file: manifest.tables.premises, role: 'premises' as Role}] : []),
        ...(manifest.tables.sites ? [{file: manifest.tables.sites, role: 'sites' as Role}] : []),
      ]
    : (request as {bareFiles: string[]}).bareFiles
        .filter((f) => f.toLowerCase().endsWith('.parquet'))
        .map((file) => ({file, role: null}));
  progress.preview({
    manifest,
    // Bare files are sorted by their columns as they are read: how many hold incidents is not
    // known yet.
    files: manifest ? manifest.tables.incidents.length : 0,
  });

  // The boundaries are small: read them beside the Parquet files, so the first paint shows them.
  const areasFile = manifest
    ? manifest.areas
    : (request as {bareFiles: string[]}).bareFiles.find((f) => /\.(geo)?json$/i.test(f));
  const areasRead = areasFile ? readAreas(source, areasFile) : null;
  void areasRead?.then(({areas}) => progress.preview({areas}));

  // Download every file in parallel. Decode each in chunks of row groups, the next chunk while
  // DuckDB takes the current one; check and normalise incidents chunk by chunk, so DuckDB never
  // holds a whole raw file (at 10M rows, raw tables beside the final one overflow wasm memory).
  // A chunk the decoder found good and prepared (see prepare.ts) goes straight into the table.
  const downloads = parquet.map(({file}) => {
    const p = source.bytes(file, (n, t) => progress.bytes(file, n, t));
    p.catch(() => undefined); // awaited below, where the error is reported against its file
    return p;
  });
  const unreadable = (file: string) => (err: Error) => {
    throw err instanceof FileReadError
      ? err
      : new FileReadError(file, `not a readable Parquet file (${err.message})`);
  };
  const opened: Promise<ParquetChunks>[] = [];
  /** Rows of each opened file, from its metadata (to size the dataset, see storeFor). */
  const fileRows: (number | undefined)[] = [];
  /** Chunks of each opened file (to read ahead, see pipeline.ts). */
  const fileChunks: (number | undefined)[] = [];
  const open = (i: number) => {
    if (!opened[i]) {
      opened[i] = downloads[i].then(openParquet).catch(unreadable(parquet[i].file));
      opened[i].then(
        (f) => ((fileRows[i] = f.rows), (fileChunks[i] = f.chunks)),
        () => undefined,
      );
    }
    return opened[i];
  };
  // A manifest names its incidents files: open each as soon as it is here, for its row count.
  for (const [i, p] of parquet.entries()) if (p.role === 'incidents') void open(i);
  // Chunks that may hold incidents come prepared for `incidents` when they pass every check.
  const prepare = (i: number): PrepareOption =>
    parquet[i].role === 'premises' || parquet[i].role === 'sites'
      ? undefined
      : {period: checkPeriod ?? null};
  const reader = new ChunkReader<DecodedChunk>(
    parquet.length,
    (i) => fileChunks[i],
    ({file: i, chunk: k}) => open(i).then((f) => f.read(k, prepare(i))),
  );
  const inserts = new InsertPipeline(INSERTS_AHEAD, report);
  let created = false;
  let store: string | undefined;
  let stored = 0;
  const closing: Promise<void>[] = [];
  for (const [i, {file, role}] of parquet.entries()) {
    const table = `_raw_${i}`;
    let kept = false;
    let raw = false;
    try {
      progress.stage(`Reading ${file}`);
      await downloads[i];
      progress.stage(`Decoding ${file}`);
      const {chunks, rows} = await open(i);
      let kind = role;
      let columns: {name: string; type: string}[] = [];
      let checks: IncidentChecks | null = null;
      for (let k = 0; k < chunks; k++) {
        const {ipc, passed, prepared} = await reader.take({file: i, chunk: k}).catch(unreadable(file));
        // Until the first rows are stored DuckDB may still be starting: one chunk ahead, as
        // more would slow its start (the decoder and its compile share the cores).
        reader.ahead({file: i, chunk: k}, created ? DECODE_AHEAD : 1);
        if (!prepared) {
          const append = k > 0 && kind !== 'incidents';
          if (!append) await db.query(`DROP TABLE IF EXISTS ${ident(table)}`);
          raw = true;
          await db.insertArrow(table, ipc, append);
        }
        if (k === 0) {
          columns =
            prepared?.columns ??
            (await db.query(`DESCRIBE ${ident(table)}`)).map((r) => ({
              name: String(r.column_name),
              type: String(r.column_type),
            }));
          kind = role ?? classifyColumns(columns);
          if (!kind) {
            problems.push({
              file,
              message: 'is not incidents, premises or sites: it lacks their columns (see schema v1)',
            });
            break;
          }
          if (kind === 'incidents') {
            incidentFiles.push(file);
            const checked = columnProblems(file, 'incidents', columns);
            problems.push(...checked.problems);
            if (checked.problems.length) break;
            checks = new IncidentChecks(file, checked.usable, checkPeriod);
          }
        }
        if (!checks) continue;
        progress.stage(`Checking ${file}`);
        if (prepared) checks.prepared(prepared.outside);
        else await checks.check(db, table, passed);
        if (!problems.length && !checks.failed && !inserts.failed) {
          if (!created) {
            const roles = parquet.map((p) => p.role);
            store = storeFor(db, datasetRows(roles, fileRows, i, rows));
          }
          if (prepared && created) {
            // Posted, not awaited: DuckDB takes it while the next chunk decodes (see pipeline.ts).
            const {rows: n, attendances} = prepared;
            await inserts.post(file, () =>
              appendIncidents(db, {ipc}, false, store).then(() => progress.stored(n, attendances)),
            );
          } else {
            await appendIncidents(db, prepared ? {ipc} : {table}, !created, store);
            created = true;
            const [c] = prepared
              ? [{rows: prepared.rows, n: prepared.attendances}]
              : await db.query(chunkCountQuery(table));
            progress.stored(Number(c.rows), Number(c.n));
          }
        }
        if (!prepared) await db.query(`DROP TABLE IF EXISTS ${ident(table)}`);
      }
      if (checks) {
        if (!problems.length && !checks.failed) {
          void inserts.last.then(() => progress.preview({filesDone: ++stored}));
        }
        problems.push(...checks.problems());
        warnings.push(...checks.warnings());
      } else if (kind && kind !== 'incidents') {
        raws.push({file, table, columns, role: kind});
        kept = true;
      }
    } catch (err) {
      report(file, err);
    } finally {
      reader.drop(i);
      // A file that never downloaded was never opened.
      const decoded: Promise<ParquetChunks> | undefined = opened[i];
      if (decoded) closing.push(decoded.then((f) => f.close(), () => undefined));
      // Only a raw table needs dropping: a query here would wait for the inserts in flight.
      if (raw && !kept) await db.query(`DROP TABLE IF EXISTS ${ident(table)}`).catch((e) => report(file, e));
    }
  }
  await inserts.settle();
  // Every file is in DuckDB now; free the decoders' memory before the views' first queries.
  await Promise.all(closing);
  releaseDecoders();
  if (!manifest && !incidentFiles.length && !problems.length) {
    problems.push({file: 'the opened files', message: 'no incidents Parquet file among them'});
  }

  let areas: Area[] = [];
  if (areasRead) {
    const checked = await areasRead;
    problems.push(...checked.problems);
    areas = checked.areas;
  }

  try {
    progress.stage('Checking values');
    const checked = await checkRaw(db, raws, checkPeriod);
    problems.push(...checked.problems);
    if (problems.length) throw new DatasetError(problems);
    progress.stage('Preparing tables');
    const summary = await finishTables(db, raws, checked.usable, {
      rollups: rollupTiming(NAIVE, store),
      store,
    });
    if (summary.rows === 0) {
      const file = incidentFiles.join(', ');
      throw new DatasetError([{file, message: 'holds no rows: there is nothing to show'}]);
    }
    const names = new Map(areas.map((a) => [a.code, a.name]));
    progress.stage('Ready');
    return {
      manifest: manifest ?? bareManifest(incidentFiles, summary.period),
      label: source.label,
      manifestUrl: source.manifestUrl,
      // Rows outside the manifest's period are counted (with a warning): the period shown holds them.
      period: manifest?.period ? spanOf(manifest.period, summary.period) : summary.period,
      rows: summary.rows,
      attendances: summary.attendances,
      hasHours: summary.hasHours && manifest?.time_grain !== 'month',
      lads: summary.ladCodes
        .map((code) => ({code, name: names.get(code) ?? code}))
        .sort((a, b) => a.name.localeCompare(b.name)),
      sites: summary.sites,
      areas,
      warnings: [...warnings, ...checked.warnings],
      rollups: summary.rollups,
      buildRollups: summary.buildRollups,
      warmUp: NAIVE ? [] : warmUpQueries(summary.period.start, summary.rollups),
    };
  } finally {
    for (const r of raws) await db.query(`DROP TABLE IF EXISTS ${ident(r.table)}`);
    await dropNextTables(db);
  }
}

/** The dates from the earlier start to the later end of two periods. */
function spanOf(a: {start: string; end: string}, b: {start: string; end: string}) {
  return {start: a.start < b.start ? a.start : b.start, end: a.end > b.end ? a.end : b.end};
}

/** The manifest of bare Parquet files: what can be known from the data alone. */
function bareManifest(files: string[], period: {start: string; end: string}): Manifest {
  return {
    schema_version: 1,
    title: `Local files: ${files.join(', ')}`,
    region: '',
    synthetic: false,
    time_grain: 'day',
    period,
    disclosure: {min_count: 5},
    attribution: [],
    tables: {incidents: files},
    events: [],
  };
}

/** Read and check the areas file; a file that cannot be read is one problem. */
async function readAreas(
  source: FileSource,
  file: string,
): Promise<{areas: Area[]; problems: DatasetProblem[]}> {
  try {
    return checkAreas(file, new TextDecoder().decode(await source.bytes(file)));
  } catch (err) {
    const at = err instanceof FileReadError ? err.file : file;
    return {areas: [], problems: [{file: at, message: (err as Error).message}]};
  }
}

async function readManifest(source: FileSource, file: string, progress: ProgressTracker) {
  progress.stage(`Reading ${file}`);
  let text: string;
  try {
    text = new TextDecoder().decode(await source.bytes(file));
  } catch (err) {
    throw new DatasetError([{file, message: (err as Error).message}]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new DatasetError([{file, message: `is not valid JSON (${(err as Error).message})`}]);
  }
  const checked = checkManifest(raw, file);
  if (!checked.manifest) throw new DatasetError(checked.problems);
  return checked.manifest;
}

