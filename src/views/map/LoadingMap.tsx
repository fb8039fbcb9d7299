/**
 * The map while a dataset loads: the page's map (see useMapLibre) with the dataset's boundaries
 * and names and no hexagons yet. Starting it here, not when the data are in, takes its start-up
 * (style, first draw, shader compiles: over a second under software WebGL) out of the wait.
 * The boundaries are drawn as SVG until the map has drawn them.
 */
import {useEffect, useMemo, useRef, useState} from 'react';
import type {Area} from '../../data/areas';
import {usePage} from '../../state/AppContext';
import {BoundaryPreview, outlinesLabel} from '../status/BoundaryPreview';
import {FIT_PADDING_PX} from './constants';
import {datasetBounds} from './extent';
import {areaLabels} from './labels';
import type {LayerInputs} from './layers';
import {useMapLibre} from './useMapLibre';

/** Props of LoadingMap. */
export interface LoadingMapProps {
  areas: readonly Area[];
  /** Whether to start the map (see LoadingDashboard); until then the SVG outlines alone. */
  start: boolean;
}

/** What the map draws before the data: the areas' outlines and names, empty data layers. */
export function loadingLayerInputs(areas: readonly Area[], zoom: number): LayerInputs {
  return {
    // Empty, yet their layers are built: their shaders compile now, not with the first answers.
    hexes: [],
    sites: [],
    mode: 'count',
    breaks: [],
    selectedCells: [],
    premises: null,
    focusedPremises: null,
    focus: null,
    areas: areas.map((a) => ({code: a.code, name: a.name, n: 0, rate: null, geometry: a.geometry})),
    rateBreaks: null,
    labels: areaLabels(areas),
    zoom,
  };
}

/** The map region's contents while loading. */
export function LoadingMap({areas, start}: LoadingMapProps) {
  return start ? <StartedMap areas={areas} /> : <BoundaryPreview areas={areas} />;
}

function StartedMap({areas}: {areas: readonly Area[]}) {
  const container = useRef<HTMLDivElement>(null);
  const {handles} = useMapLibre(container);
  const {extras} = usePage();
  // Where the dashboard will open: the URL's camera, else the areas. Read once.
  const [view] = useState(extras.view);
  const [drawn, setDrawn] = useState<readonly Area[] | null>(null);
  const inputs = useMemo(
    () => (handles && areas.length ? {handles, areas} : null),
    [handles, areas],
  );
  useEffect(() => {
    if (!inputs) return;
    let live = true;
    const {handles: h, areas: shown} = inputs;
    if (view) {
      h.map.jumpTo({center: [view.lon, view.lat], zoom: view.zoom});
    } else {
      const bounds = datasetBounds(shown, []);
      if (bounds) h.map.fitBounds(bounds, {padding: FIT_PADDING_PX, animate: false});
    }
    void h.overlay
      .showLayers(h.buildLayers(loadingLayerInputs(shown, h.map.getZoom())))
      .then(() => live && setDrawn(shown));
    return () => {
      live = false;
    };
  }, [inputs, view]);
  const onMap = drawn !== null && drawn === areas;
  return (
    <>
      <div
        ref={container}
        className="map-container"
        data-testid="loading-map"
        role={onMap ? 'img' : undefined}
        aria-label={onMap ? outlinesLabel(areas) : undefined}
      />
      {!onMap && <BoundaryPreview areas={areas} />}
    </>
  );
}
