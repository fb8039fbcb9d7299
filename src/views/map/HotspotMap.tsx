/** The hotspot map: offline basemap, H3 hexagons by count or hot spot class, premises, ED sites. */
import {cellToLatLng, getResolution} from 'h3-js';
import {useEffect, useMemo, useRef, useState} from 'react';
import {resolutionForZoom} from '../../analysis/h3-neighbours';
import type {Dataset} from '../../data/load-dataset';
import {dateRangeSql} from '../../data/sql/clauses';
import {and} from '../../data/sql/filters';
import {
  hexFrameMaxQuery,
  premisesLocationQuery,
  premisesPointsQuery,
  sitesPointsQuery,
  studyAreaQuery,
} from '../../data/sql/hotspots';
import {yearsCovered} from '../../data/period';
import {useQuery} from '../../data/useQuery';
import {useApp, usePage} from '../../state/AppContext';
import {cellClause, cellsOf} from '../../state/cells';
import {CELL_SOURCE} from '../../state/columns';
import {useFilters, useSelectionPredicate, useSourceTable} from '../../state/useSelection';
import {areaLabels, loadWardLabels} from './labels';
import type {LabelDatum, LayerInputs, MapMode, PremisesDatum, SiteDatum} from './layers';
import {ExportMenu} from '../export/ExportMenu';
import type {ExportMeta} from '../export/meta';
import {BASEMAP_ATTRIBUTION} from './constants';
import {hexCsv} from './hex-csv';
import {legendItems, rateLegend} from './legend-items';
import {Legend} from './Legend';
import {MapToolbar, type LayerToggles} from './MapToolbar';
import {logBreaks, mergeSmallClasses} from './scale';
import {useBoxSelect} from './useBoxSelect';
import {useAreaRates} from './useAreaRates';
import {useCamera} from './useCamera';
import {useHexData} from './useHexData';
import {useMapLibre} from './useMapLibre';
import {useMapPointer} from './useMapPointer';
import {BusiestHexagons} from './BusiestHexagons';
import {formatRange} from '../../ui/format';
import {useDisclosure} from '../../ui/useDisclosure';
import {indexHexes, publishedPremises, type Picked} from './pick';

/** No hexagon selected: one array, so that the selection's layer is not given new data. */
const NO_CELLS: readonly string[] = [];

/** The map's own clause source (a spatial selection of hexagons). */
export const MAP_SOURCE = CELL_SOURCE;

/** Props of HotspotMap. */
export interface HotspotMapProps {
  dataset: Dataset;
  generation: number;
}

