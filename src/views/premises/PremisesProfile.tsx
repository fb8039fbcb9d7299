/** "Premises profile: <name>": one premises under the current filters, with its evidence pack. */
import {useCallback, useEffect, useRef, useState} from 'react';
import type {Dataset} from '../../data/load-dataset';
import {formatCount, formatRange} from '../../ui/format';
import {EvidencePack} from '../evidence/EvidencePack';
import {countText, isSuppressed, shareText} from '../evidence/suppress';
import {changeCellOf, formatP} from '../ranking/change';
import {ExportMenu} from '../export/ExportMenu';
import {profileCsv} from './profile-csv';
import {ProfileCharts} from './ProfileCharts';
import {premisesTypeLabel} from './types';
import {useProfile} from './useProfile';

/** Props of PremisesProfile. */
export interface PremisesProfileProps {
  dataset: Dataset;
  generation: number;
  id: string;
  onClose: () => void;
  /** Focus another premises (from the nearby list). */
  onFocus: (id: string) => void;
  /** Move keyboard focus to the profile when it opens. @default false */
  autoFocus?: boolean;
  /** Counts under this are suppressed (publication mode), or null. */
  minCount: number | null;
}

/** The profile region, below the ranking. */
export function PremisesProfile(props: PremisesProfileProps) {
  const {dataset, generation, id, onClose, onFocus, autoFocus = false, minCount} = props;
  const data = useProfile(dataset, generation, id);
  const [pack, setPack] = useState(false);
  const closePack = useCallback(() => setPack(false), []);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (autoFocus) heading.current?.focus();
  }, [autoFocus, id]);

  const d = data.details;
  const name = d?.name ?? id;
  const r = data.ranking;
  const hidden = r !== null && (isSuppressed(r.n, minCount) || isSuppressed(r.prev ?? 0, minCount));
  const change = r
    ? changeCellOf(r.n, r.prev, data.periods.change, data.periods.noComparison)
    : null;
  const facts = [
    premisesTypeLabel(d?.type),
    d?.closingTime ? `closes ${d.closingTime}` : 'closing time not recorded',
    d?.capacity != null ? `capacity ${d.capacity}` : 'capacity not recorded',
    d?.licenceRef ? `licence ${d.licenceRef}` : null,
    d?.ladName,
  ].filter(Boolean);

  return (
    <section
      className="profile"
      aria-label={`Premises profile: ${name}`}
      aria-busy={data.pending}
      data-state={data.pending ? 'pending' : 'ready'}
    >
      <header className="profile-head">
        <div>
          <h3 ref={heading} tabIndex={-1}>
            {name}
          </h3>
          <p className="profile-address">
            {[d?.address, d?.postcode].filter(Boolean).join(', ')}
            {facts.length > 0 && <span> · {facts.join(' · ')}</span>}
          </p>
        </div>
        <div className="profile-actions">
          <button type="button" onClick={() => setPack(true)} disabled={!d}>
            Evidence pack
          </button>
          {d && (
            <ExportMenu
              view={`Premises profile: ${name}`}
              dataset={dataset}
              notes={[`Premises ${id}, under every filter.`]}
              csv={() => {
                // Rows of a query still running or failed are not this premises' under the filters.
                if (data.error) throw new Error(data.error);
                if (data.pending) throw new Error('the profile is still loading; try again');
                return profileCsv(
                  data,
                  dataset.manifest.disclosure.min_count,
                  dataset.manifest.time_grain,
                  dataset.hasHours,
                );
              }}
            />
          )}
          <button type="button" onClick={onClose} aria-label="Close profile">
            Close ✕
          </button>
        </div>
      </header>
      {!data.found && <p className="error-text">Premises {id} is not in this dataset.</p>}
      {data.error && <p className="error-text">Could not load the profile: {data.error}</p>}
      <p className="profile-summary">
        {r ? (
          <>
            <strong>{countText(r.n, minCount)}</strong> attendances,{' '}
            {formatRange(data.periods.from, data.periods.to)} · rank {r.rank} of{' '}
            {data.ranked === null ? '…' : formatCount(data.ranked)} ·{' '}
            {shareText(r.n, r.share ? r.n / r.share : 0, minCount)} of licensed-premises attendances
            {change?.p != null && !hidden && (
              <span className={`change ${change.direction ?? ''}`} title={change.title}>
                {' '}
                · change {change.text}
                {change.marker} (p = {formatP(change.p)})
              </span>
            )}
          </>
        ) : data.pending ? (
          'Loading…'
        ) : (
          'No attendances linked to these premises under the current filters.'
        )}
      </p>
      <ProfileCharts
        data={data}
        minCount={minCount}
        onFocus={onFocus}
        grain={dataset.manifest.time_grain}
        hasHours={dataset.hasHours}
      />
      {pack && <EvidencePack dataset={dataset} data={data} onClose={closePack} />}
    </section>
  );
}
