import { z } from 'zod';
import { awaitsCandidates, migrateInterface } from '../../core/interface/index.ts';
import type { AppContext } from '../context.ts';
import type { Tx } from '../db/transaction.ts';
import { type JobKind, type JobRecord, StepFailure } from '../jobs/kind.ts';
import type { ModelHandle } from '../models/model-call.ts';
import { modelStepFailure } from '../models/step-failure.ts';
import {
  generatedItemOf,
  insertGeneratedItem,
  type LockedItem,
  lockItem,
  openItem,
  planSteps,
  projectInterfaceText,
  readItemData,
  saveItemData,
} from './generation.repository.ts';
import {
  type GeneratedSlot,
  generatedSlot,
  parseStepKey,
  promptOf,
  slotCandidateId,
  slotState,
  slotsComplete,
  withSlot,
} from './slots.ts';

/** A `generate` job's parameters as stored (the service resolves every default before). */
export const GenerateJobParams = z.object({
  connectionId: z.number().int().positive(),
  /** The connection's name when the job was made: its candidates' ids are `<name>-<slot>`. */
  connectionName: z.string().min(1),
  candidates: z.number().int().min(1).max(16),
  field: z.string().min(1),
  promptField: z.string().min(1),
  mode: z.enum(['same', 'new']),
  targetProjectId: z.number().int().positive(),
  params: z.record(z.string(), z.unknown()),
  system: z.string().optional(),
});
export type GenerateJobParams = z.infer<typeof GenerateJobParams>;

/** A step's outcome: the slot's generated answer, or why there was nothing to generate. */
export type GenerateStepResult = GeneratedSlot | { skipped: string };

/**
 * The `generate` job kind (docs/generation.md): one step per (item, candidate slot). A step calls
 * the model outside any transaction; its commit writes the slot's candidate into the item under
 * the item's row lock, once (a slot already written is left as it is), and opens the item when
 * its K-th candidate lands.
 */
export const generateKind: JobKind<GenerateJobParams, GenerateStepResult> = {
  kind: 'generate',
  params: GenerateJobParams,
  async plan(tx, _ctx, job) {
    if (job.projectId === null) throw new Error('a generate job belongs to a project');
    await planSteps(tx, {
      jobId: job.id,
      projectId: job.projectId,
      k: job.params.candidates,
      lane: job.lane,
      awaitingOnly: job.params.mode === 'same',
      now: Date.now(),
    });
  },
  async run(ctx, job, step, signal) {
    const p = job.params;
    const { itemId, slot } = parseStepKey(step.key);
    const data = await readItemData(ctx.store.db, itemId);
    if (!data) return { skipped: `item ${itemId} was deleted` };
    if (p.mode === 'same') {
      const state = slotState(data, p.field, slotCandidateId(p.connectionName, slot));
      if (state === 'written') return { skipped: 'the slot is written already' };
      if (state === 'taken') return { skipped: `"${p.field}" has candidates already` };
    }
    const messages = promptOf(data, p.promptField, p.system);
    if (messages.length === 0)
      throw new StepFailure(`Item ${itemId} has no prompt in "${p.promptField}".`, { retryable: false });
    let handle: ModelHandle;
    try {
      handle = await ctx.models.open(p.connectionId);
    } catch (err) {
      throw new StepFailure(err instanceof Error ? err.message : String(err), { retryable: false });
    }
    try {
      return generatedSlot(await handle.complete({ messages, params: p.params, signal }));
    } catch (err) {
      throw modelStepFailure(err);
    }
  },
  async commit(tx, ctx, job, step, result) {
    if ('skipped' in result) return;
    const { itemId, slot } = parseStepKey(step.key);
    if (job.params.mode === 'same')
      await writeSlot(tx, ctx, job, await lockItem(tx, ctx.store.kind, itemId), slot, result);
    else await writeNewItemSlot(tx, ctx, job, itemId, slot, result);
  },
  async laneLimit(ctx, lane) {
    const id = Number(lane.slice('model:'.length));
    try {
      return (await ctx.models.open(id)).connection.concurrency;
    } catch {
      return 1;
    }
  },
};

/** Writes the slot's candidate into a locked item (once), and opens it when every slot is there. */
async function writeSlot(
  tx: Tx,
  ctx: AppContext,
  job: JobRecord<GenerateJobParams>,
  item: LockedItem | undefined,
  slot: number,
  result: GeneratedSlot,
): Promise<void> {
  if (!item) return; // deleted meanwhile: nothing to fill
  const p = job.params;
  const data = withSlot(item.data, p.field, { connectionName: p.connectionName, slot, job: job.id, result });
  if (!data) return;
  await saveItemData(tx, ctx.store.kind, item, data);
  await openIfComplete(tx, job, item, data);
}

async function openIfComplete(
  tx: Tx,
  job: JobRecord<GenerateJobParams>,
  item: LockedItem,
  data: Record<string, unknown>,
): Promise<void> {
  const p = job.params;
  if (!item.awaiting || !slotsComplete(data, p.field, p.connectionName, p.candidates)) return;
  const fields = await responsesFieldsOf(tx, item.projectId, item.interfaceVersion);
  if (fields.some((f) => awaitsCandidates(Object.hasOwn(data, f) ? data[f] : undefined))) return;
  await openItem(tx, item);
}

/**
 * Mode `new`: the first slot of a source item to commit makes the new item in the target project
 * (with the source item locked, so only one does); later slots fill it.
 */
async function writeNewItemSlot(
  tx: Tx,
  ctx: AppContext,
  job: JobRecord<GenerateJobParams>,
  sourceId: number,
  slot: number,
  result: GeneratedSlot,
): Promise<void> {
  const p = job.params;
  const kind = ctx.store.kind;
  const source = await lockItem(tx, kind, sourceId);
  const made = await generatedItemOf(tx, job.id, sourceId);
  if (made !== undefined) {
    await writeSlot(tx, ctx, job, await lockItem(tx, kind, made), slot, result);
    return;
  }
  if (!source) return; // deleted before any of its slots landed
  const { [p.field]: _, ...copied } = source.data;
  const data = withSlot({ ...copied, [p.field]: [] }, p.field, {
    connectionName: p.connectionName,
    slot,
    job: job.id,
    result,
  })!;
  const id = await insertGeneratedItem(tx, kind, {
    jobId: job.id,
    source,
    targetProjectId: p.targetProjectId,
    data,
    now: Date.now(),
  });
  const created = await lockItem(tx, kind, id);
  if (created) await openIfComplete(tx, job, created, data);
}

/** The names of a project's `responses` fields, kept per interface version. */
const fieldsCache = new Map<string, string[]>();
async function responsesFieldsOf(tx: Tx, projectId: number, version: number): Promise<string[]> {
  const key = `${projectId}:${version}`;
  let fields = fieldsCache.get(key);
  if (!fields) {
    const text = await projectInterfaceText(tx, projectId);
    const iface = text ? migrateInterface(JSON.parse(text)) : { fields: [] };
    fields = iface.fields.filter((f) => f.type === 'responses').map((f) => f.name);
    if (fieldsCache.size > 1000) fieldsCache.clear();
    fieldsCache.set(key, fields);
  }
  return fields;
}
