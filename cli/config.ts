import path from 'node:path';
import type { Flags } from './command.ts';
import { UsageError } from './errors.ts';

/** Flags of every command that talks to a running server. */
export const httpFlags = {
  url: {
    type: 'string',
    value: 'URL',
    help: 'server address (env VERITY_URL, default http://localhost:8080)',
  },
  token: { type: 'string', value: 'TOKEN', help: 'API token (env VERITY_TOKEN)' },
} as const satisfies Flags;

export const projectFlag = {
  project: { type: 'string', value: 'ID', help: 'project id', required: true },
} as const satisfies Flags;

/** Flags of the commands that act on the local store directly. */
export const storeFlags = {
  data: { type: 'string', value: 'DIR', help: 'data folder (env VERITY_DATA, default ./verity-data)' },
} as const satisfies Flags;

export interface HttpConfig {
  url: string;
  token: string;
}

export function httpConfig(values: { url?: string | undefined; token?: string | undefined }): HttpConfig {
  const url = values.url ?? process.env.VERITY_URL ?? 'http://localhost:8080';
  const token = values.token ?? process.env.VERITY_TOKEN;
  if (!token) {
    throw new UsageError(
      'no API token: pass --token or set VERITY_TOKEN (an admin creates one where the server runs with: npx verity token create --email you@example.org, adding the --data the server printed if it is not ./verity-data)',
    );
  }
  if (!/^https?:\/\//.test(url))
    throw new UsageError(`--url must start with http:// or https://, not "${url}"`);
  return { url: url.replace(/\/+$/, ''), token };
}

export interface StoreConfig {
  dataDir: string;
  databaseUrl: string | undefined;
  secret: string | undefined;
}

/** Where the store lives: DATABASE_URL (postgres://…) or the SQLite data folder. */
export function storeConfig(values: { data?: string | undefined }): StoreConfig {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new UsageError(
      'DATABASE_URL must be a postgres:// URL (unset it to use SQLite in the data folder)',
    );
  }
  return {
    dataDir: path.resolve(values.data ?? process.env.VERITY_DATA ?? './verity-data'),
    databaseUrl,
    secret: process.env.VERITY_SECRET || undefined,
  };
}
