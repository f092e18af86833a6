import type { AdjudicationSetting } from '../../core/api/adjudication.ts';
import { type InterfaceDefinition, migrateInterface } from '../../core/interface/index.ts';
import type { StoreKind } from '../db/store.ts';
import type { Tx } from '../db/transaction.ts';
import { findProjectForUpdate, type ProjectRow } from '../projects/projects.repository.ts';
import { humanAnswersOf } from '../quality/disagreement.repository.ts';
import { adjudicationOf } from './adjudication-setting.ts';
import { itemConsensus, lowestConfidence } from './case-consensus.ts';
import {
  type Candidate,
  candidatesAfter,
  deleteEntries,
  disputeOf,
  dropSettled,
  type Entry,
  enterAtThreshold,
  upsertEntries,
} from './entries.repository.ts';

type Iface = Pick<InterfaceDefinition, 'questions'>;

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
  c: { project: ProjectRow; iface: Iface; itemId: number; now: number },
): Promise<void> {
  const setting = adjudicationOf(c.project);
  if (!setting) return;
  const item = await disputeOf(tx, c.itemId);
  if (!item || item.gold) return;
  await enterItems(tx, setting, c.iface, [{ id: c.itemId, ...item }], c.now);
}

/**
 * After the setting changed: every answered item of the project is judged again by the new
 * setting; undecided entries that no longer pass leave. Without a confidence bar one statement
 * enters the items at the threshold. With one, the items that can pass (a disagreement at the
 * threshold, or any at all: all answers agreeing gives every question a confidence of 1) are read
 * in batches along their ids, with their answers.
 */
export async function requeueProject(
  tx: Tx,
  c: { project: ProjectRow; iface: Iface; now: number },
): Promise<void> {
  const setting = adjudicationOf(c.project);
  if (!setting) return;
  await dropSettled(tx, { projectId: c.project.id, setting });
  if (setting.confidenceBelow === null) {
    await enterAtThreshold(tx, { projectId: c.project.id, threshold: setting.threshold, now: c.now });
    return;
  }
  let after = 0;
  for (;;) {
    const batch = await candidatesAfter(tx, { projectId: c.project.id, setting, after, limit: 1000 });
    if (batch.length === 0) return;
    await enterItems(tx, setting, c.iface, batch, c.now);
    after = batch[batch.length - 1]!.id;
  }
}

/** Scores the items (their confidence read only where the bar needs it) and enters or drops each. */
async function enterItems(
  tx: Tx,
  setting: AdjudicationSetting,
  iface: Iface,
  items: readonly Candidate[],
  now: number,
): Promise<void> {
  // Every answer agreeing gives each question a confidence of 1: nothing below the bar to read.
  const unsure =
    setting.confidenceBelow === null
      ? []
      : items.filter((i) => Number(i.disagreement ?? 0) > 0).map((i) => i.id);
  const answers = new Map<number, { annotator: string; answers: Record<string, unknown> }[]>();
  for (const r of await humanAnswersOf(tx, unsure)) {
    const list = answers.get(r.itemId) ?? [];
    list.push({ annotator: r.label, answers: JSON.parse(r.answers) });
    answers.set(r.itemId, list);
  }
  const disputed: Entry[] = [];
  const settled: number[] = [];
  for (const item of items) {
    const given = answers.get(item.id);
    const confidence = given ? lowestConfidence(iface, itemConsensus(iface, given, undefined)) : null;
    const disagreement = item.disagreement === null ? null : Number(item.disagreement);
    const entry = { itemId: item.id, projectId: item.projectId, disagreement, confidence, now };
    if (isDisputed(setting, entry)) disputed.push(entry);
    else settled.push(item.id);
  }
  await upsertEntries(tx, disputed);
  await deleteEntries(tx, settled);
}

/** After a settings update: when the adjudication setting's rule changed, the project is judged again. */
export async function afterAdjudicationChange(tx: Tx, kind: StoreKind, before: ProjectRow, now: number) {
  const project = await findProjectForUpdate(tx, kind, before.id);
  if (!project) return;
  const [was, is] = [adjudicationOf(before), adjudicationOf(project)];
  if (!is || (was && was.threshold === is.threshold && was.confidenceBelow === is.confidenceBelow)) return;
  await requeueProject(tx, { project, iface: migrateInterface(JSON.parse(project.interface)) as Iface, now });
}
