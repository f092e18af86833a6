import type { InterfaceDefinition } from '../../core/interface/index.ts';
import { validateAnswers } from '../../core/interface/index.ts';
import type { Db } from '../db/transaction.ts';
import { AppError } from '../http/errors.ts';
import { answerMediaFacts } from '../media/answer-facts.ts';

/**
 * The answers checked against the interface and the item, normalised; INVALID_ANSWERS otherwise.
 * Answers over an item's audio or video are also checked against its probed facts when known
 * (a segment past the recording's end, a keyframe past the last frame).
 */
export async function checkAnswers(
  db: Db,
  w: {
    projectId: number;
    iface: InterfaceDefinition;
    answers: unknown;
    data: Record<string, unknown>;
    partial: boolean;
  },
) {
  const media = await answerMediaFacts(db, { projectId: w.projectId, iface: w.iface, data: w.data });
  const result = validateAnswers(w.iface, w.answers, w.data, { partial: w.partial, media });
  if (!result.ok) {
    const first = result.errors[0];
    throw new AppError(
      'INVALID_ANSWERS',
      // A field error's message starts with its path already.
      first?.message,
      result.errors,
    );
  }
  return result.value;
}
