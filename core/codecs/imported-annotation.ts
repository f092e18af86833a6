import { nameProblem } from '../names.ts';
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
  const who = annotatorProblem(annotator.trim());
  if (who) return `${path}.annotator: ${who}`;
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
    annotator: annotator.trim(),
    answers,
    status: status ?? 'submitted',
    leadTimeMs: leadTimeMs ?? null,
    createdAt: created,
  };
}

/** The longest email an annotator may give: the API's own limit for an account's email. */
const MAX_EMAIL_LENGTH = 254;

/**
 * An annotator is an account's email (it has an `@`; the server checks it is a member's) or the
 * name of an external identity; either way it must pass the name rule, and a name its length.
 */
function annotatorProblem(annotator: string): string | null {
  if (!annotator.includes('@')) return nameProblem(annotator);
  return nameProblem(annotator, MAX_EMAIL_LENGTH);
}
