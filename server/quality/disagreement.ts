import type { InterfaceDefinition } from '../../core/interface/index.ts';
import { AgreementBuilder, type ItemAnnotation } from '../../core/quality/agreement.ts';
import type { Tx } from '../db/transaction.ts';
import { dataOf, humanAnswersOf, writeDisagreement } from './disagreement.repository.ts';

/**
 * Recomputes and stores the disagreement score (core/quality/agreement.ts) of the given items from
 * their submitted human annotations, inside the caller's transaction: called wherever an item's
 * answers change (submit, edit, a reviewer's fix). Returns the scores written.
 */
export async function refreshDisagreement(
  tx: Tx,
  iface: Pick<InterfaceDefinition, 'questions'>,
  itemIds: readonly number[],
): Promise<Map<number, number | null>> {
  const ids = [...new Set(itemIds)];
  const rows = await humanAnswersOf(tx, ids);
  const data = iface.questions.some((q) => q.type === 'pairwise') ? await dataOf(tx, ids) : undefined;
  const byItem = new Map<number, ItemAnnotation[]>(ids.map((id) => [id, []]));
  for (const r of rows) byItem.get(r.itemId)?.push({ annotator: r.label, answers: JSON.parse(r.answers) });
  const scores = new Map<number, number | null>();
  for (const [id, annotations] of byItem) {
    const raw = data?.get(id);
    // A fresh builder per item: the score depends on that item's answers alone.
    const score = new AgreementBuilder(iface).addItem(
      id,
      annotations,
      raw === undefined ? undefined : JSON.parse(raw),
    );
    scores.set(id, score);
  }
  await writeDisagreement(tx, scores);
  return scores;
}
