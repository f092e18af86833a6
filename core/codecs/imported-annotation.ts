import { normalizeIsoTime } from './iso-time.ts';
import type { ImportedAnnotation } from './item-input.ts';
import { isObject, quote } from './json-shape.ts';

/** An imported annotation, or the problem with it, phrased with its `path` (`annotations[0]`). */
export function annotationFrom(value: unknown, path: string): ImportedAnnotation | string {
  if (!isObject(value)) return `${path} must be an object`;
  for (const key in value) {
    if (
      key !== 'annotator' &&
      key !== 'answers' &&
      key !== 'status' &&
      key !== 'leadTimeMs' &&
      key !== 'createdAt'
    ) {
      return `${path} has unknown key ${quote(key)} (expected annotator, answers, status, leadTimeMs, createdAt)`;
    }
  }
  const { annotator, answers, status, leadTimeMs, createdAt } = value;
  if (typeof annotator !== 'string' || annotator.trim() === '') {
    return `${path}.annotator must be a non-empty string`;
  }
  if (!isObject(answers)) return `${path}.answers must be an object`;
  if (status !== undefined && status !== 'submitted' && status !== 'draft') {
    return `${path}.status must be "submitted" or "draft"`;
  }
  if (
    leadTimeMs !== undefined &&
    leadTimeMs !== null &&
    (typeof leadTimeMs !== 'number' || !Number.isSafeInteger(leadTimeMs) || leadTimeMs < 0)
  ) {
    return `${path}.leadTimeMs must be a non-negative integer`;
  }
  let created: string | null = null;
  if (createdAt !== undefined && createdAt !== null) {
    created = typeof createdAt === 'string' ? normalizeIsoTime(createdAt) : null;
    if (created === null) return `${path}.createdAt must be an ISO 8601 date-time with a time zone`;
  }
  return {
    annotator,
    answers,
    status: status ?? 'submitted',
    leadTimeMs: leadTimeMs ?? null,
    createdAt: created,
  };
}
