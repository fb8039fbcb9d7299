/**
 * The heavy half of the map, loaded on demand (a separate chunk): MapLibre, deck.gl and the
 * layers. Keeping them out of the entry chunk lets the page render its other views first.
 */
import {MapboxOverlay} from '@deck.gl/mapbox';
import {
  AttributionControl,
  Map as MapLibreMap,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
} from 'maplibre-gl';
// MapLibre 6 finds its worker through import.meta.url, which a bundler rewrites: bundle it as a
// worker (with its shared chunk) and tell MapLibre where it is (v5-to-v6 migration guide).
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import {BASEMAP_ATTRIBUTION, basemapStyle, INITIAL_VIEW_STATE} from './constants';
import {type AnimationFrameProvider, browserClock, FrameThrottle} from './frame-throttle';
import {buildLayers} from './layers';

setWorkerUrl(workerUrl);

export {buildLayers};

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
  };
}

/** The deck.gl overlay, drawing at full rate for a while after each change of its layers. */
class ThrottledOverlay extends MapboxOverlay {
  constructor(private readonly frames: FrameThrottle) {
    super({interleaved: false, layers: []});
  }

  override setProps(props: Parameters<MapboxOverlay['setProps']>[0]): void {
    super.setProps(props);
    this.frames.wake();
  }
}

/** A MapLibre map with a deck.gl overlay in `container`; `onLoad` once its style has loaded. */
export function createMap(
  container: HTMLElement,
  onLoad: (map: MapLibreMap, overlay: MapboxOverlay) => void,
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
  const frames = new FrameThrottle(browserClock(window));
  const overlay = new ThrottledOverlay(frames);
  map.addControl(overlay);
  // deck.gl's Deck has no prop for its loop's frame provider; its luma.gl AnimationLoop does.
  (overlay as unknown as DeckInside)._deck?.animationLoop?.setProps({
    animationFrameProvider: frames,
  });
  for (const type of WAKE_EVENTS) map.on(type, () => frames.wake());
  map.once('load', () => {
    // deck.gl's canvas only draws over MapLibre's, the map's one focusable, named part.
    for (const canvas of map.getContainer().querySelectorAll('canvas:not(.maplibregl-canvas)')) {
      canvas.setAttribute('tabindex', '-1');
      canvas.setAttribute('aria-hidden', 'true');
    }
    onLoad(map, overlay);
  });
  return map;
}
