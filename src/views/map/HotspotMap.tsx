/** The hotspot map: offline basemap, H3 hexagons by count or hot spot class, premises, ED sites. */
import type {PickingInfo} from '@deck.gl/core';
import {cellToLatLng} from 'h3-js';
import {useEffect, useMemo, useRef, useState} from 'react';
import {resolutionForZoom} from '../../analysis/h3-neighbours';
import type {Dataset} from '../../data/load-dataset';
import {
  cellsSql,
  premisesLocationQuery,
  premisesPointsQuery,
  sitesPointsQuery,
  studyAreaQuery,
} from '../../data/sql/hotspots';
import {useQuery} from '../../data/useQuery';
import {useApp, usePage} from '../../state/AppContext';
import {CELL_SOURCE} from '../../state/columns';
import {useFilters, useSelectionPredicate, useSourceTable} from '../../state/useSelection';
import {areaLabels, loadWardLabels} from './labels';
import type {LabelDatum, MapMode, PremisesDatum, SiteDatum} from './layers';
import {ExportMenu} from '../export/ExportMenu';
import {mapPng} from './export';
import {hexCsv} from './hex-csv';
import {legendItems} from './legend-items';
import {Legend} from './Legend';
import {MapToolbar, type LayerToggles} from './MapToolbar';
import {logBreaks} from './scale';
import {tooltipOf} from './tooltip';
import {useBoxSelect} from './useBoxSelect';
import {useAreaRates} from './useAreaRates';
import {useCamera} from './useCamera';
import {useHexData} from './useHexData';
import {useMapLibre} from './useMapLibre';

/** The map's own clause source (a spatial selection of hexagons). */
export const MAP_SOURCE = CELL_SOURCE;

/** Props of HotspotMap. */
export interface HotspotMapProps {
  dataset: Dataset;
  generation: number;
}

/** The value of the map's clause. */
export interface CellSelection {
  resolution: number;
  cells: string[];
}

/** Run `fn` when the browser is idle (soon, where there is no idle callback); returns a cancel. */
function whenIdle(fn: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(fn, {timeout: 3000});
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(fn, 500);
  return () => window.clearTimeout(id);
}

