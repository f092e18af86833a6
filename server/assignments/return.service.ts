import type { z } from 'zod';
import type { Assignment } from '../../core/api/assignments.ts';
import { accessOf } from '../access.ts';
import type { AppContext, Caller } from '../context.ts';
import { writeTransaction } from '../db/transaction.ts';
import { AppError, forbidden, notFound } from '../http/errors.ts';
import { findAssignment, findProjectOfAssignment, toAssignment, unskip } from './assignments.repository.ts';
import { refreshSlots } from './slots.repository.ts';

/**
 * returnSkip: a skipped assignment goes back into its owner's queue. Its owner may do it (from
 * My work), and so may a manager of the project (a lead sending the item back to the person who
 * skipped it); anyone else who can see the assignment is forbidden, and anyone who cannot, told
 * it does not exist.
 *
 * The assignment becomes expired, exactly as a lock that ran out: its owner can claim the item
 * again (`next` revives the same row, draft included; so does saving a draft of it), and so can
 * anyone else while a slot is free. A skip holds no slot, so the item's slots stay as they were;
 * they are recomputed anyway, which also voids the project's claim cursors, since the owner's
 * cursor has passed the item. Returning one that is already expired changes nothing; a locked or
 * submitted one is a CONFLICT.
 */
export async function returnSkip(
  ctx: AppContext,
  caller: Caller,
  assignmentId: number,
): Promise<z.input<typeof Assignment>> {
  const row = await findProjectOfAssignment(ctx.store.db, assignmentId, caller.id);
  if (!row) throw notFound('assignment');
  const { memberRole, ownerId, ...project } = row;
  const access = accessOf(caller, memberRole);
  if (ownerId !== caller.id) {
    if (!access.viewAll) throw notFound('assignment');
    if (!access.manage) throw forbidden("Only project managers can return someone else's skip.");
  }
  return writeTransaction(
    ctx.store,
    async (tx) => {
      const returned = await unskip(tx, assignmentId, Date.now());
      if (!returned) {
        const a = (await findAssignment(tx, assignmentId))!;
        if (a.status === 'expired') return toAssignment(a);
        throw new AppError('CONFLICT', `Only a skipped assignment can be returned; this one is ${a.status}.`);
      }
      await refreshSlots(tx, project.id, project.overlap, [returned.itemId]);
      return toAssignment(returned);
    },
    { serializeOn: [project.id, ownerId] },
  );
}
