/** Loading progress, a failed load's problems, warnings and URL notices. */
import type {DatasetState} from '../../state/dataset-store';
import {useApp, usePage} from '../../state/AppContext';
import {formatBytes} from '../../ui/format';

/** Props of LoadStatus. */
export interface LoadStatusProps {
  state: DatasetState;
}

/** Status messages under the header. */
export function LoadStatus({state}: LoadStatusProps) {
  const app = useApp();
  const {notices} = usePage();
  const {loading, error, dataset} = state;
  return (
    <div className="status-area">
      {loading && (
        <div className="loading" role="status" aria-live="polite">
          <span>{loading.stage}</span>
          {loading.loaded > 0 && (
            <span>
              {' '}
              · {formatBytes(loading.loaded)}
              {loading.total ? ` of ${formatBytes(loading.total)}` : ''}
            </span>
          )}
          <progress
            aria-label="Loading progress"
            max={loading.total ?? undefined}
            value={loading.total ? loading.loaded : undefined}
          />
        </div>
      )}
      {error && (
        <div className="dataset-error" role="alert">
          <h2>Could not open {error.label}</h2>
          <ul>
            {error.problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
          <p>
            {dataset
              ? `Still showing the previous dataset: ${dataset.manifest.title}.`
              : 'No dataset is loaded. Open another with "Open dataset".'}
          </p>
          <div className="error-actions">
            {!dataset && (
              <button type="button" onClick={() => void app.openDefault()}>
                Open the bundled dataset
              </button>
            )}
            <button type="button" onClick={() => app.datasets.dismissError()}>
              Dismiss
            </button>
          </div>
        </div>
      )}
      {dataset && <Warnings warnings={dataset.warnings} />}
      {notices.length > 0 && (
        <ul className="notices" aria-label="Notices">
          {notices.map((n, i) => (
            <li key={`${i}-${n}`}>
              {n}
              <button
                type="button"
                aria-label="Dismiss notice"
                onClick={() => app.dismissNotice(i)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Up to two warnings shown; more are folded under a count, so they do not push the views away. */
function Warnings({warnings}: {warnings: readonly string[]}) {
  const list = warnings.map((w) => (
    <p key={w} className="warning">
      {w}
    </p>
  ));
  if (warnings.length <= 2) return <>{list}</>;
  return (
    <details className="warnings">
      <summary>{warnings.length} warnings about this dataset&apos;s files</summary>
      {list}
    </details>
  );
}
