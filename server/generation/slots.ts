import type { Candidate, CandidateGeneration } from '../../core/interface/index.ts';
import type { ChatMessage, Completion } from '../models/model-call.ts';

/**
 * The pure part of generation (docs/generation.md): a step's key, a slot's candidate id, the
 * messages sent for an item's prompt, and how a slot's candidate goes into an item's data.
 */

/** `item:<id>:slot:<n>`, the key of the step that generates slot n (1…K) of an item. */
export const stepKey = (itemId: number, slot: number): string => `item:${itemId}:slot:${slot}`;

export function parseStepKey(key: string): { itemId: number; slot: number } {
  const m = /^item:(\d+):slot:(\d+)$/.exec(key);
  if (!m) throw new Error(`not a generation step key: ${key}`);
  return { itemId: Number(m[1]), slot: Number(m[2]) };
}

/** A candidate id stays under the field's limit of 100 characters whatever the connection's name. */
const NAME_PART = 90;

/**
 * The stable id of slot n's candidate: `<connection name>-<n>`. The same slot always gets the same
 * id, so a slot written once is seen as written by every later attempt (and by a later job with
 * the same connection, which fills only the slots still missing).
 */
export const slotCandidateId = (connectionName: string, slot: number): string =>
  `${connectionName.slice(0, NAME_PART)}-${slot}`;

/**
 * The messages for an item: the system prompt if any, then the prompt field's value, a chat's
 * turns as they are or a text as one user message. Empty when the item has no usable prompt.
 */
export function promptOf(
  data: Record<string, unknown>,
  promptField: string,
  system: string | undefined,
): ChatMessage[] {
  const value = Object.hasOwn(data, promptField) ? data[promptField] : undefined;
  let turns: ChatMessage[] = [];
  if (typeof value === 'string') turns = value.trim() === '' ? [] : [{ role: 'user', content: value }];
  else if (Array.isArray(value))
    turns = value
      .filter((t): t is ChatMessage => t !== null && typeof t === 'object' && typeof t.content === 'string')
      .map((t) => ({ role: t.role, content: t.content }));
  if (turns.length === 0) return [];
  return system ? [{ role: 'system', content: system }, ...turns] : turns;
}

/** What a step's model call produced: everything its candidate records. */
export interface GeneratedSlot {
  content: string;
  model: string;
  params: Record<string, unknown>;
  promptTokens: number | null;
  completionTokens: number | null;
  latencyMs: number;
}

export const generatedSlot = (c: Completion): GeneratedSlot => ({
  content: c.content,
  model: c.model,
  params: c.params,
  promptTokens: c.promptTokens,
  completionTokens: c.completionTokens,
  latencyMs: Math.max(0, Math.round(c.latencyMs)),
});

/** Where a slot stands in an item's field. */
export type SlotState =
  /** Its candidate is there already: nothing to do. */
  | 'written'
  /** The field holds candidates generation did not write (imported): left alone. */
  | 'taken'
  | 'open';

export function slotState(data: Record<string, unknown>, field: string, id: string): SlotState {
  const list = Object.hasOwn(data, field) ? data[field] : undefined;
  if (!Array.isArray(list) || list.length === 0) return 'open';
  const candidates = list as Candidate[];
  if (candidates.some((c) => c?.id === id)) return 'written';
  return candidates.some((c) => c?.generation === undefined) ? 'taken' : 'open';
}

export interface SlotWrite {
  connectionName: string;
  slot: number;
  job: number;
  result: GeneratedSlot;
}

/**
 * The item's data with slot n's candidate in its field, the candidates ordered by slot; undefined
 * when the slot is written already or the field is taken (exactly once, whoever commits first).
 */
export function withSlot(
  data: Record<string, unknown>,
  field: string,
  w: SlotWrite,
): Record<string, unknown> | undefined {
  const id = slotCandidateId(w.connectionName, w.slot);
  if (slotState(data, field, id) !== 'open') return undefined;
  const generation: CandidateGeneration = {
    connection: w.connectionName,
    model: w.result.model,
    params: w.result.params,
    promptTokens: w.result.promptTokens,
    completionTokens: w.result.completionTokens,
    latencyMs: w.result.latencyMs,
    job: w.job,
  };
  const candidate: Candidate = { id, model: w.result.model, content: w.result.content, generation };
  const list = [
    ...((Object.hasOwn(data, field) && Array.isArray(data[field]) ? data[field] : []) as Candidate[]),
  ];
  const at = list.findIndex((c) => slotOf(c.id, w.connectionName) > w.slot);
  list.splice(at < 0 ? list.length : at, 0, candidate);
  return { ...data, [field]: list };
}

const slotOf = (id: string, connectionName: string): number => {
  const prefix = `${connectionName.slice(0, NAME_PART)}-`;
  return id.startsWith(prefix) ? Number(id.slice(prefix.length)) || 0 : 0;
};

/** Whether every slot 1…K of the connection is written in the field. */
export function slotsComplete(
  data: Record<string, unknown>,
  field: string,
  connectionName: string,
  k: number,
): boolean {
  const list = Object.hasOwn(data, field) && Array.isArray(data[field]) ? (data[field] as Candidate[]) : [];
  const ids = new Set(list.map((c) => c?.id));
  for (let n = 1; n <= k; n++) if (!ids.has(slotCandidateId(connectionName, n))) return false;
  return true;
}
