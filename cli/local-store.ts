import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../core/api/client-errors.ts';
import { localCommand, shellQuote } from '../core/command-line.ts';
import { type AppContext, AppError, createContext, openStore, SecretMismatch } from '../server/local.ts';
import type { StoreConfig } from './config.ts';
import { CliError } from './errors.ts';

/**
 * Runs `fn` with a service context on the local store, as the server would build it: the same
 * secret (token hashes are keyed with it), so tokens made here work against the running server.
 */
export async function withLocalStore<T>(
  config: StoreConfig,
  fn: (ctx: AppContext) => Promise<T>,
  opts: { create?: boolean } = {},
): Promise<T> {
  // Only the first admin's `user add`, or `demo`, may make a store; any other command on a folder
  // with no store is pointed at the wrong one, and an empty store would only send it further astray.
  if (!opts.create && !config.databaseUrl && !fs.existsSync(path.join(config.dataDir, 'verity.db'))) {
    throw new CliError(
      `no Verity store in ${config.dataDir}; pass --data with the folder \`verity start\` printed`,
    );
  }
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    const ctx = await createContext(store, config, 'local');
    return await fn(ctx);
  } catch (err) {
    // Service errors read the same as the server's answers would.
    if (err instanceof AppError) throw new ApiError(err.status, err.code, err.message, err.details);
    if (err instanceof SecretMismatch) throw new CliError(err.message);
    throw err;
  } finally {
    await store.close();
  }
}

/** The error for an email with no account in the store, with the command that would create one. */
export function noSuchUser(config: StoreConfig, email: string): CliError {
  const add = localCommand(
    { ...config, secretFromEnv: config.secret !== undefined },
    `user add --email ${shellQuote(email)} --name "Your Name" --password-stdin`,
  );
  return new CliError(`no user with email ${email} in this store; create one with: ${add.command}`);
}
