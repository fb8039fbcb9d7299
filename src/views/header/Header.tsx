/** The header: dataset title, period, badges, attribution and actions. */
import {COMPLEMENT_TEXT} from '../../analysis/disclosure';
import {useState} from 'react';
import type {Dataset} from '../../data/load-dataset';
import {useApp, usePage} from '../../state/AppContext';
import {formatCount, formatRange} from '../../ui/format';
import {OpenDataset} from './OpenDataset';

/** Props of Header. */
export interface HeaderProps {
  dataset: Dataset | null;
  /** The title of a dataset still loading, when there is none loaded yet. */
  pendingTitle?: string;
}

/** The page header. */
export function Header({dataset, pendingTitle}: HeaderProps) {
  const app = useApp();
  const {publication, extras} = usePage();
  const [copied, setCopied] = useState<string | null>(null);
  const copyLink = async () => {
    const link = app.permalink();
    try {
      await navigator.clipboard.writeText(link);
      setCopied('Link copied');
    } catch {
      setCopied(link);
    }
    setTimeout(() => setCopied(null), 4000);
  };
  const m = dataset?.manifest;
  return (
    <header className="app-header">
      <div className="title-block">
        <h1>{m?.title ?? pendingTitle ?? 'Violence surveillance dashboard'}</h1>
        {dataset && (
          <p className="subtitle">
            {m?.region && <span>{m.region} · </span>}
            <span>{formatRange(dataset.period.start, dataset.period.end)}</span>
            <span> · {formatCount(dataset.attendances)} attendances</span>
            <span> · by {m?.time_grain}</span>
            {m?.synthetic && (
              <span
                className="badge badge-synthetic"
                title="These data are simulated; they describe no real person or place."
              >
                Synthetic data
              </span>
            )}
          </p>
        )}
      </div>
      <div className="actions">
        <label
          className="publication-toggle"
          title={`Counts under ${m?.disclosure.min_count ?? 5} are shown as "<${m?.disclosure.min_count ?? 5}"; "${COMPLEMENT_TEXT}" marks a count withheld so that a small one cannot be worked out from a total`}
        >
          <input
            type="checkbox"
            checked={publication}
            onChange={(e) => app.setPublication(e.target.checked)}
          />
          Publication mode
        </label>
        <OpenDataset />
        {!extras.present && (
          <button type="button" onClick={() => app.setExtra('present', true)} disabled={!dataset}>
            Presenter mode
          </button>
        )}
        <button type="button" onClick={copyLink} disabled={!dataset}>
          Copy link
        </button>
        <span role="status" className="copy-status">
          {copied}
        </span>
      </div>
    </header>
  );
}
