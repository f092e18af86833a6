import { AdjudicationSetting } from '../../core/api/adjudication.ts';
import type { Db } from '../db/transaction.ts';
import { AppError } from '../http/errors.ts';
import { membersAmong } from './entries.repository.ts';

/** A project's adjudication setting from its row; null: adjudication is off. */
export function adjudicationOf(p: { adjudication: string | null }): AdjudicationSetting | null {
  if (p.adjudication === null) return null;
  return AdjudicationSetting.parse(JSON.parse(p.adjudication));
}

/**
 * The named adjudicators must be members of the project (a new project has none yet): the first
 * one who is not is refused, naming the field, as the contract's own checks are.
 */
export async function checkAdjudicators(
  db: Db,
  projectId: number | undefined,
  setting: AdjudicationSetting | null | undefined,
): Promise<void> {
  const ids = setting?.adjudicators ?? [];
  const members = projectId === undefined ? new Set<number>() : await membersAmong(db, projectId, ids);
  const at = ids.findIndex((id) => !members.has(id));
  if (at === -1) return;
  const path = `body.adjudication.adjudicators[${at}]`;
  const message = `user ${ids[at]} is not a member of this project`;
  throw new AppError('VALIDATION_FAILED', `${path}: ${message}`, [{ path, message }]);
}
