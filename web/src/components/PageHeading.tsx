/**
 * @module The one h1 of a page. It takes focus after client-side navigation (see Shell) so
 * screen-reader and keyboard users land on the new content, as after a full page load.
 */
import type { ReactNode } from 'react';

export const PAGE_HEADING_ID = 'page-heading';

export function PageHeading({ children, actions }: { children: ReactNode; actions?: ReactNode }) {
  return (
    <div className="page-heading">
      <h1 id={PAGE_HEADING_ID} tabIndex={-1}>
        {children}
      </h1>
      {actions && <div className="page-heading__actions">{actions}</div>}
    </div>
  );
}
