import type { AdjudicationSetting } from '../../core/api/adjudication.ts';
import type { InterfaceDefinition } from '../../core/interface/index.ts';
import type { Tx } from '../db/transaction.ts';
import type { ProjectRow } from '../projects/projects.repository.ts';
import { humanAnswersOf } from '../quality/disagreement.repository.ts';
import { deleteEntry, disputeOf, upsertEntry } from './adjudication.repository.ts';
import { adjudicationOf } from './adjudication-setting.ts';
import { itemConsensus, lowestConfidence } from './case-consensus.ts';

/** Whether an item's scores send it to adjudication under the setting (docs/quality.md). */
export function isDisputed(
  setting: Pick<AdjudicationSetting, 'threshold' | 'confidenceBelow'>,
  score: { disagreement: number | null; confidence: number | null },
): boolean {
  if (score.disagreement !== null && score.disagreement >= setting.threshold) return true;
  return (
    setting.confidenceBelow !== null &&
    score.confidence !== null &&
    score.confidence < setting.confidenceBelow
  );
}

/**
 * Puts an item in the adjudication queue, updates its scores there, or takes it out, after its
 * answers changed (submit, edit, a reviewer's fix): called in that transaction, after
 * refreshDisagreement, from the item's stored disagreement. A decided item keeps its final answer;
 * gold items never enter (their answer is known). Whether the item is complete is read when the
 * queue is, not here.
 */
export async function queueForAdjudication(
  tx: Tx,
  c: { project: ProjectRow; iface: Pick<InterfaceDefinition, 'questions'>; itemId: number; now: number },
): Promise<void> {
  const setting = adjudicationOf(c.project);
  if (!setting) return;
  const item = await disputeOf(tx, c.itemId);
  if (!item || item.gold) return;
  const disagreement = item.disagreement === null ? null : Number(item.disagreement);
  // Every answer agreeing gives each question a confidence of 1: nothing below the bar to read.
  let confidence: number | null = null;
  if (setting.confidenceBelow !== null && disagreement !== null && disagreement > 0) {
    const rows = await humanAnswersOf(tx, [c.itemId]);
    const annotations = rows.map((r) => ({ annotator: r.label, answers: JSON.parse(r.answers) }));
    confidence = lowestConfidence(c.iface, itemConsensus(c.iface, annotations, undefined));
  }
  const entry = { itemId: c.itemId, projectId: item.projectId, disagreement, confidence, now: c.now };
  if (isDisputed(setting, entry)) await upsertEntry(tx, entry);
  else await deleteEntry(tx, c.itemId);
}
