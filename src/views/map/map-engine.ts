/**
 * The heavy half of the map, loaded on demand (a separate chunk): MapLibre, deck.gl and the
 * layers. Keeping them out of the entry chunk lets the page render its other views first.
 */
import type {Layer} from '@deck.gl/core';
import {MapboxOverlay} from '@deck.gl/mapbox';
import {
  AttributionControl,
  type GeoJSONSource,
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
} from 'maplibre-gl';
// MapLibre 6 finds its worker through import.meta.url, which a bundler rewrites: bundle it as a
// worker (with its shared chunk) and tell MapLibre where it is (v5-to-v6 migration guide).
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import {
  AREA_OUTLINE_SOURCE,
  BASEMAP_ATTRIBUTION,
  basemapStyle,
  INITIAL_VIEW_STATE,
  NO_OUTLINES,
} from './constants';
import {type AnimationFrameProvider, browserClock, FrameThrottle} from './frame-throttle';
import {buildScene, type AreaShapes, type MapScene} from './layers';

setWorkerUrl(workerUrl);

export {buildScene};

/** Map events after which deck.gl may have something to draw (camera, pointer, size). */
const WAKE_EVENTS = [
  'render',
  'resize',
  'mousemove',
  'mousedown',
  'mouseup',
  'mouseout',
  'click',
  'dblclick',
  'wheel',
  'touchstart',
  'touchmove',
  'touchend',
] as const;

/** The overlay's Deck, reached past its privacy (pinned versions; absent: no throttle). */
interface DeckInside {
  _deck?: {
    animationLoop?: {setProps(props: {animationFrameProvider: AnimationFrameProvider}): void};
    /** Null until deck.gl has set up, and after `finalize`. */
    layerManager?: {updateLayers(): void; getLayers(): readonly unknown[]} | null;
    needsRedraw(opts: {clearRedrawFlags: boolean}): unknown;
  };
}

/** A caller of `show` waiting for a frame that draws its layers. */
interface Waiting {
  layers: readonly Layer[];
  resolve: () => void;
}

/** What the map draws, and when it has drawn it. */
export interface MapOverlay {
  /** Draw `scene` from the map's next frame on; resolves once a frame has drawn all of it. */
  show(scene: MapScene): Promise<void>;
}

/** The deck.gl overlay, drawing at full rate for a while after each change of its layers. */
class ThrottledOverlay extends MapboxOverlay implements MapOverlay {
  #map: MapLibreMap | null = null;
  /** Callers of `show` waiting for a draw of their layers, oldest first. */
  #waiting: Waiting[] = [];
  /** The outlines the map's source was last given. */
  #outlines: AreaShapes | null = null;
  /** Whether the map has yet to draw the outlines it was last given. */
  #outlinesLoading = false;

  constructor(private readonly frames: FrameThrottle) {
    // Drawn into MapLibre's canvas, not a canvas of its own over it: the page then has one WebGL
    // canvas to composite each frame, not two. Under software WebGL, where compositing is much
    // of an update, a frame took ~40 ms of the GPU process's CPU instead of ~46; at 1M rows
    // (25 interactions, two runs each) updates had a median of 234-236 ms against 246-274 ms,
    // a p95 of 332-333 ms against 381-440 ms. (Needs `giveTransformHeight`.)
    // Its cursor ('grab') would go on MapLibre's canvas every frame, over the pointer cursor on a
    // hexagon: none, so the canvas shows its container's (MapLibre's grab, or useMapPointer's).
    super({
      interleaved: true,
      layers: [],
      getCursor: () => '',
      onAfterRender: () => this.#drawn(),
    });
  }

  override onAdd(map: Parameters<MapboxOverlay['onAdd']>[0]): HTMLDivElement {
    this.#map = map as unknown as MapLibreMap;
    // Nothing is drawn until the context comes back (if it does): wait for nothing meanwhile.
    this.#map.on('webglcontextlost', () => this.#release(this.#waiting.length));
    return super.onAdd(map);
  }

  override setProps(props: Parameters<MapboxOverlay['setProps']>[0]): void {
    super.setProps(props);
    this.frames.wake();
  }

