/** Shift-drag on the map draws a rectangle; on release it reports the box in longitude/latitude. */
import type {Map as MapLibreMap} from 'maplibre-gl';
import {useEffect, useRef} from 'react';

/** Smallest drag that counts as a box, in pixels (a smaller one is a click). */
const MIN_BOX_PX = 6;

/** Attach the rectangle selection to a map; `onBox(west, south, east, north)`. */
export function useBoxSelect(
  map: MapLibreMap | null,
  onBox: (west: number, south: number, east: number, north: number) => void,
): void {
  const callback = useRef(onBox);
  useEffect(() => {
    callback.current = onBox;
  });
  useEffect(() => {
    if (!map) return;
    const canvas = map.getCanvasContainer();
    let start: {x: number; y: number} | null = null;
    let box: HTMLDivElement | null = null;
    const point = (e: MouseEvent) => {
      const rect = canvas.getBoundingClientRect();
      return {x: e.clientX - rect.left, y: e.clientY - rect.top};
    };
    const down = (e: MouseEvent) => {
      if (!e.shiftKey || e.button !== 0) return;
      e.preventDefault();
      e.stopPropagation();
      map.dragPan.disable();
      start = point(e);
      box = document.createElement('div');
      box.className = 'box-select';
      canvas.appendChild(box);
      window.addEventListener('mousemove', move);
      window.addEventListener('mouseup', up, {once: true});
    };
    const move = (e: MouseEvent) => {
      if (!start || !box) return;
      const p = point(e);
      Object.assign(box.style, {
        left: `${Math.min(start.x, p.x)}px`,
        top: `${Math.min(start.y, p.y)}px`,
        width: `${Math.abs(p.x - start.x)}px`,
        height: `${Math.abs(p.y - start.y)}px`,
      });
    };
    const up = (e: MouseEvent) => {
      window.removeEventListener('mousemove', move);
      map.dragPan.enable();
      box?.remove();
      box = null;
      if (!start) return;
      const p = point(e);
      const from = start;
      start = null;
      if (Math.abs(p.x - from.x) < MIN_BOX_PX && Math.abs(p.y - from.y) < MIN_BOX_PX) return;
      const a = map.unproject([from.x, from.y]);
      const b = map.unproject([p.x, p.y]);
      callback.current(
        Math.min(a.lng, b.lng),
        Math.min(a.lat, b.lat),
        Math.max(a.lng, b.lng),
        Math.max(a.lat, b.lat),
      );
    };
    canvas.addEventListener('mousedown', down, true);
    return () => {
      canvas.removeEventListener('mousedown', down, true);
      window.removeEventListener('mousemove', move);
    };
  }, [map]);
}
