/** Map controls: colour mode and layer toggles. */
import type {MapMode} from './layers';

/** Which optional layers are shown. */
export interface LayerToggles {
  premises: boolean;
  sites: boolean;
  areas: boolean;
  rates: boolean;
}

/** Props of MapToolbar. */
export interface MapToolbarProps {
  mode: MapMode;
  onMode: (mode: MapMode) => void;
  layers: LayerToggles;
  onLayers: (layers: LayerToggles) => void;
  canRate: boolean;
}

const MODES: [MapMode, string][] = [
  ['count', 'Counts'],
  ['hotspot', 'Hot spots (Gi*)'],
  ['emerging', 'Emerging'],
];

const LAYERS: [keyof LayerToggles, string][] = [
  ['premises', 'Premises'],
  ['sites', 'ED sites'],
  ['areas', 'Areas'],
  ['rates', 'Rate per 100,000'],
];

/** The toolbar above the map. */
export function MapToolbar({mode, onMode, layers, onLayers, canRate}: MapToolbarProps) {
  return (
    <div className="map-toolbar">
      <div
        role="radiogroup"
        aria-label="Colour hexagons by"
        className="segmented"
        onKeyDown={(e) => {
          // One tab stop; the arrow keys choose (WAI-ARIA radio group).
          const step = {ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1}[e.key];
          if (!step) return;
          e.preventDefault();
          const i = MODES.findIndex(([id]) => id === mode);
          const next = (i + step + MODES.length) % MODES.length;
          onMode(MODES[next][0]);
          e.currentTarget.querySelectorAll<HTMLElement>('[role="radio"]')[next]?.focus();
        }}
      >
        {MODES.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="radio"
            aria-checked={mode === id}
            tabIndex={mode === id ? 0 : -1}
            onClick={() => onMode(id)}
          >
            {label}
          </button>
        ))}
      </div>
      <div role="group" aria-label="Map layers" className="layer-toggles">
        {LAYERS.map(([id, label]) => (
          <label key={id} className={id === 'rates' && !canRate ? 'disabled' : ''}>
            <input
              type="checkbox"
              checked={layers[id]}
              disabled={id === 'rates' && !canRate}
              onChange={(e) => onLayers({...layers, [id]: e.target.checked})}
            />
            {label}
          </label>
        ))}
      </div>
    </div>
  );
}
