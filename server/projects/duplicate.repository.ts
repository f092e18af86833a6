import { sql } from 'kysely';
import type { Tx } from '../db/transaction.ts';

/**
 * The bulk copies of a project duplication, each one INSERT … SELECT inside the store, so a
 * project of 100k items is copied without a row crossing into the process.
 */

/** Copies the members of `from` into `to`, with their roles. */
export async function copyMembers(tx: Tx, from: number, to: number, now: number): Promise<void> {
  await tx
    .insertInto('projectMembers')
    .columns(['projectId', 'userId', 'role', 'addedAt'])
    .expression((eb) =>
      eb
        .selectFrom('projectMembers')
        .select([sql.lit(to).as('projectId'), 'userId', 'role', sql.lit(now).as('addedAt')])
        .where('projectId', '=', from),
    )
    .execute();
}

/** Copies the pending invitations of `from` into `to` (same address, role and inviter). */
export async function copyInvitations(tx: Tx, from: number, to: number, now: number): Promise<void> {
  await tx
    .insertInto('projectInvitations')
    .columns(['projectId', 'email', 'role', 'invitedBy', 'createdAt'])
    .expression((eb) =>
      eb
        .selectFrom('projectInvitations')
        .select([sql.lit(to).as('projectId'), 'email', 'role', 'invitedBy', sql.lit(now).as('createdAt')])
        .where('projectId', '=', from),
    )
    .execute();
}

/**
 * Copies the items of `from` into `to` in id order: data, meta, external id, priority and random
 * key (both projects have the same order), each with `overlap` free slots and no submission.
 * Returns how many.
 */
export async function copyItems(
  tx: Tx,
  p: { from: number; to: number; overlap: number; now: number },
): Promise<number> {
  const result = await tx
    .insertInto('items')
    .columns([
      'projectId',
      'externalId',
      'data',
      'meta',
      'priority',
      'rand',
      'slotsLeft',
      'submittedCount',
      'createdAt',
    ])
    .expression((eb) =>
      eb
        .selectFrom('items')
        .select([
          sql.lit(p.to).as('projectId'),
          'externalId',
          'data',
          'meta',
          'priority',
          'rand',
          sql.lit(p.overlap).as('slotsLeft'),
          sql.lit(0).as('submittedCount'),
          sql.lit(p.now).as('createdAt'),
        ])
        .where('projectId', '=', p.from)
        .orderBy('id'),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}
