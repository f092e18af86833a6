import { z } from 'zod';
import { awaitsCandidates, migrateInterface } from '../../core/interface/index.ts';
import type { AppContext } from '../context.ts';
import { coalescedReader } from '../db/coalesce.ts';
import type { Tx } from '../db/transaction.ts';
import { type JobKind, type JobRecord, type StepDone, StepFailure } from '../jobs/kind.ts';
import type { ModelHandle } from '../models/model-call.ts';
import { modelStepFailure } from '../models/step-failure.ts';
import {
  generatedItemOf,
  insertGeneratedItem,
  type LockedItem,
  lockItem,
  lockItems,
  openItems,
  planSteps,
  projectInterfaceText,
  readItemsData,
  saveItemsData,
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
    const data = await itemDataOf(ctx, itemId);
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
      handle = await handleOf(ctx, p.connectionId);
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
    await commitSlots(tx, ctx, job, [{ step, result }]);
  },
  commitMany: commitSlots,
  // The candidate's text is in the item; the step keeps what the call cost.
  record: (result) => ('content' in result ? { ...result, content: undefined } : result),
  async laneLimit(ctx, lane) {
    const id = Number(lane.slice('model:'.length));
    try {
      return (await ctx.models.open(id)).connection.concurrency;
    } catch {
      return 1;
    }
  },
};

/**
 * Writes finished slots (one step's, or a batch's: the job system hands them in step order, so
 * in item order, and locks are taken in that order). In mode `same` the batch's items are
 * locked in one statement and each is written once, with all its slots of the batch.
 */
async function commitSlots(
  tx: Tx,
  ctx: AppContext,
  job: JobRecord<GenerateJobParams>,
  done: readonly StepDone<GenerateStepResult>[],
): Promise<void> {
  const slots = new Map<number, { slot: number; result: GeneratedSlot }[]>();
  for (const { step, result } of done) {
    if ('skipped' in result) continue;
    const { itemId, slot } = parseStepKey(step.key);
    slots.set(itemId, [...(slots.get(itemId) ?? []), { slot, result }]);
  }
  const ids = [...slots.keys()].sort((a, b) => a - b);
  if (job.params.mode === 'new') {
    for (const id of ids)
      for (const s of slots.get(id)!) await writeNewItemSlot(tx, ctx, job, id, s.slot, s.result);
    return;
  }
  const locked = await lockItems(tx, ctx.store.kind, ids);
  await writeItems(
    tx,
    ctx,
    job,
    locked.map((item) => ({ item, slots: slots.get(item.id)! })),
  );
}

/** Writes slots' candidates into a locked item (each once), and opens it when every slot is there. */
async function writeSlots(
  tx: Tx,
  ctx: AppContext,
  job: JobRecord<GenerateJobParams>,
  item: LockedItem | undefined,
  slots: readonly { slot: number; result: GeneratedSlot }[],
): Promise<void> {
  await writeItems(tx, ctx, job, item ? [{ item, slots }] : []);
}

/**
 * Writes slots' candidates into locked items (each slot once): the changed items' data in one
 * go, then the items whose slots are all there opened in one go.
 */
async function writeItems(
  tx: Tx,
  ctx: AppContext,
  job: JobRecord<GenerateJobParams>,
  batch: readonly { item: LockedItem; slots: readonly { slot: number; result: GeneratedSlot }[] }[],
): Promise<void> {
  const p = job.params;
  const writes: { item: LockedItem; data: Record<string, unknown> }[] = [];
  for (const { item, slots } of batch) {
    let data = item.data;
    for (const { slot, result } of slots)
      data = withSlot(data, p.field, { connectionName: p.connectionName, slot, job: job.id, result }) ?? data;
    if (data !== item.data) writes.push({ item, data });
  }
  await saveItemsData(tx, ctx.store.kind, writes);
  const open: LockedItem[] = [];
  for (const w of writes) if (await complete(tx, job, w.item, w.data)) open.push(w.item);
  await openItems(tx, open);
}

/** Whether a written item may open: it awaited, all K slots are there, and no field awaits still. */
async function complete(
  tx: Tx,
  job: JobRecord<GenerateJobParams>,
  item: LockedItem,
  data: Record<string, unknown>,
): Promise<boolean> {
  const p = job.params;
  if (!item.awaiting || !slotsComplete(data, p.field, p.connectionName, p.candidates)) return false;
  const fields = await responsesFieldsOf(tx, item.projectId, item.interfaceVersion);
  return !fields.some((f) => awaitsCandidates(Object.hasOwn(data, f) ? data[f] : undefined));
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
    await writeSlots(tx, ctx, job, await lockItem(tx, kind, made), [{ slot, result }]);
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
  if (created && (await complete(tx, job, created, data))) await openItems(tx, [created]);
}

/** An item's data for a step's prompt: the steps a runner starts together are read in one query. */
const readers = new WeakMap<AppContext, (itemId: number) => Promise<Record<string, unknown> | undefined>>();
function itemDataOf(ctx: AppContext, itemId: number): Promise<Record<string, unknown> | undefined> {
  let read = readers.get(ctx);
  if (!read) {
    read = coalescedReader((ids: readonly number[]) => readItemsData(ctx.store.db, ids));
    readers.set(ctx, read);
  }
  return read(itemId);
}

/**
 * A connection's handle, asked of ctx.models at most once a second per connection (each `open`
 * reads the connection's row to see whether it changed; a job's steps need not each ask).
 */
const handles = new WeakMap<AppContext, Map<number, { at: number; handle: Promise<ModelHandle> }>>();
const HANDLE_TTL_MS = 1000;
function handleOf(ctx: AppContext, connectionId: number): Promise<ModelHandle> {
  let byId = handles.get(ctx);
  if (!byId) {
    byId = new Map();
    handles.set(ctx, byId);
  }
  const kept = byId.get(connectionId);
  if (kept && Date.now() - kept.at < HANDLE_TTL_MS) return kept.handle;
  const handle = ctx.models.open(connectionId);
  byId.set(connectionId, { at: Date.now(), handle });
  handle.catch(() => byId.delete(connectionId));
  return handle;
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
