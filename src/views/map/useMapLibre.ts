/** Create one MapLibre map with a deck.gl overlay in a container, and remove it on unmount. */
import type {Map as MapLibreMap} from 'maplibre-gl';
// In the entry's CSS, before styles.css, so the app's map rules win (a lazy chunk's CSS comes last).
import 'maplibre-gl/dist/maplibre-gl.css';
import {useEffect, useState, type RefObject} from 'react';
import type {buildLayers} from './layers';
import type {MapOverlay} from './map-engine';

/** The map engine chunk (MapLibre, deck.gl, layers). */
let engine: Promise<typeof import('./map-engine')> | null = null;

/** Start fetching the map engine (idempotent); the map view calls it when it mounts. */
export function loadMapEngine(): Promise<typeof import('./map-engine')> {
  engine ??= import('./map-engine');
  return engine;
}

// Fetch the engine while the data load rather than after: it is half of the page's JavaScript.
if (typeof window !== 'undefined') void loadMapEngine();

/** The map, its overlay, and the engine's layer builder, once created. */
export interface MapHandles {
  map: MapLibreMap;
  overlay: MapOverlay;
  buildLayers: typeof buildLayers;
}

/** The map once created (null until the engine and the map's style have loaded), or why not. */
export interface MapState {
  handles: MapHandles | null;
  /** Why the map could not be created (no WebGL, most often); null while it may still come. */
  error: string | null;
}

/** A map in `container`; `handles` stays null, with `error`, when the map cannot be created. */
export function useMapLibre(container: RefObject<HTMLDivElement | null>): MapState {
  const [state, setState] = useState<MapState>({handles: null, error: null});
  useEffect(() => {
    let live = true;
    let map: MapLibreMap | null = null;
    loadMapEngine()
      .then(({createMap, buildLayers}) => {
        if (!live || !container.current) return;
        map = createMap(container.current, (m, overlay) => {
          if (live) setState({handles: {map: m, overlay, buildLayers}, error: null});
        });
      })
      .catch((err: unknown) => {
        if (live) setState({handles: null, error: (err as Error).message || String(err)});
      });
    return () => {
      live = false;
      setState({handles: null, error: null});
      map?.remove();
    };
  }, [container]);
  return state;
}
