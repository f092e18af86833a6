import {
  type AnswerContext,
  type AnswerMediaFacts,
  type InterfaceDefinition,
  mediaQuestionFields,
} from '../../core/interface/index.ts';
import { mediaIdsByField } from '../../core/media/reference.ts';
import type { Db } from '../db/transaction.ts';
import { findProjectMediaMany } from './media.repository.ts';

type MediaFactsByField = NonNullable<AnswerContext['media']>;

/**
 * The probed facts of each item's media fields that answers are checked against (docs/media.md,
 * "Segments"), by field name, in the order of `items`: undefined when the interface asks nothing
 * over media, so other projects never query for them. A field whose media was not probed yet has
 * null facts, and its answers are checked without them.
 */
export async function answerMediaFactsMany(
  db: Db,
  w: { projectId: number; iface: InterfaceDefinition; items: readonly Record<string, unknown>[] },
): Promise<(MediaFactsByField | undefined)[]> {
  const fields = mediaQuestionFields(w.iface);
  if (fields.length === 0) return w.items.map(() => undefined);
  const refs = w.items.map((data) => mediaIdsByField(data, fields));
  const ids = [...new Set(refs.flatMap((r) => [...r.values()]))];
  const rows = new Map((await findProjectMediaMany(db, w.projectId, ids)).map((r) => [r.id, r]));
  return refs.map((byField) => {
    const out: Record<string, AnswerMediaFacts> = {};
    for (const [field, id] of byField) {
      const row = rows.get(id);
      if (row)
        out[field] = {
          durationSeconds: row.durationSeconds,
          frameRate: row.frameRate,
          width: row.width,
          height: row.height,
        };
    }
    return out;
  });
}

/** `answerMediaFactsMany` for one item. */
export async function answerMediaFacts(
  db: Db,
  w: { projectId: number; iface: InterfaceDefinition; data: Record<string, unknown> },
): Promise<MediaFactsByField | undefined> {
  const [facts] = await answerMediaFactsMany(db, { projectId: w.projectId, iface: w.iface, items: [w.data] });
  return facts;
}
