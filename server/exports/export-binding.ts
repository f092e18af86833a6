import type { ExportFilters } from '../../core/api/export-filters.ts';
import type { ExportShape } from './exports.repository.ts';

/** What one export reads: the project, its overlap (for `complete`), the filters and their shape. */
export interface ExportBinding {
  projectId: number;
  overlap: number;
  filters: Pick<ExportFilters, 'from' | 'to' | 'ids'>;
  shape: ExportShape;
}

/** The binding of a project's export with these filters (none: everything, as before filters). */
export function exportBinding(
  projectId: number,
  overlap: number,
  filters: Omit<ExportFilters, 'format'>,
): ExportBinding {
  return {
    projectId,
    overlap,
    filters,
    shape: {
      submittedOnly: filters.submitted === 'only',
      completeOnly: filters.complete === 'only',
      from: filters.from !== undefined,
      to: filters.to !== undefined,
      ids: filters.ids !== undefined,
    },
  };
}
