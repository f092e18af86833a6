import { expect } from 'vitest';
import { generationInterface, promptLine } from '../generation/fixtures.ts';
import { type ConnectionFields, insertConnection } from '../models/connections.repository.ts';
import { seal } from '../models/seal.ts';
import type { Verity } from '../server.ts';
import { addMembers, postItems, seedUser } from './factories.ts';
import type { Harness, TestUser } from './harness.ts';

/**
 * The generation tests' world (docs/generation.md): projects of prompt-only items, model
 * connections to the loopback OpenAI-compatible server, and reading a job and its items back
 * from the store.
 */

let serial = 0;

/** A connection to `baseURL`, its key sealed under the server's secret; loopback allowed. */
export async function addConnection(
  verity: Verity,
  createdBy: number,
  over: Partial<ConnectionFields> & { baseUrl: string; apiKey?: string | null },
): Promise<{ id: number; name: string }> {
  serial += 1;
  const { apiKey = null, ...rest } = over;
  const row = await insertConnection(verity.store.db, {
    name: `gen-${serial}`,
    model: 'gen-model',
    apiKeySealed: apiKey === null ? null : seal(verity.ctx.secret, apiKey),
    params: {},
    concurrency: 4,
    requestsPerMinute: null,
    timeoutMs: 10_000,
    allowPrivateNetwork: true,
    createdBy,
    ...rest,
  });
  return { id: row.id, name: row.name };
}

/** A project of the generation interface with `n` prompt-only items (and an annotator). */
export async function promptProject(
  h: Pick<Harness, 'call' | 'verity'>,
  manager: TestUser,
  n: number,
  name = `Prompts ${++serial}`,
): Promise<{ projectId: number; annotator: TestUser }> {
  const res = await h.call(manager, 'POST', '/api/projects', { name, interface: generationInterface });
  if (res.status !== 201) throw new Error(`create project: ${res.status} ${JSON.stringify(res.body)}`);
  const projectId = res.body.id as number;
  const annotator = await seedUser(h.verity, 'annotator');
  await addMembers(h, manager, projectId, [annotator]);
  if (n > 0)
    await postItems(
      h.verity,
      manager,
      projectId,
      Array.from({ length: n }, (_, i) => promptLine(i + 1)),
    );
  return { projectId, annotator };
}

export interface JobRow {
  status: string;
  totalSteps: number;
  doneSteps: number;
  failedSteps: number;
}

export const jobRow = (verity: Verity, jobId: number): Promise<JobRow> =>
  verity.store.db
    .selectFrom('jobs')
    .select(['status', 'totalSteps', 'doneSteps', 'failedSteps'])
    .where('id', '=', jobId)
    .executeTakeFirstOrThrow();

/** Waits until the job has ended (succeeded, failed or cancelled); returns its row. */
export async function jobEnd(verity: Verity, jobId: number, timeoutMs = 45_000): Promise<JobRow> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const row = await jobRow(verity, jobId);
    if (row.status !== 'queued' && row.status !== 'running') return row;
    if (Date.now() > until) throw new Error(`job ${jobId} still ${row.status}: ${JSON.stringify(row)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const jobSteps = (verity: Verity, jobId: number) =>
  verity.store.db
    .selectFrom('jobSteps')
    .select(['key', 'status', 'attempts', 'error', 'result'])
    .where('jobId', '=', jobId)
    .orderBy('id')
    .execute();

export interface StoredItem {
  id: number;
  externalId: string | null;
  data: Record<string, any>;
  meta: Record<string, any>;
  awaiting: number;
  slotsLeft: number;
}

export async function itemsOf(verity: Verity, projectId: number): Promise<StoredItem[]> {
  const rows = await verity.store.db
    .selectFrom('items')
    .select(['id', 'externalId', 'data', 'meta', 'awaiting', 'slotsLeft'])
    .where('projectId', '=', projectId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), data: JSON.parse(r.data), meta: JSON.parse(r.meta) }));
}

/** Every item holds exactly slots 1…K of the connection, once each, and is open. */
export function expectFilled(items: StoredItem[], connection: string, k: number, overlap = 1): void {
  const want = Array.from({ length: k }, (_, i) => `${connection}-${i + 1}`);
  for (const item of items) {
    const ids = (item.data.pair as { id: string }[]).map((c) => c.id);
    expect(ids, `item ${item.id}`).toEqual(want);
    expect(item.awaiting, `item ${item.id}`).toBe(0);
    expect(item.slotsLeft, `item ${item.id}`).toBe(overlap);
  }
}