/** The map region's contents. */
export function HotspotMap({dataset, generation}: HotspotMapProps) {
  const app = useApp();
  const {extras, publication} = usePage();
  const filters = useFilters(app.selection);
  const where = useSelectionPredicate(app.selection, [MAP_SOURCE]);
  const selected = app.selection.get<CellSelection>(MAP_SOURCE)?.value ?? null;
  const container = useRef<HTMLDivElement>(null);
  const handles = useMapLibre(container);
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
  const zoom = useCamera({
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

  const hex = useHexData({dataset, generation, resolution, mode, where, filters});
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
  const {areas, rateBreaks, canRate} = useAreaRates(dataset, generation, where, layers);
  const breaks = useMemo(
    () =>
      logBreaks(
        hex.hexes.map((h) => h.n),
        6,
      ),
    [hex.hexes],
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

  const selectCells = (cells: string[]) => {
    if (!cells.length) return app.selection.remove(MAP_SOURCE);
    const value: CellSelection = {resolution, cells};
    app.selection.update({source: MAP_SOURCE, value, sql: cellsSql(resolution, cells)});
  };
  const latest = useRef({selectCells, selected, hexes: hex.hexes, resolution});
  useEffect(() => {
    latest.current = {selectCells, selected, hexes: hex.hexes, resolution};
  });

  useBoxSelect(handles?.map ?? null, (west, south, east, north) => {
    const {hexes, selectCells: select} = latest.current;
    select(
      hexes.filter((h) => h.n > 0 && inBox(h.cell, west, south, east, north)).map((h) => h.cell),
    );
  });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !(e.target as Element)?.closest?.('details, dialog')) {
        app.selection.remove(MAP_SOURCE);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [app]);

  // When the first hexagons arrive, pick once while the page is idle: the first pick compiles
  // deck.gl's picking shaders, which took ~0.4 s of the first click on a hexagon under software
  // WebGL. Only once deck.gl's context has caught up with the first draws: a pick waits for all
  // the work queued on it, and just after the first draw that kept the page from answering input
  // for ~1.5 s. Skipped if the map is gone by then; a failure only means the click pays instead.
  const pickWarmed = useRef(false);
  const hasHexes = hex.hexes.length > 0;
  useEffect(() => {
    if (!handles || pickWarmed.current || !hasHexes) return;
    let cancel = whenIdle(() => {
      cancel = handles.afterGpuWork(() => {
        cancel = whenIdle(() => {
          pickWarmed.current = true;
          try {
            handles.overlay.pickObject({x: 1, y: 1, radius: 0});
          } catch {
            // deck.gl not ready or already finalised.
          }
        });
      });
    });
    return () => cancel();
  }, [handles, hasHexes]);

  useEffect(() => {
    if (!handles) return;
    handles.overlay.setProps({
      layers: handles.buildLayers({
        hexes: hex.hexes,
        mode,
        breaks,
        selectedCells: selected?.cells ?? [],
        premises: layers.premises ? ((premises.rows ?? []) as unknown as PremisesDatum[]) : null,
        focusedPremises: extras.premises ?? null,
        focus: focused,
        sites: layers.sites ? ((sites.rows ?? []) as unknown as SiteDatum[]) : null,
        areas,
        rateBreaks,
        labels,
        zoom,
      }),
      getTooltip: (info: PickingInfo) =>
        tooltipOf(info, {
          mode,
          minCount,
          publication,
          total: totalOf(latest.current.hexes),
          areas,
        }),
      onClick: (info: PickingInfo) => {
        const {selected: sel, selectCells: select} = latest.current;
        if (info.layer?.id === 'hexagons' && info.object) {
          const cell = (info.object as {cell: string}).cell;
          const same = sel?.cells.length === 1 && sel.cells[0] === cell;
          select(same ? [] : [cell]);
        } else if (info.layer?.id === 'premises' && info.object) {
          const p = info.object as PremisesDatum;
          app.setExtra('premises', p.id === extras.premises ? undefined : p.id);
        }
      },
    });
  }, [
    handles,
    hex.hexes,
    mode,
    breaks,
    selected,
    layers,
    premises.rows,
    sites.rows,
    areas,
    rateBreaks,
    labels,
    zoom,
    extras.premises,
    focused,
    minCount,
    publication,
    app,
  ]);

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
          notes={[legendItems(mode, resolution, breaks, hex.summary).title]}
          png={(meta) => {
            const legend = legendItems(mode, resolution, breaks, hex.summary);
            return mapPng(container.current!, legend.title, legend.items, meta);
          }}
          csv={() => hexCsv(hex.hexes, mode, resolution, minCount)}
        />
      </div>
      <div className="map-frame">
        <div
          ref={container}
          className="map-container"
          data-testid="map"
          data-pending={hex.pending}
          data-hexagons={hex.hexes.length}
          data-total={totalOf(hex.hexes)}
        />
        <Legend
          mode={mode}
          resolution={resolution}
          breaks={breaks}
          rateBreaks={rateBreaks}
          studyCells={hex.studyCells}
          summary={hex.summary}
          sliceUnit={hex.unit}
          minCount={minCount}
          publication={publication}
        />
        {selected && (
          <div className="map-selection" role="status">
            {selected.cells.length} hexagon{selected.cells.length === 1 ? '' : 's'} selected
            <button type="button" onClick={() => app.selection.remove(MAP_SOURCE)}>
              Clear (Esc)
            </button>
          </div>
        )}
        {hex.error && (
          <p className="map-error error-text">Could not draw the hexagons: {hex.error}</p>
        )}
      </div>
      <p className="map-help">
        Click a hexagon to filter every view to it; Shift-drag to select a rectangle; Escape clears.
        {resolution < 9 && ` Hexagons merge at this zoom (H3 resolution ${resolution}).`}
      </p>
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
