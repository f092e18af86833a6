import type { ReactNode } from 'react';

/** The page title with its main actions beside it (wrapping below at narrow widths or high zoom). */
export function PageHead({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <div className="page-head">
      <h1>{title}</h1>
      {children && <div className="row">{children}</div>}
    </div>
  );
}
