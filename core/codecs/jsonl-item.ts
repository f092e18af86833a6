import { MAX_JSON_DEPTH, nestsDeeperThan } from '../json-depth.ts';
import { annotationFrom } from './imported-annotation.ts';
import { type ImportedPrediction, predictionsFrom } from './imported-prediction.ts';
import { skillsFrom } from './imported-skills.ts';
import {
  type DecodedItem,
  failure,
  type ImportedAnnotation,
  isPriority,
  MAX_EXTERNAL_ID_LENGTH,
  priorityProblem,
} from './item-input.ts';
import { isObject, quote, truncate } from './json-shape.ts';
import type { Line } from './line-splitter.ts';

/**
 * One JSONL line as an item; null for a blank line. The checks are plain `typeof` tests because
 * this runs once per imported line; the server validates data and answers against the project.
 */
export function decodeJsonLine(line: Line): DecodedItem | null {
  let value: unknown;
  try {
    value = JSON.parse(line.text);
  } catch (error) {
    if (line.text.trim() === '') return null;
    const detail = error instanceof Error ? error.message : String(error);
    return failure(line.line, `not valid JSON (${truncate(detail)})`);
  }
  // Recursive code downstream (serialising the spool, validation) would overflow the stack.
  if (nestsDeeperThan(value, MAX_JSON_DEPTH)) {
    return failure(line.line, `nested deeper than ${MAX_JSON_DEPTH} levels of arrays and objects`);
  }
  return decodeJsonItem(value, line.line);
}

export function decodeJsonItem(value: unknown, line: number): DecodedItem {
  if (!isObject(value)) return failure(line, 'must be a JSON object');
  for (const key in value) {
    if (
      key !== 'data' &&
      key !== 'id' &&
      key !== 'meta' &&
      key !== 'priority' &&
      key !== 'annotations' &&
      key !== 'predictions' &&
      key !== 'gold' &&
      key !== 'skills'
    ) {
      return failure(
        line,
        `unknown key ${quote(key)} (expected id, data, meta, priority, annotations, predictions, gold, skills)`,
      );
    }
  }
  const { id, data, meta, priority, annotations, predictions, gold, skills } = value;

  let externalId: string | null = null;
  if (typeof id === 'string') {
    if (id.length === 0 || id.length > MAX_EXTERNAL_ID_LENGTH) {
      return failure(line, `"id" must be 1 to ${MAX_EXTERNAL_ID_LENGTH} characters`);
    }
    externalId = id;
  } else if (typeof id === 'number') {
    // A JSON number past 2^53 has already lost digits, so it cannot name an item.
    if (!Number.isSafeInteger(id)) return failure(line, '"id" must be a string or a safe integer');
    externalId = String(id);
  } else if (id !== undefined && id !== null) {
    return failure(line, '"id" must be a string or a number');
  }

  if (data === undefined) return failure(line, '"data" is required');
  if (!isObject(data)) return failure(line, '"data" must be an object');
  if (meta !== undefined && !isObject(meta)) return failure(line, '"meta" must be an object');
  if (gold !== undefined && gold !== null && !isObject(gold)) {
    return failure(line, '"gold" must be an object of answers by question name');
  }
  if (priority !== undefined && (typeof priority !== 'number' || !isPriority(priority))) {
    return failure(line, priorityProblem);
  }

  const decoded: ImportedAnnotation[] = [];
  if (annotations !== undefined) {
    if (!Array.isArray(annotations)) return failure(line, '"annotations" must be an array');
    for (let i = 0; i < annotations.length; i++) {
      const annotation = annotationFrom(annotations[i], `annotations[${i}]`);
      if (typeof annotation === 'string') return failure(line, annotation);
      decoded.push(annotation);
    }
  }

  let suggested: ImportedPrediction[] = [];
  if (predictions !== undefined && predictions !== null) {
    const found = predictionsFrom(predictions);
    if (typeof found === 'string') return failure(line, found);
    suggested = found;
  }

  const required = skillsFrom(skills);
  if (typeof required === 'string') return failure(line, required);

  return {
    line,
    ok: true,
    item: {
      externalId,
      data,
      meta: meta ?? {},
      priority: priority ?? 0,
      annotations: decoded,
      predictions: suggested,
      gold: gold ?? null,
      skills: required,
    },
  };
}
