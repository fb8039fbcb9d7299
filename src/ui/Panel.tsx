/** A named region of the dashboard with a heading. */
import type {ReactNode} from 'react';
import {ErrorBoundary} from './ErrorBoundary';

/** Props of Panel. */
export interface PanelProps {
  /** The region's accessible name and heading. */
  title: string;
  className?: string;
  /** Extra controls beside the heading. */
  actions?: ReactNode;
  children: ReactNode;
}

/** A `<section>` named by its heading. */
export function Panel({title, className, actions, children}: PanelProps) {
  const id = `panel-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section className={`panel ${className ?? ''}`} aria-labelledby={id}>
      <header className="panel-head">
        <h2 id={id}>{title}</h2>
        {actions}
      </header>
      <div className="panel-body">
        <ErrorBoundary name={title}>
          <FaultInjection view={title} />
          {children}
        </ErrorBoundary>
      </div>
    </section>
  );
}

/**
 * Fault injection for tests of the error boundaries: a page started with
 * `window.__VSD_FAIL_VIEW__ = '<panel title>'` (e.g. from Playwright's addInitScript) fails that view.
 */
function FaultInjection({view}: {view: string}) {
  if ((window as {__VSD_FAIL_VIEW__?: string}).__VSD_FAIL_VIEW__ === view) {
    throw new Error(`injected failure of ${view}`);
  }
  return null;
}
