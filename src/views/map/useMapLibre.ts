/**
 * The page's one MapLibre map with a deck.gl overlay. It is created by the first view that asks
 * (the loading dashboard's map) and kept when that view goes: the next one (the hotspot map) takes
 * it over, drawn and with its shaders compiled, instead of starting another.
 */
import type {Map as MapLibreMap} from 'maplibre-gl';
// In the entry's CSS, before styles.css, so the app's map rules win (a lazy chunk's CSS comes last).
import 'maplibre-gl/dist/maplibre-gl.css';
import {useLayoutEffect, useState, type RefObject} from 'react';
import type {buildScene} from './layers';
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

/** The map, its overlay, and the engine's scene builder, once created. */
export interface MapHandles {
  map: MapLibreMap;
  overlay: MapOverlay;
  buildScene: typeof buildScene;
}

/** The map once created (null until the engine and the map's style have loaded), or why not. */
export interface MapState {
  handles: MapHandles | null;
  /** Why the map could not be created (no WebGL, most often); null while it may still come. */
  error: string | null;
}

/** The page's map: the element it draws in, moved from view to view, and the map once loaded. */
interface KeptMap {
  host: HTMLDivElement;
  handles: Promise<MapHandles>;
}

let kept: KeptMap | null = null;

/** The page's map, created in `host` the first time (while `host` is in the page, sized). */
function keptMap(): KeptMap {
  if (kept) return kept;
  const host = document.createElement('div');
  host.className = 'map-host';
  const handles = loadMapEngine().then(
    ({createMap, buildScene}) =>
      new Promise<MapHandles>((resolve) => {
        createMap(host, (map, overlay) => resolve({map, overlay, buildScene}));
      }),
  );
  const made: KeptMap = {host, handles};
  // A failed start (no WebGL, most often) is not kept: the next view to mount tries again.
  handles.catch(() => {
    if (kept === made) kept = null;
  });
  kept = made;
  return made;
}

// A hot reload of this module (development) would otherwise leave the old map's WebGL context.
import.meta.hot?.dispose(() => {
  void kept?.handles.then(
    ({map}) => map.remove(),
    () => undefined,
  );
  kept = null;
});

/** The page's map, shown in `container` while the calling view is mounted. */
export function useMapLibre(container: RefObject<HTMLDivElement | null>): MapState {
  const [state, setState] = useState<MapState>({handles: null, error: null});
  // Moved in before the page paints, so the frame is never shown empty.
  useLayoutEffect(() => {
    const target = container.current;
    if (!target) return;
    let live = true;
    const {host, handles} = keptMap();
    target.appendChild(host);
    handles
      .then((h) => {
        if (!live) return;
        // Its size is its new container's (the old one may have been another size).
        h.map.resize();
        setState({handles: h, error: null});
      })
      .catch((err: unknown) => {
        if (live) setState({handles: null, error: (err as Error).message || String(err)});
      });
    return () => {
      live = false;
      setState({handles: null, error: null});
      // Only from this view's container: another view may have taken the map already.
      if (host.parentNode === target) host.remove();
    };
  }, [container]);
  return state;
}