  /**
   * deck.gl takes up new layers in its own loop and then asks MapLibre for a frame to draw them
   * in, a frame or two after `setProps`. Here it takes them up at once and MapLibre is asked
   * directly, so that MapLibre's next frame draws them, whichever of the two loops runs first.
   * Under software WebGL a frame of the busy dashboard takes ~100 ms: at 1M rows (15
   * interactions a run, six runs each, noisy) the hexagon query's answer was drawn after a
   * median of 91-124 ms a run instead of 100-158 ms.
   */
  show({layers, outlines}: MapScene): Promise<void> {
    const source = this.#map?.getSource<GeoJSONSource>(AREA_OUTLINE_SOURCE);
    if (outlines !== this.#outlines && source) {
      this.#outlines = outlines;
      this.#outlinesLoading = true;
      // A failure is MapLibre's error event, and the source then counts as loaded; MapLibre
      // asks for no frame after one, so a frame is asked for here, to release the waiters.
      void source
        .setData(outlines ?? NO_OUTLINES)
        .catch(() => undefined)
        .then(() => this.#map?.triggerRepaint());
    }
    this.setProps({layers});
    (this as unknown as DeckInside)._deck?.layerManager?.updateLayers();
    const drawn = new Promise<void>((resolve) => this.#waiting.push({layers, resolve}));
    this.#map?.triggerRepaint();
    return drawn;
  }

  /**
   * After each draw: the callers whose layers it drew (and any before them) stop waiting, once
   * new outlines are drawn too. They are cut into tiles in MapLibre's worker, which then asks for
   * a frame that draws them. (Outline tiles a camera move needs do not hold the callers.)
   */
  #drawn(): void {
    const deck = (this as unknown as DeckInside)._deck;
    const current = new Set(deck?.layerManager?.getLayers() ?? []);
    let last = -1;
    this.#waiting.forEach((w, i) => {
      if (w.layers.every((layer) => current.has(layer))) last = i;
    });
    if (last < 0) return;
    // Those layers are drawn: deck.gl's loop need not ask MapLibre for another frame of them.
    deck?.needsRedraw({clearRedrawFlags: true});
    if (this.#outlinesLoading) {
      if (this.#map?.isSourceLoaded(AREA_OUTLINE_SOURCE) === false) return;
      this.#outlinesLoading = false;
    }
    this.#release(last + 1);
  }

  #release(count: number): void {
    for (const w of this.#waiting.splice(0, count)) w.resolve();
  }
}

/**
 * A MapLibre map with deck.gl's layers drawn in it, in `container`; `onLoad` once its style has
 * loaded.
 */
export function createMap(
  container: HTMLElement,
  onLoad: (map: MapLibreMap, overlay: MapOverlay) => void,
): MapLibreMap {
  const map = new MapLibreMap({
    container,
    style: basemapStyle(document.baseURI),
    center: [INITIAL_VIEW_STATE.longitude, INITIAL_VIEW_STATE.latitude],
    zoom: INITIAL_VIEW_STATE.zoom,
    attributionControl: false,
    boxZoom: false,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    maxPitch: 0,
    canvasContextAttributes: {preserveDrawingBuffer: true},
  });
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  map.addControl(new NavigationControl({showCompass: false}), 'top-right');
  map.addControl(new ScaleControl({unit: 'metric'}), 'bottom-right');
  map.addControl(
    new AttributionControl({compact: false, customAttribution: BASEMAP_ATTRIBUTION}),
    'bottom-right',
  );
  giveTransformHeight(map);
  const frames = new FrameThrottle(browserClock(window));
  const overlay = new ThrottledOverlay(frames);
  map.addControl(overlay);
  // deck.gl's Deck has no prop for its loop's frame provider; its luma.gl AnimationLoop does.
  (overlay as unknown as DeckInside)._deck?.animationLoop?.setProps({
    animationFrameProvider: frames,
  });
  for (const type of WAKE_EVENTS) map.on(type, () => frames.wake());
  map.once('load', () => onLoad(map, overlay));
  return map;
}

/**
 * deck.gl 9.4 draws interleaved layers with a viewport scaled by `map.transform.height`, which
 * MapLibre 6 no longer exposes: without it every draw throws and no hexagon appears. Its height
 * is the canvas's, in CSS pixels.
 */
function giveTransformHeight(map: MapLibreMap): void {
  const inside = map as unknown as {transform?: {height?: number}};
  if (typeof inside.transform?.height === 'number') return;
  // From the canvas's size attribute, not its layout: no layout is forced in the middle of a draw.
  Object.defineProperty(map, 'transform', {
    configurable: true,
    get: () => ({height: map.getCanvas().height / map.getPixelRatio()}),
  });
}
