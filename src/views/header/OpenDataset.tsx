/** "Open dataset": pick a manifest with its files, bare Parquet files, or a manifest URL. */
import {useEffect, useRef, useState} from 'react';
import {useApp} from '../../state/AppContext';

/** The button, its dialog, and drag-and-drop of files anywhere on the page. */
export function OpenDataset() {
  const app = useApp();
  const dialog = useRef<HTMLDialogElement>(null);
  const [url, setUrl] = useState('');
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    const over = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!e.dataTransfer?.files.length) return;
      e.preventDefault();
      setDragging(false);
      void app.openFiles([...e.dataTransfer.files]);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [app]);

  return (
    <>
      <button type="button" onClick={() => dialog.current?.showModal()}>
        Open dataset
      </button>
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop a manifest.json with its files, or Parquet files that follow schema v1
        </div>
      )}
      <dialog ref={dialog} className="open-dialog" aria-labelledby="open-title">
        <h2 id="open-title">Open dataset</h2>
        <p>
          Choose a <code>manifest.json</code> together with the files it names, or Parquet files
          that follow schema v1 (incidents, and optionally premises, sites and an areas GeoJSON).
          Files stay in your browser: nothing is uploaded.
        </p>
        <label className="file-pick">
          Files
          <input
            type="file"
            multiple
            accept=".json,.geojson,.parquet"
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              if (files.length) {
                dialog.current?.close();
                void app.openFiles(files);
              }
              e.target.value = '';
            }}
          />
        </label>
        <form
          method="dialog"
          className="url-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!url.trim()) return;
            dialog.current?.close();
            void app.openUrl(url);
          }}
        >
          <label>
            Or a manifest URL
            <input
              type="url"
              placeholder="https://example.org/data/manifest.json"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
            />
          </label>
          <button type="submit">Open URL</button>
        </form>
        <p className="hint">You can also drop files anywhere on the page.</p>
        <button type="button" onClick={() => dialog.current?.close()}>
          Cancel
        </button>
      </dialog>
    </>
  );
}
