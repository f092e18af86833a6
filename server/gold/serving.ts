import { goldIsDue, goldPhase } from '../../core/quality/gold-serving.ts';
import type { AssignmentRow, ItemRow } from '../assignments/assignments.repository.ts';
import type { Tx } from '../db/transaction.ts';
import type { ProjectRow } from '../projects/projects.repository.ts';
import { goldSettingsOf } from './gold-settings.ts';
import { findUndoneGoldItem, lockGoldItem, servedCounts } from './serving.repository.ts';

/**
 * takeGoldItem: inside the caller's claim transaction (serialised per project and annotator), a
 * gold item locked for them when the serving rule says the next item is gold and one they have
 * not done is left; undefined otherwise, and the ordinary claim runs.
 */
export async function takeGoldItem(
  tx: Tx,
  p: {
    project: ProjectRow;
    userId: number;
    expiresAt: number;
    now: number;
    /** Routing by skill, as for the open items (server/skills/routing.ts). */
    profiles?: number[] | undefined;
  },
): Promise<{ assignment: AssignmentRow; item: ItemRow } | undefined> {
  const settings = goldSettingsOf(p.project);
  if (settings.warmup === 0 && settings.rate === 0) return undefined;
  const at = { projectId: p.project.id, userId: p.userId };
  const counts = await servedCounts(tx, at);
  const due = goldIsDue({
    ...counts,
    warmup: settings.warmup,
    rate: settings.rate,
    phase: goldPhase(p.userId, p.project.id),
  });
  if (!due) return undefined;
  const item = await findUndoneGoldItem(tx, { ...at, profiles: p.profiles });
  if (!item) return undefined;
  const assignment = await lockGoldItem(tx, { ...at, itemId: item.id, expiresAt: p.expiresAt, now: p.now });
  return { assignment, item };
}
