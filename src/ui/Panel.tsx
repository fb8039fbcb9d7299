/** A named region of the dashboard with a heading. */
import type {ReactNode} from 'react';

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
      <div className="panel-body">{children}</div>
    </section>
  );
}
