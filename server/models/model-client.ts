import OpenAI from 'openai';
import { type Agent, fetch as undiciFetch } from 'undici';
import type { Store } from '../db/store.ts';
import { AppError } from '../http/errors.ts';
import { outboundAgent } from '../net/guarded-agent.ts';
import { type ConnectionRow, findConnection } from './connections.repository.ts';
import { RateWindow, Semaphore } from './limits.ts';
import {
  ModelCallError,
  type ModelConnectionInfo,
  type ModelConnections,
  type ModelHandle,
} from './model-call.ts';
import { ConnectionHandle } from './model-handle.ts';
import { UnsealError, unseal } from './seal.ts';

/**
 * `ctx.models`: the model connections, opened on first use. Each connection's handle (its
 * `openai` client, its undici Agent, its concurrency and rate limits) is kept per process and
 * rebuilt when the connection's row changes (checked at each `open`, so a change made through
 * another server process is seen too); `forget` drops one at once. Retries are not the client's
 * (`maxRetries: 0`): the job system retries durably, interactive callers decide for themselves.
 */
interface Cached {
  fingerprint: string;
  handle: ModelHandle;
  agent: Agent;
}

/** What makes a handle differ: any field of the row but its times and author. */
const fingerprintOf = (r: ConnectionRow): string =>
  JSON.stringify([
    r.name,
    r.baseUrl,
    r.model,
    r.apiKeySealed,
    r.params,
    r.concurrency,
    r.requestsPerMinute,
    r.timeoutMs,
    r.allowPrivateNetwork,
  ]);

export const infoOf = (r: ConnectionRow): ModelConnectionInfo => ({
  id: r.id,
  name: r.name,
  model: r.model,
  baseUrl: r.baseUrl,
  concurrency: r.concurrency,
  requestsPerMinute: r.requestsPerMinute,
  timeoutMs: r.timeoutMs,
  params: r.params,
});

/** Builds a connection's handle; the key is unsealed here and lives only inside the client. */
export function buildHandle(row: ConnectionRow, secret: string): { handle: ModelHandle; agent: Agent } {
  const who = `model connection "${row.name}"`;
  let url: URL;
  try {
    url = new URL(row.baseUrl);
  } catch {
    throw new ModelCallError('bad_request', `${who}: the base URL is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ModelCallError('blocked_address', `${who}: only http and https base URLs are allowed`);
  let apiKey: string | null = null;
  if (row.apiKeySealed !== null) {
    try {
      apiKey = unseal(secret, row.apiKeySealed);
    } catch (err) {
      if (!(err instanceof UnsealError)) throw err;
      throw new ModelCallError('unauthorized', `${who}: ${err.message}`);
    }
  }
  const agent = outboundAgent({ guard: !row.allowPrivateNetwork });
  const client = new OpenAI({
    baseURL: row.baseUrl,
    // No key: send no Authorization header at all (a local server needs none).
    apiKey: apiKey ?? 'unused',
    ...(apiKey === null ? { defaultHeaders: { Authorization: null } } : {}),
    // Not from the environment: OPENAI_ORG_ID and OPENAI_PROJECT_ID are no business of this endpoint.
    organization: null,
    project: null,
    maxRetries: 0,
    timeout: row.timeoutMs,
    logLevel: 'off',
    fetch: ((input: string | URL | Request, init?: RequestInit) =>
      undiciFetch(input as string, { ...(init as object), dispatcher: agent })) as unknown as typeof fetch,
  });
  const handle = new ConnectionHandle({
    connection: infoOf(row),
    client,
    site: { name: row.name, model: row.model, baseUrl: row.baseUrl, timeoutMs: row.timeoutMs, apiKey },
    semaphore: new Semaphore(row.concurrency),
    rate: row.requestsPerMinute ? new RateWindow(row.requestsPerMinute) : null,
  });
  return { handle, agent };
}

export class ModelClients implements ModelConnections {
  private readonly cache = new Map<number, Cached>();
  constructor(
    private readonly store: Store,
    private readonly secret: string,
  ) {}

  async open(connectionId: number): Promise<ModelHandle> {
    const row = await findConnection(this.store.db, connectionId);
    if (!row) {
      this.forget(connectionId);
      throw new AppError('NOT_FOUND', 'No such model connection.');
    }
    const fingerprint = fingerprintOf(row);
    const cached = this.cache.get(connectionId);
    if (cached?.fingerprint === fingerprint) return cached.handle;
    this.forget(connectionId);
    const built = buildHandle(row, this.secret);
    this.cache.set(connectionId, { fingerprint, ...built });
    return built.handle;
  }

  /** Drops a connection's handle; calls under way finish on the old one. */
  forget(connectionId: number): void {
    const cached = this.cache.get(connectionId);
    if (!cached) return;
    this.cache.delete(connectionId);
    void cached.agent.close().catch(() => {});
  }

  async close(): Promise<void> {
    const agents = [...this.cache.values()].map((c) => c.agent);
    this.cache.clear();
    await Promise.all(agents.map((a) => a.destroy().catch(() => {})));
  }
}
