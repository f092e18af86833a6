import type { ExportFilters } from '../../core/api/export-filters.ts';
import type { ExportParam, ExportShape } from './exports.repository.ts';

/** What one export reads: the project, its overlap (for `complete`), the filters and their shape. */
export interface ExportBinding {
  projectId: number;
  overlap: number;
  filters: Pick<ExportFilters, 'from' | 'to' | 'ids'> & { annotatorId?: number | undefined };
  shape: ExportShape;
  /** The project's media fields, whose media rows JSONL lines read (none: no media read). */
  mediaFields?: readonly string[];
}

/** The binding of a project's export with these filters (none: everything, as before filters). */
export function exportBinding(
  projectId: number,
  overlap: number,
  filters: Omit<ExportFilters, 'format' | 'pairs' | 'threshold' | 'includeModels' | 'annotator'> & {
    /** Only this user's work (`annotator`, resolved to its id). */
    annotatorId?: number | undefined;
  },
  rows: ExportShape['rows'] = 'lines',
  /** Whether the project has predictions to read (false spares every line a lookup). */
  predictions = true,
  /** The project's media fields (server/media/export-media.ts): their facts end each line, or come with each record. */
  mediaFields: readonly string[] = [],
): ExportBinding {
  return {
    projectId,
    overlap,
    filters,
    shape: {
      rows,
      submittedOnly: filters.submitted === 'only',
      completeOnly: filters.complete === 'only',
      from: filters.from !== undefined,
      to: filters.to !== undefined,
      ids: filters.ids !== undefined,
      annotator: filters.annotatorId !== undefined,
      humansOnly: false,
      predictions,
      consensus: false,
      media: mediaFields.length > 0,
    },
    mediaFields,
  };
}

/**
 * The parameters of an export's first page; each reader moves `after`, `last` and `page` on.
 * `list` encodes an id list as its driver binds one (SQLite: JSON text; PostgreSQL: an array).
 */
export function firstPageArgs(
  binding: ExportBinding,
  limit: number,
  list: (ids: readonly (number | string)[]) => unknown,
): Record<ExportParam, unknown> {
  const { filters } = binding;
  return {
    project: binding.projectId,
    after: 0,
    last: 0,
    limit,
    overlap: binding.overlap,
    from: filters.from ?? null,
    to: filters.to ?? null,
    ids: filters.ids ? list(filters.ids) : null,
    annotator: filters.annotatorId ?? null,
    page: null,
    fields: binding.mediaFields?.length ? list(binding.mediaFields) : null,
  };
}
