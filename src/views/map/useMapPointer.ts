/** The map's pointer: a tooltip for what is under it, a pointer cursor, and clicks on objects. */
import type {Map as MapLibreMap, MapMouseEvent} from 'maplibre-gl';
import {useEffect, useRef, type RefObject} from 'react';
import {pickAt, type Picked, type PickScene, type PointerAt} from './pick';
import {tooltipOf, type TooltipContext} from './tooltip';

/** What the pointer sees now: the drawn objects and how to describe them. */
export interface PointerScene {
  scene: PickScene;
  tooltip: TooltipContext;
  onClick(picked: Picked): void;
}

/** Gap between the pointer and its tooltip, in pixels. */
const OFFSET = 14;

/**
 * Follow the pointer on `map`: show the tooltip of the object under it in `tooltip` (an element
 * over the map, in the same box), and call `onClick` on a click on an object. Picking is done
 * once a frame at most; the tooltip follows new data and camera moves under a still pointer.
 */
export function useMapPointer(
  map: MapLibreMap | null,
  tooltip: RefObject<HTMLDivElement | null>,
  pointer: PointerScene,
): void {
  const latest = useRef(pointer);
  const refresh = useRef<() => void>(() => undefined);
  useEffect(() => {
    latest.current = pointer;
    refresh.current();
  });

  useEffect(() => {
    if (!map) return;
    let at: PointerAt | null = null;
    let frame = 0;
    const pick = (where: PointerAt) =>
      pickAt(latest.current.scene, where, (lon, lat) => map.project([lon, lat]));
    const show = () => {
      frame = 0;
      const el = tooltip.current;
      const picked = at ? pick(at) : null;
      // On the canvas's container: deck.gl, drawing in MapLibre's canvas, sets the canvas's own
      // cursor each frame (see map-engine.ts).
      map.getCanvasContainer().style.cursor = picked ? 'pointer' : '';
      const html = tooltipOf(picked, latest.current.tooltip);
      if (!el) return;
      if (!html || !at) {
        el.hidden = true;
        return;
      }
      el.innerHTML = html;
      el.hidden = false;
      // Beside the pointer, on its other side where it would leave the map.
      const box = map.getContainer();
      const {x, y} = at.point;
      const left =
        x + OFFSET + el.offsetWidth > box.clientWidth ? x - OFFSET - el.offsetWidth : x + OFFSET;
      const top =
        y + OFFSET + el.offsetHeight > box.clientHeight ? y - OFFSET - el.offsetHeight : y + OFFSET;
      el.style.transform = `translate(${Math.max(0, left)}px, ${Math.max(0, top)}px)`;
    };
    const schedule = () => {
      frame ||= requestAnimationFrame(show);
    };
    refresh.current = () => at && schedule();
    const onMove = (e: MapMouseEvent) => {
      at = {point: e.point, lng: e.lngLat.lng, lat: e.lngLat.lat};
      schedule();
    };
    const onOut = () => {
      at = null;
      schedule();
    };
    // The ground under a still pointer moves with the camera (wheel zoom, keys, fly-to).
    const onCamera = () => {
      if (!at) return;
      const ground = map.unproject([at.point.x, at.point.y]);
      at = {point: at.point, lng: ground.lng, lat: ground.lat};
      schedule();
    };
    // While the map is dragged the pointer stays over the same ground: no tooltip, and
    // MapLibre's grab cursor.
    const onDrag = () => {
      at = null;
      schedule();
    };
    const onClick = (e: MapMouseEvent) => {
      // The end of a Shift-drag box selection (useBoxSelect) is not a click on a hexagon.
      if (e.originalEvent.shiftKey) return;
      const picked = pick({point: e.point, lng: e.lngLat.lng, lat: e.lngLat.lat});
      if (picked) latest.current.onClick(picked);
    };
    map.on('mousemove', onMove);
    map.on('mouseout', onOut);
    map.on('move', onCamera);
    map.on('dragstart', onDrag);
    map.on('click', onClick);
    return () => {
      refresh.current = () => undefined;
      cancelAnimationFrame(frame);
      map.off('mousemove', onMove);
      map.off('mouseout', onOut);
      map.off('move', onCamera);
      map.off('dragstart', onDrag);
      map.off('click', onClick);
    };
  }, [map, tooltip]);
}
