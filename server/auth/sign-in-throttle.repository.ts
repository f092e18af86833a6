import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { ThrottleState } from './throttle.ts';

type Db = Kysely<Database>;

export async function findThrottles(db: Db, keys: readonly string[]): Promise<Map<string, ThrottleState>> {
  const rows = await db
    .selectFrom('signInThrottle')
    .select(['key', 'failures', 'updatedAt', 'nextAttemptAt'])
    .where('key', 'in', keys)
    .execute();
  return new Map(rows.map(({ key, ...state }) => [key, state]));
}

export async function saveThrottle(
  db: Db,
  key: string,
  state: ThrottleState,
  expiresAt: number,
): Promise<void> {
  const values = { ...state, expiresAt };
  await db
    .insertInto('signInThrottle')
    .values({ key, ...values })
    .onConflict((oc) => oc.column('key').doUpdateSet(values))
    .execute();
}

export async function deleteThrottle(db: Db, key: string): Promise<void> {
  await db.deleteFrom('signInThrottle').where('key', '=', key).execute();
}

/** Removes keys that hold nothing any more; returns how many. */
export async function pruneThrottles(db: Db, now: number): Promise<number> {
  const result = await db.deleteFrom('signInThrottle').where('expiresAt', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