/** The map region's contents. */
export function HotspotMap({dataset, generation}: HotspotMapProps) {
  const app = useApp();
  const {extras, publication, timeLapse} = usePage();
  const filters = useFilters(app.selection);
  const where = useSelectionPredicate(app.selection, [MAP_SOURCE]);
  const selected = cellsOf(app.selection) ?? null;
  const container = useRef<HTMLDivElement>(null);
  const {handles, error: mapError} = useMapLibre(container);
  const [mode, setMode] = useState<MapMode>('count');
  const [layers, setLayers] = useState<LayerToggles>({
    premises: false,
    sites: true,
    areas: true,
    rates: false,
  });
  const [wardLabels, setWardLabels] = useState<LabelDatum[]>([]);
  // Without areas, the extent is that of the data's coarse cells.
  const coarse = useQuery(dataset.areas.length ? null : studyAreaQuery(5), generation);
  const cells = useMemo(() => coarse.rows?.map((r) => String(r.cell)) ?? [], [coarse.rows]);
  const focus = useQuery(
    extras.premises ? premisesLocationQuery(extras.premises) : null,
    generation,
  );
  const focused = extras.premises ? ((focus.rows?.[0] ?? null) as PremisesDatum | null) : null;
  const {zoom, placed} = useCamera({
    handles,
    app,
    generation,
    areas: dataset.areas,
    cells: dataset.areas.length || coarse.rows ? cells : null,
    view: extras.view,
    focus: focused,
  });
  const resolution = resolutionForZoom(zoom);
  const minCount = dataset.manifest.disclosure.min_count;
  const shown = useDisclosure(minCount);

  // Every filter but the dates: the date brush's cube's, and the time-lapse's span.
  const lapseWhere = useSelectionPredicate(app.selection, [MAP_SOURCE, 'dates']);
  const hex = useHexData({
    dataset,
    generation,
    resolution,
    mode,
    where,
    cubeWhere: lapseWhere,
    filters,
  });
  // While a time-lapse plays, one set of count classes for all its frames, up to the busiest
  // hexagon in any step (see hexFrameMaxQuery).
  const lapse = useQuery(
    timeLapse && mode === 'count'
      ? hexFrameMaxQuery({
          resolution,
          where: and(
            lapseWhere,
            dateRangeSql({from: timeLapse.from, to: timeLapse.to}, filters.night === true),
          ),
          unit: timeLapse.unit,
          night: filters.night === true,
        })
      : null,
    generation,
  );
  const lapseMax = timeLapse && lapse.rows ? Number(lapse.rows[0]?.max_n ?? 0) : null;
  const lapseWords =
    lapseMax !== null && timeLapse
      ? `${formatRange(timeLapse.from, timeLapse.to)}, by ${timeLapse.unit}`
      : null;
  // The map's predicate leaves out its own clause, the hexagons it selected ('cell').
  const premisesFrom = useSourceTable(
    app.selection,
    dataset.rollups,
    ['cell'],
    ['premises_id'],
    true,
  );
  const premises = useQuery(
    layers.premises ? premisesPointsQuery(where, premisesFrom) : null,
    generation,
  );
  const sites = useQuery(layers.sites ? sitesPointsQuery() : null, generation);
  const rates = useAreaRates(
    dataset,
    generation,
    where,
    layers,
    yearsCovered(filters.dates, dataset.period),
    filters.night === true,
  );
  const {areas, rateBreaks, canRate} = rates;
  // Each layer's own query: any still running keeps the map pending; any failed is said on it.
  const layerQueries = [
    {what: 'hexagons', ...hex},
    {what: 'premises', ...premises},
    {what: 'ED sites', ...sites},
    {what: 'areas', ...rates},
    {what: 'time-lapse colour classes', ...lapse},
    {what: 'focused premises', ...focus},
  ];
  const failed = layerQueries.filter((q) => q.error !== null);
  const breaks = useMemo(
    () =>
      mergeSmallClasses(
        logBreaks(lapseMax !== null ? [lapseMax] : hex.hexes.map((h) => h.n), 6),
        minCount,
      ),
    [hex.hexes, minCount, lapseMax],
  );
  const labels = useMemo(
    () => [...areaLabels(dataset.areas), ...wardLabels],
    [dataset.areas, wardLabels],
  );

  useEffect(() => {
    let live = true;
    void loadWardLabels(document.baseURI).then((l) => live && setWardLabels(l));
    return () => {
      live = false;
    };
  }, []);

  // At the cells' own resolution: mid-zoom the drawn hexagons may not yet be at the zoom's.
  const selectCells = (cells: string[]) => {
    if (!cells.length) return app.selection.remove(MAP_SOURCE);
    app.selection.update(cellClause({resolution: getResolution(cells[0]), cells}));
  };
  /** A click on a hexagon (or its row in the table): select it alone, or clear it. */
  const toggleCell = (cell: string) => {
    const same = selected?.cells.length === 1 && selected.cells[0] === cell;
    selectCells(same ? [] : [cell]);
  };
  const latest = useRef({selectCells, hexes: hex.hexes});
  useEffect(() => {
    latest.current = {selectCells, hexes: hex.hexes};
  });

  useBoxSelect(handles?.map ?? null, (west, south, east, north) => {
    const {hexes, selectCells: select} = latest.current;
    select(
      hexes.filter((h) => h.n > 0 && inBox(h.cell, west, south, east, north)).map((h) => h.cell),
    );
  });

  // The points as drawn (a new array only with new rows, so the layers are not set again).
  const premisesShown = useMemo(() => {
    if (!layers.premises) return null;
    const rows = (premises.rows ?? []) as unknown as PremisesDatum[];
    return publication ? publishedPremises(rows, minCount) : rows;
  }, [layers.premises, premises.rows, publication, minCount]);
  const sitesShown = useMemo(
    () => (layers.sites ? ((sites.rows ?? []) as unknown as SiteDatum[]) : null),
    [layers.sites, sites.rows],
  );
  const hexIndex = useMemo(() => indexHexes(hex.hexes), [hex.hexes]);
  const hexTotal = useMemo(() => totalOf(hex.hexes), [hex.hexes]);
  const tooltip = useRef<HTMLDivElement>(null);
  useMapPointer(handles?.map ?? null, tooltip, {
    scene: {
      hexes: hexIndex,
      premises: premisesShown,
      sites: sitesShown,
      areas: rateBreaks !== null ? areas : null,
    },
    tooltip: {mode, minCount, publication, total: hexTotal},
    onClick: (picked: Picked) => {
      if (picked.kind === 'hex') {
        toggleCell(picked.object.cell);
      } else if (picked.kind === 'premises') {
        const id = picked.object.id;
        app.setExtra('premises', id === extras.premises ? undefined : id);
      }
    },
  });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Escape closes a dropdown or dialog first; the busiest hexagons' table is neither.
      if (
        e.key === 'Escape' &&
        !(e.target as Element)?.closest?.('details:not(.busiest), dialog')
      ) {
        app.selection.remove(MAP_SOURCE);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [app]);

  const layerInputs: LayerInputs = useMemo(
    () => ({
      hexes: hex.hexes,
      mode,
      breaks,
      selectedCells: selected?.cells ?? NO_CELLS,
      premises: premisesShown,
      focusedPremises: extras.premises ?? null,
      focus: focused,
      sites: sitesShown,
      areas,
      rateBreaks,
      labels,
      zoom,
    }),
    [
      hex.hexes,
      mode,
      breaks,
      selected,
      premisesShown,
      sitesShown,
      areas,
      rateBreaks,
      labels,
      zoom,
      extras.premises,
      focused,
    ],
  );
  // What the map last drew (the page has one map, see useMapLibre): until it draws the newest,
  // it is pending.
  const [drawn, setDrawn] = useState<LayerInputs | null>(null);
  useEffect(() => {
    if (!handles) return;
    let live = true;
    void handles.overlay
      .show(handles.buildScene(layerInputs))
      .then(() => live && setDrawn(layerInputs));
    return () => {
      live = false;
    };
  }, [handles, layerInputs]);

  const legend = () => [
    legendItems(mode, hex.resolution, breaks, hex.summary, minCount),
    ...(rateBreaks?.length ? [rateLegend(rateBreaks)] : []),
  ];
  const exportSvg = async (meta: ExportMeta) => {
    if (!handles) throw new Error('the map has not started');
    const {map} = handles;
    const view = {
      width: map.getContainer().clientWidth,
      height: map.getContainer().clientHeight,
      project: (lon: number, lat: number): [number, number] => {
        const p = map.project([lon, lat]);
        return [p.x, p.y];
      },
    };
    // Loaded on demand: the SVG shares deck.gl's layer code, kept out of the page's first chunk.
    const [{mapSvg}, {loadBasemapShapes}] = await Promise.all([
      import('./map-svg'),
      import('./basemap-shapes'),
    ]);
    const basemap = await loadBasemapShapes(document.baseURI, map.getZoom());
    // Exports withhold small counts whatever the screen shows: premises discs too.
    const inputs = {
      ...layerInputs,
      premises: layerInputs.premises && publishedPremises(layerInputs.premises, minCount),
    };
    return mapSvg(inputs, view, basemap, legend(), meta);
  };

  return (
    <div className="hotspot-map">
      <div className="map-toolbar-row">
        <MapToolbar
          mode={mode}
          onMode={setMode}
          layers={layers}
          onLayers={setLayers}
          canRate={canRate}
        />
        <ExportMenu
          view="Hotspot map"
          dataset={dataset}
          ownCells
          notes={[
            ...legend().map((b) => b.title),
            ...(lapseWords ? [`Colour classes fixed for the time-lapse (${lapseWords}).`] : []),
            `Basemap: ${BASEMAP_ATTRIBUTION.join('; ')}.`,
          ]}
          svg={handles ? exportSvg : undefined}
          csv={() => hexCsv(hex.hexes, mode, hex.resolution, minCount)}
        />
      </div>
      <div className="map-frame">
        <div
          ref={container}
          className="map-container"
          data-testid="map"
          // Pending until the map shows this dataset where it belongs and has drawn the answers,
          // not only until the queries.
          data-pending={
            layerQueries.some((q) => q.pending) ||
            (mapError === null && (!placed || drawn !== layerInputs))
          }
          data-hexagons={hex.hexes.length}
          data-total={hexTotal}
        />
        <div ref={tooltip} className="map-tooltip" data-testid="map-tooltip" hidden />
        {!mapError && (
          <Legend
            mode={mode}
            resolution={hex.resolution}
            breaks={breaks}
            rateBreaks={rateBreaks}
            studyCells={hex.studyCells}
            summary={hex.summary}
            sliceUnit={hex.unit}
            minCount={minCount}
            publication={publication}
            fixedFor={lapseWords}
          />
        )}
        {selected && (
          <div className="map-selection" role="status">
            {selected.cells.length} hexagon{selected.cells.length === 1 ? '' : 's'} selected
            <button type="button" onClick={() => app.selection.remove(MAP_SOURCE)}>
              Clear (Esc)
            </button>
          </div>
        )}
        {mapError && (
          <p className="map-unavailable" role="alert">
            {/WebGL/i.test(mapError)
              ? 'The map needs WebGL 2, which this browser does not offer or has turned off.'
              : `The map could not start: ${mapError}`}{' '}
            Every other view works without it, and the map&apos;s CSV export still has the hexagon
            counts.
          </p>
        )}
        {!mapError && failed.length > 0 && (
          <div className="map-error error-text" role="alert">
            {failed.map((q) => (
              <p key={q.what}>
                Could not draw the {q.what}: {q.error}
              </p>
            ))}
          </div>
        )}
      </div>
      <p className="map-help">
        Click a hexagon to filter every view to it; Shift-drag to select a rectangle; Escape clears.
        {hex.resolution < 9 && ` Hexagons merge at this zoom (H3 resolution ${hex.resolution}).`}
      </p>
      <BusiestHexagons
        hexes={hex.hexes}
        areas={dataset.areas}
        resolution={hex.resolution}
        selected={selected?.cells ?? []}
        shown={shown}
        onToggle={toggleCell}
      />
    </div>
  );
}

function totalOf(hexes: readonly {n: number}[]): number {
  return hexes.reduce((s, h) => s + h.n, 0);
}

function inBox(cell: string, west: number, south: number, east: number, north: number): boolean {
  const [lat, lon] = cellToLatLng(cell);
  return lon >= west && lon <= east && lat >= south && lat <= north;
}
