/** The licensing evidence pack: a print view of one premises, with small-number suppression. */
import {useEffect, useRef} from 'react';
import {createPortal} from 'react-dom';
import type {Dataset} from '../../data/load-dataset';
import {useApp} from '../../state/AppContext';
import {cellsOf} from '../../state/cells';
import {useFilters} from '../../state/useSelection';
import {formatRange} from '../../ui/format';
import {chipsOf} from '../filters/describe';
import {NEARBY_RADIUS_M} from '../premises/nearby';
import {ProfileCharts} from '../premises/ProfileCharts';
import {premisesTypeLabel} from '../premises/types';
import type {ProfileData} from '../premises/useProfile';
import {caveatsOf} from './caveats';
import {MapInset} from './MapInset';
import {MonthTable} from './MonthTable';
import {summaryLines} from './summary';

/** Props of EvidencePack. */
export interface EvidencePackProps {
  dataset: Dataset;
  data: ProfileData;
  onClose: () => void;
}

/** The class on `<body>` while the pack is open: print shows the pack only. */
export const PACK_OPEN_CLASS = 'pack-open';

/** A full-page overlay, rendered into `<body>`, that prints as A4 pages. */
export function EvidencePack({dataset, data, onClose}: EvidencePackProps) {
  const app = useApp();
  const filters = useFilters(app.selection);
  const printButton = useRef<HTMLButtonElement>(null);
  const min = dataset.manifest.disclosure.min_count;
  const d = data.details;
  const name = d?.name ?? 'Unknown premises';
  const chips = chipsOf(
    filters,
    {
      lad: new Map(dataset.lads.map((l) => [l.code, l.name])),
      site: new Map(dataset.sites.map((s) => [s.code, s.name])),
    },
    dataset.period,
  ).filter((c) => c.key !== 'dates');
  const cells = cellsOf(app.selection)?.cells;
  const dialog = useRef<HTMLDialogElement>(null);
  const generated = new Date().toLocaleString('en-GB', {dateStyle: 'long', timeStyle: 'short'});

  useEffect(() => {
    // Modal: the page behind is inert (no focus, not read out) until the pack closes; then the
    // focus goes back where it was. (Not showModal: a top-layer dialog prints one page only.)
    const opener = document.activeElement as HTMLElement | null;
    const behind = [...document.body.children].filter(
      (el): el is HTMLElement => el instanceof HTMLElement && el !== dialog.current && !el.inert,
    );
    for (const el of behind) el.inert = true;
    document.body.classList.add(PACK_OPEN_CLASS);
    printButton.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => {
      document.body.classList.remove(PACK_OPEN_CLASS);
      window.removeEventListener('keydown', onKey);
      for (const el of behind) el.inert = false;
      opener?.focus();
    };
  }, [onClose]);

  const rows: [string, string][] = [
    ['Name', name],
    ['Address', [d?.address, d?.postcode].filter(Boolean).join(', ') || '–'],
    ['Local authority', d?.ladName ?? '–'],
    ['Licence reference', d?.licenceRef ?? '–'],
    ['Type', premisesTypeLabel(d?.type)],
    ['Closing time', d?.closingTime ?? 'not recorded'],
    ['Capacity', d?.capacity == null ? 'not recorded' : String(d.capacity)],
    ['Premises id', d?.id ?? '–'],
  ];

  return createPortal(
    <dialog
      ref={dialog}
      open
      aria-modal="true"
      className="evidence-pack"
      aria-label={`Evidence pack: ${name}`}
    >
      <div className="pack-toolbar">
        <button ref={printButton} type="button" onClick={() => window.print()}>
          Print or save as PDF
        </button>
        <button type="button" onClick={onClose}>
          Close evidence pack
        </button>
        <span>A4 pages; choose "Save as PDF" as the printer to keep a copy.</span>
      </div>
      <article
        className="pack-sheet"
        data-testid="evidence-pack"
        data-state={data.pending ? 'pending' : 'ready'}
      >
        <header className="pack-head">
          <p className="pack-kicker">Licensing evidence pack</p>
          <h1>{name}</h1>
          <p>
            {dataset.manifest.title}. Generated {generated}.
            {dataset.manifest.synthetic && (
              <strong className="pack-synthetic"> Synthetic data: not real premises.</strong>
            )}
          </p>
        </header>
        <section className="pack-section pack-columns">
          <div>
            <h2>Premises</h2>
            <dl className="pack-details">
              {rows.map(([k, v]) => (
                <div key={k}>
                  <dt>{k}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
            </dl>
          </div>
          <div>
            <h2>Period and filters</h2>
            <p>
              Period: {formatRange(data.periods.from, data.periods.to)}
              {data.periods.change &&
                `; compared with ${formatRange(data.periods.previousRange.from, data.periods.previousRange.to)}`}
              .
            </p>
            {chips.length || cells ? (
              <ul>
                {chips.map((c) => (
                  <li key={c.key}>
                    {c.name}: {c.text}
                  </li>
                ))}
                {cells && <li>Map selection: {cells.length} hexagon(s)</li>}
              </ul>
            ) : (
              <p>No other filters: every attendance in the period.</p>
            )}
          </div>
        </section>
        <section className="pack-section">
          <h2>Summary</h2>
          <ul className="pack-summary">
            {summaryLines(data, min).map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        </section>
        {d?.lat != null && d.lon != null && (
          <section className="pack-section">
            <h2>Location</h2>
            <MapInset
              areas={dataset.areas}
              ladCode={d.ladCode}
              point={{lat: d.lat, lon: d.lon}}
              name={name}
              nearby={data.nearby}
              radiusM={NEARBY_RADIUS_M}
            />
          </section>
        )}
        <ProfileCharts
          data={data}
          minCount={min}
          grain={dataset.manifest.time_grain}
          hasHours={dataset.hasHours}
        />
        <section className="pack-section">
          <h2>Attendances by month</h2>
          <MonthTable months={data.months} values={data.monthly} minCount={min} />
        </section>
        <section className="pack-section">
          <h2>Data caveats</h2>
          <ul>
            {caveatsOf(dataset.manifest).map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </section>
        <section className="pack-section pack-sources">
          <h2>Sources</h2>
          <p>
            Data: {dataset.label}. View: {app.permalink()}
          </p>
          <ul>
            {dataset.manifest.attribution.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </section>
      </article>
    </dialog>,
    document.body,
  );
}
