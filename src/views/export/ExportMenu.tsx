/** A view's export menu: PNG (2x, drawn from the SVG) and SVG of the chart or map, and CSV. */
import {useRef, useState} from 'react';
import {useApp} from '../../state/AppContext';
import {filtersOf} from '../../state/filters';
import type {Dataset} from '../../data/load-dataset';
import {toCsv, type CsvTable} from './csv';
import {download} from './download';
import {cellSelectionLine, exportMeta, fileName, type ExportMeta} from './meta';
import {cellsOf} from '../../state/cells';
import {svgToPng} from './svg';

/** Props of ExportMenu. */
export interface ExportMenuProps {
  /** The view's name, as in its heading (and the file name). */
  view: string;
  dataset: Dataset;
  /** The data behind the view, with suppression applied (may be fetched). */
  csv?: () => CsvTable | Promise<CsvTable>;
  /** A captioned SVG document of the chart (the map's is built from fetched shapes). */
  svg?: (meta: ExportMeta) => string | Promise<string>;
  /** Extra caption lines (e.g. the map mode). */
  notes?: string[];
  /** The view is not filtered by the map's hexagon selection (the map itself): not captioned. */
  ownCells?: boolean;
}

/** Export buttons in a small dropdown. */
export function ExportMenu({view, dataset, csv, svg, notes, ownCells}: ExportMenuProps) {
  const {selection} = useApp();
  const ref = useRef<HTMLDetailsElement>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const meta = () => {
    const cells = ownCells ? undefined : cellsOf(selection);
    return exportMeta(view, dataset, filtersOf(selection), [
      ...(cells ? [cellSelectionLine(cells)] : []),
      ...(notes ?? []),
    ]);
  };
  /** Close the menu and give focus back to its button (the one pressed was just disabled). */
  const close = () => {
    if (!ref.current) return;
    ref.current.open = false;
    ref.current.querySelector('summary')?.focus();
  };
  const run = async (work: () => Promise<void> | void) => {
    setBusy(true);
    setFailed(null);
    try {
      await work();
      close();
    } catch (err) {
      // Said in the menu, left open: a download that never comes would say nothing.
      setFailed(`The export failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <details
      ref={ref}
      className="export-menu"
      // A failure is said until the menu closes.
      onToggle={(e) => {
        if (!e.currentTarget.open) setFailed(null);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && ref.current?.open) {
          e.stopPropagation();
          close();
        }
      }}
    >
      <summary aria-label={`Export ${view}`}>Export</summary>
      <div className="export-list" role="group" aria-label={`Export ${view}`}>
        {svg && (
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              run(async () => {
                const m = meta();
                const blob = await svgToPng(await svg(m), 2);
                download(fileName(view, m, 'png'), blob);
              })
            }
          >
            PNG (2×)
          </button>
        )}
        {svg && (
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              run(async () => {
                const m = meta();
                download(fileName(view, m, 'svg'), await svg(m), 'image/svg+xml');
              })
            }
          >
            SVG
          </button>
        )}
        {csv && (
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              run(async () => {
                const m = meta();
                download(fileName(view, m, 'csv'), toCsv(await csv(), m), 'text/csv');
              })
            }
          >
            CSV
          </button>
        )}
        {failed && (
          <p className="export-error error-text" role="alert">
            {failed}
          </p>
        )}
      </div>
    </details>
  );
}
