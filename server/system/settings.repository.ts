import type { Db } from '../db/transaction.ts';

/** The store's own settings (the server secret on PostgreSQL, the secret's fingerprint). */
export type SettingKey = 'server_secret' | 'secret_fingerprint';

export async function readSetting(db: Db, key: SettingKey): Promise<string | undefined> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

export async function writeSetting(db: Db, key: SettingKey, value: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/** Writes the setting unless it has a value already; returns the value it has now. */
export async function settleSetting(db: Db, key: SettingKey, value: string): Promise<string> {
  await db
    .insertInto('settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  return (await readSetting(db, key))!;
}
