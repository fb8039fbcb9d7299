/** The map camera: fit the dataset, fly to a focused premises, and keep zoom and the URL in step. */
import {useEffect, useRef, useState} from 'react';
import type {Area} from '../../data/areas';
import type {AppState} from '../../state/app-state';
import type {UrlExtras} from '../../state/url';
import {FIT_PADDING_PX} from './constants';
import {datasetBounds} from './extent';
import type {MapHandles} from './useMapLibre';

/** Inputs of useCamera. */
export interface CameraParams {
  handles: MapHandles | null;
  app: AppState;
  generation: number;
  areas: readonly Area[];
  /** Cells to fit when the dataset has no areas; null while they are being fetched. */
  cells: readonly string[] | null;
  view: UrlExtras['view'];
  focus: {id: string; lat: number; lon: number} | null;
}

/** The key of the premises id in the events of a flight to it (flyTo's event data). */
const FLIGHT = 'vsdFlight';
type FlightEvent = {[FLIGHT]?: string};

/** The camera's zoom, and whether it has been placed for the current dataset (fitted or the URL's). */
export interface Camera {
  zoom: number;
  placed: boolean;
}

/** Drive the camera. */
export function useCamera({
  handles,
  app,
  generation,
  areas,
  cells,
  view,
  focus,
}: CameraParams): Camera {
  const [zoom, setZoom] = useState(view?.zoom ?? 9);
  const [placedFor, setPlacedFor] = useState(0);

  // Fit the dataset's extent when a dataset loads, unless the URL says where to look.
  const fitted = useRef(0);
  /** The URL's camera when the camera was last placed or followed it. */
  const seen = useRef(view);
  useEffect(() => {
    if (!handles || cells === null || fitted.current === generation) return;
    const useUrl = fitted.current === 0 && view;
    fitted.current = generation;
    seen.current = view;
    placeCamera(handles.map, useUrl ? view : undefined, areas, cells);
    // Placing fires its moveend before the listener below exists (same commit): read the zoom.
    setZoom(handles.map.getZoom());
    setPlacedFor(generation);
  }, [handles, generation, areas, cells, view]);

  // Later, follow the URL's camera when it changes and the map is not already there: a step of
  // presenter mode, back and forward. A person's own move wrote the URL from the map: no jump.
  // A new dataset does not count as a change: it is fitted.
  useEffect(() => {
    if (!handles || fitted.current !== generation || sameView(seen.current, view)) return;
    seen.current = view;
    if (!view) return;
    const {map} = handles;
    const c = map.getCenter();
    // The URL rounds the centre to 4 decimals and the zoom to 2.
    const there =
      Math.abs(c.lat - view.lat) < 1e-4 &&
      Math.abs(c.lng - view.lon) < 1e-4 &&
      Math.abs(map.getZoom() - view.zoom) < 0.01;
    if (there) return;
    // Its moveend reaches the zoom listener below (registered since the map came).
    map.jumpTo({center: [view.lon, view.lat], zoom: view.zoom});
  }, [handles, view, generation]);

  // Fly to a premises when it is focused (from the ranking, the map or the URL). Until the flight
  // has started and ended, the camera is not placed: the map shows where it is going, not there.
  const [flownTo, setFlownTo] = useState<string | null>(null);
  const [flying, setFlying] = useState(false);
  // Unfocused, the next focus flies again, to the same premises too.
  if (!focus && flownTo !== null) setFlownTo(null);
  const toFly = handles !== null && focus !== null && flownTo !== focus.id;
  // The flight whose movestart was heard last (read only in the fly effect).
  const heard = useRef<string | null>(null);
  // A flight's events carry its premises (flyTo's event data), so that the end of a movement it
  // interrupts (which MapLibre fires inside flyTo) is not taken for its own end.
  useEffect(() => {
    if (!handles) return;
    const {map} = handles;
    const started = (e: object) => {
      const id = (e as FlightEvent)[FLIGHT];
      if (id === undefined) return;
      heard.current = id;
      setFlownTo(id);
      setFlying(true);
    };
    const ended = (e: object) => {
      if ((e as FlightEvent)[FLIGHT] === undefined) return;
      setFlying(false);
      // With no motion the flight ends inside flyTo, maybe before the zoom listener exists.
      setZoom(map.getZoom());
    };
    map.on('movestart', started);
    map.on('moveend', ended);
    return () => {
      map.off('movestart', started);
      map.off('moveend', ended);
    };
  }, [handles]);
  useEffect(() => {
    if (!handles || !focus || !toFly) return;
    const {map} = handles;
    map.flyTo(
      {
        center: [focus.lon, focus.lat],
        zoom: Math.max(map.getZoom(), 15),
        duration: window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : 1200,
      },
      {[FLIGHT]: focus.id},
    );
    // A flight to where the camera already is may not move at all: nothing to wait for.
    if (!map.isMoving() && heard.current !== focus.id) {
      map.fire('movestart', {[FLIGHT]: focus.id});
      map.fire('moveend', {[FLIGHT]: focus.id});
    }
  }, [handles, focus, toFly]);

  // Only moves a person made go into the URL: fitting and flying are not the user's camera.
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

  return {zoom, placed: handles !== null && placedFor === generation && !toFly && !flying};
}

/**
 * Put the camera where the URL's `view` says, else fit the areas (or, without areas, `cells`),
 * leaving room for the legend.
 */
export function placeCamera(
  map: MapHandles['map'],
  view: UrlExtras['view'],
  areas: readonly Area[],
  cells: readonly string[],
): void {
  if (view) {
    map.jumpTo({center: [view.lon, view.lat], zoom: view.zoom});
  } else {
    const bounds = datasetBounds(areas, cells);
    if (bounds) map.fitBounds(bounds, {padding: fitPadding(map), animate: false});
  }
}

function sameView(a: UrlExtras['view'], b: UrlExtras['view']): boolean {
  return a === b || (!!a && !!b && a.lat === b.lat && a.lon === b.lon && a.zoom === b.zoom);
}

/**
 * The fit's padding: room on the left for the legend as drawn (wider in presenter mode, or when
 * its text wraps), so that no area starts under it.
 */
function fitPadding(map: {getContainer(): HTMLElement}) {
  const container = map.getContainer();
  // The legend is the map frame's, beside the element the map draws in (see useMapLibre).
  const legend = container.closest('.map-frame')?.querySelector('.map-legend');
  if (!legend) return FIT_PADDING_PX;
  const right = legend.getBoundingClientRect().right - container.getBoundingClientRect().left;
  const room = Math.min(right + 12, container.clientWidth / 2);
  return {...FIT_PADDING_PX, left: Math.max(FIT_PADDING_PX.left, Math.round(room))};
}
