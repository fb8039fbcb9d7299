/**
 * The map while a dataset loads: the page's map (see useMapLibre) with the dataset's boundaries
 * and names and no hexagons yet. Starting it here, not when the data are in, takes its start-up
 * (style, first draw, shader compiles: over a second under software WebGL) out of the wait.
 * The boundaries are drawn as SVG until the map has drawn them.
 */
import {useEffect, useRef, useState} from 'react';
import type {Area} from '../../data/areas';
import {usePage} from '../../state/AppContext';
import {BoundaryPreview, outlinesLabel} from '../status/BoundaryPreview';
import {areaLabels} from './labels';
import type {LayerInputs} from './layers';
import {areaOutlines} from './useAreaRates';
import {placeCamera} from './useCamera';
import {useMapLibre} from './useMapLibre';

/** Props of LoadingMap. */
export interface LoadingMapProps {
  areas: readonly Area[];
  /** Whether to start the map (see LoadingDashboard); until then the SVG outlines alone. */
  start: boolean;
}

/** What the map draws before the data: the areas' outlines and names, empty data layers. */
function loadingLayerInputs(areas: readonly Area[], zoom: number): LayerInputs {
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
    areas: areaOutlines(areas),
    rateBreaks: null,
    labels: areaLabels(areas),
    zoom,
  };
}

/** The map region's contents while loading. */
export function LoadingMap({areas, start}: LoadingMapProps) {
  // Without areas there is nothing to draw on it yet: the note stays.
  return start && areas.length ? <StartedMap areas={areas} /> : <BoundaryPreview areas={areas} />;
}

/**
 * The map, hidden under the SVG until it has drawn the areas. A picture until the data are in:
 * inert (no panning a camera the dashboard would then fit again, no focus to lose when the
 * dashboard takes the map), with the SVG's text alternative beside it.
 */
function StartedMap({areas}: {areas: readonly Area[]}) {
  const container = useRef<HTMLDivElement>(null);
  const {handles} = useMapLibre(container);
  const {extras} = usePage();
  // Where the dashboard will open: the URL's camera, else the areas. Read once.
  const [view] = useState(extras.view);
  const [drawn, setDrawn] = useState<readonly Area[] | null>(null);
  useEffect(() => {
    if (!handles) return;
    let live = true;
    placeCamera(handles.map, view, areas, []);
    void handles.overlay
      .show(handles.buildScene(loadingLayerInputs(areas, handles.map.getZoom())))
      .then(() => live && setDrawn(areas));
    return () => {
      live = false;
    };
  }, [handles, areas, view]);
  const onMap = drawn === areas;
  return (
    <>
      <div
        ref={container}
        className={`map-container loading-map${onMap ? '' : ' undrawn'}`}
        data-testid="loading-map"
        data-drawn={onMap}
        inert
      />
      {onMap ? (
        <p className="sr-only">{outlinesLabel(areas)}</p>
      ) : (
        <BoundaryPreview areas={areas} />
      )}
    </>
  );
}
