/**
 * Command lines the server and the CLI print as hints. A hint must work when pasted as is, so
 * every value is quoted for a POSIX shell and names the store the printing process really uses.
 */

/** `value` as one POSIX shell word: bare when it is plainly safe, else in single quotes. */
export function shellQuote(value: string): string {
  if (/^[A-Za-z0-9_./:@%+=,-]+$/.test(value)) return value;
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** Where a store is, as a local command is told: the data folder, or PostgreSQL's URL. */
export interface StoreLocation {
  dataDir: string;
  /** postgres://… when the store is PostgreSQL. */
  databaseUrl?: string | undefined;
  /** The server secret came from VERITY_SECRET, which a local command needs too. */
  secretFromEnv?: boolean;
}

/**
 * `npx verity <args>` against the given store. A PostgreSQL URL with a password is not printed
 * with it (hints reach terminals and logs): `needs` then says what to supply.
 */
export function localCommand(store: StoreLocation, args: string): { command: string; needs: string[] } {
  const needs: string[] = [];
  let prefix = '';
  if (store.databaseUrl) {
    const url = new URL(store.databaseUrl);
    if (url.password) {
      url.password = 'PASSWORD';
      needs.push('put the database password in place of PASSWORD');
    }
    prefix = `DATABASE_URL=${shellQuote(url.toString())} `;
  }
  if (store.secretFromEnv) needs.push('run it with VERITY_SECRET set as for this server');
  const data = store.databaseUrl ? '' : ` --data ${shellQuote(store.dataDir)}`;
  return { command: `${prefix}npx verity ${args}${data}`, needs };
}
