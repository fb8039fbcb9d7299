/**
 * The first paint while a dataset loads: the dashboard's layout, the boundaries, and the
 * attendances stored so far, so a long load (tens of seconds at 10M rows) is not a blank page.
 */
import type {LoadPreview} from '../../data/progress';
import {Panel} from '../../ui/Panel';
import {formatCount, formatRange} from '../../ui/format';
import {LoadingMap} from '../map/LoadingMap';

/** Props of LoadingDashboard. */
export interface LoadingDashboardProps {
  preview: LoadPreview;
}

/** A region whose view needs the whole dataset. */
function Waiting({title, className}: {title: string; className: string}) {
  return (
    <Panel title={title} className={className}>
      <p className="coming">Waiting for the data…</p>
    </Panel>
  );
}

/** The same regions as the dashboard, filled with what is known so far. */
export function LoadingDashboard({preview}: LoadingDashboardProps) {
  const {manifest, areas, files, filesDone, rows, attendances} = preview;
  return (
    <main className="dashboard loading-dashboard" data-testid="loading-dashboard">
      <Panel title="Hotspot map" className="region-map">
        <div className="map-frame">
          <LoadingMap areas={areas} start={rows > 0} />
        </div>
      </Panel>
      <div className="side">
        <Panel title="Headline" className="region-headline">
          <div className="headline">
            <div className="headline-main">
              {/* Not a live region: it changes with every chunk. Read in order after its label. */}
              <span className="headline-label">Attendances read so far</span>
              <span className="headline-value" data-testid="read-so-far" data-value={attendances}>
                {formatCount(attendances)}
              </span>
              {manifest?.period && (
                <span className="headline-period">
                  {formatRange(manifest.period.start, manifest.period.end)}
                </span>
              )}
            </div>
            <p className="headline-note">
              {files > 0 && `${filesDone} of ${files} incidents files stored, `}
              {formatCount(rows)} rows. Every view and filter appears when loading is done.
            </p>
          </div>
        </Panel>
        <Waiting title="Trend over time" className="region-trend" />
        <Waiting title="Hour by weekday" className="region-grid" />
      </div>
      <Waiting title="Premises" className="region-ranking" />
      <Waiting title="Area comparison" className="region-areas" />
      <Waiting title="Breakdowns" className="region-breakdowns" />
    </main>
  );
}
