/** Data source and attribution, always visible. */
import type {Dataset} from '../../data/load-dataset';
import type {Manifest} from '../../data/manifest';

/** Props of Footer. */
export interface FooterProps {
  dataset: Dataset | null;
  /** The manifest of a dataset still loading: its attribution covers the boundaries drawn already. */
  pendingManifest?: Manifest | null;
}

/** The footer with the dataset's attribution lines. */
export function Footer({dataset, pendingManifest}: FooterProps) {
  const pending = !dataset && pendingManifest;
  return (
    <footer className="app-footer" aria-label="Data sources and attribution">
      {dataset && (
        <>
          <p>
            Data: {dataset.label}
            {dataset.manifest.synthetic &&
              ' (synthetic: simulated attendances, fictional premises)'}
            . Counts under {dataset.manifest.disclosure.min_count} are suppressed in exports.
          </p>
          <ul>
            {dataset.manifest.attribution.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </>
      )}
      {pending && (
        <ul>
          {pendingManifest.attribution.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      )}
      <p>Runs entirely in your browser: the data are not sent anywhere.</p>
    </footer>
  );
}
