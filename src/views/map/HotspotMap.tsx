/** The hotspot map: offline basemap, H3 hexagons by count or hot spot class, premises, ED sites. */
import type {PickingInfo} from '@deck.gl/core';
import {cellToLatLng} from 'h3-js';
import {useEffect, useMemo, useRef, useState} from 'react';
import {resolutionForZoom} from '../../analysis/h3-neighbours';
import type {Dataset} from '../../data/load-dataset';
import {
  areaCountsQuery,
  cellsSql,
  premisesPointsQuery,
  sitesPointsQuery,
} from '../../data/sql/hotspots';
import {useQuery} from '../../data/useQuery';
import {useApp, usePage} from '../../state/AppContext';
import {useFilters, useSelectionPredicate} from '../../state/useSelection';
import {datasetBounds} from './extent';
import {areaLabels, loadWardLabels} from './labels';
import {
  buildLayers,
  type AreaDatum,
  type LabelDatum,
  type MapMode,
  type PremisesDatum,
  type SiteDatum,
} from './layers';
import {Legend} from './Legend';
import {MapToolbar, type LayerToggles} from './MapToolbar';
import {logBreaks, quantileBreaks} from './scale';
import {tooltipOf} from './tooltip';
import {useBoxSelect} from './useBoxSelect';
import {useHexData} from './useHexData';
import {useMapLibre} from './useMapLibre';
import {FIT_PADDING_PX} from './constants';

/** The map's own clause source (a spatial selection of hexagons). */
export const MAP_SOURCE = 'cell';

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

/** The map region's contents. */
export function HotspotMap({dataset, generation}: HotspotMapProps) {
  const app = useApp();
  const {extras, publication} = usePage();
  const filters = useFilters(app.selection);
  const where = useSelectionPredicate(app.selection, [MAP_SOURCE]);
  const selected = app.selection.get<CellSelection>(MAP_SOURCE)?.value ?? null;
  const container = useRef<HTMLDivElement>(null);
  const handles = useMapLibre(container);
  const [zoom, setZoom] = useState(extras.view?.zoom ?? 9);
  const [mode, setMode] = useState<MapMode>('count');
  const [layers, setLayers] = useState<LayerToggles>({
    premises: false,
    sites: true,
    areas: true,
    rates: false,
  });
  const [wardLabels, setWardLabels] = useState<LabelDatum[]>([]);
  const resolution = resolutionForZoom(zoom);
  const minCount = dataset.manifest.disclosure.min_count;
  const canRate = dataset.areas.some((a) => a.population !== null);

  const hex = useHexData({dataset, generation, resolution, mode, where, filters});
  const premises = useQuery(layers.premises ? premisesPointsQuery(where) : null, generation);
  const sites = useQuery(layers.sites ? sitesPointsQuery() : null, generation);
  const areaColumn = dataset.lads.some((l) => dataset.areas.some((a) => a.code === l.code))
    ? 'lad_code'
    : 'lsoa_code';
  const areaCounts = useQuery(
    layers.areas ? areaCountsQuery({column: areaColumn, where}) : null,
    generation,
  );

  const areas = useMemo<AreaDatum[] | null>(() => {
    if (!layers.areas) return null;
    const counts = new Map(areaCounts.rows?.map((r) => [String(r.code), Number(r.n)]));
    return dataset.areas.map((a) => {
      const n = counts.get(a.code) ?? 0;
      return {
        code: a.code,
        name: a.name,
        n,
        geometry: a.geometry,
        rate: a.population ? (n / a.population) * 100_000 : null,
      };
    });
  }, [layers.areas, areaCounts.rows, dataset.areas]);
  const rateBreaks = useMemo(
    () =>
      layers.rates && canRate && areas
        ? quantileBreaks(
            areas.map((a) => a.rate ?? 0),
            5,
            false,
          )
        : null,
    [layers.rates, canRate, areas],
  );
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

  // Fit the dataset's extent when a dataset loads, unless the URL says where to look.
  const fittedGeneration = useRef(0);
  useEffect(() => {
    if (!handles || fittedGeneration.current === generation) return;
    const firstWithView = fittedGeneration.current === 0 && extras.view;
    fittedGeneration.current = generation;
    if (firstWithView && extras.view) {
      handles.map.jumpTo({center: [extras.view.lon, extras.view.lat], zoom: extras.view.zoom});
    } else {
      const bounds = datasetBounds(
        dataset.areas,
        hex.hexes.map((h) => h.cell),
      );
      if (bounds) handles.map.fitBounds(bounds, {padding: FIT_PADDING_PX, animate: false});
    }
    setZoom(handles.map.getZoom());
  }, [handles, generation, dataset.areas, extras.view, hex.hexes]);

  useEffect(() => {
    if (!handles) return;
    const onMove = (e: {originalEvent?: unknown}) => {
      const map = handles.map;
      setZoom(map.getZoom());
      if (e.originalEvent) {
        const c = map.getCenter();
        app.setExtra('view', {lat: c.lat, lon: c.lng, zoom: map.getZoom()});
      }
    };
    handles.map.on('moveend', onMove);
    return () => void handles.map.off('moveend', onMove);
  }, [handles, app]);

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

  useEffect(() => {
    if (!handles) return;
    handles.overlay.setProps({
      layers: buildLayers({
        hexes: hex.hexes,
        mode,
        breaks,
        selectedCells: selected?.cells ?? [],
        premises: layers.premises ? ((premises.rows ?? []) as unknown as PremisesDatum[]) : null,
        focusedPremises: extras.premises ?? null,
        sites: layers.sites ? ((sites.rows ?? []) as unknown as SiteDatum[]) : null,
        areas,
        rateBreaks,
        labels,
        zoom,
      }),
      getTooltip: (info: PickingInfo) =>
        tooltipOf(info, {mode, minCount, publication, total: totalOf(latest.current.hexes)}),
      onClick: (info: PickingInfo) => {
        const {selected: sel, selectCells: select} = latest.current;
        if (info.layer?.id === 'hexagons' && info.object) {
          const cell = (info.object as {cell: string}).cell;
          const same = sel?.cells.length === 1 && sel.cells[0] === cell;
          select(same ? [] : [cell]);
        } else if (info.layer?.id === 'premises' && info.object) {
          const p = info.object as PremisesDatum;
          app.setExtra('premises', p.id === extras.premises ? undefined : p.id);
          if (p.id !== extras.premises)
            handles.map.flyTo({center: [p.lon, p.lat], zoom: Math.max(handles.map.getZoom(), 15)});
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
    minCount,
    publication,
    app,
  ]);

  return (
    <div className="hotspot-map">
      <MapToolbar
        mode={mode}
        onMode={setMode}
        layers={layers}
        onLayers={setLayers}
        canRate={canRate}
      />
      <div className="map-frame">
        <div
          ref={container}
          className="map-container"
          data-testid="map"
          data-pending={hex.pending}
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
