/**
 * The conversation of a `live` question (docs/live.md), without zod: the web app, the server's
 * live route and the exports share it. The answer's `messages` are the whole conversation: the
 * item's opening turns (its `prefix`: the question's system prompt unless the chat has one, then
 * the chat field's turns, exactly), then the tutor's messages and the model's replies alternating.
 */

import type { ChatRole, ChatTurn } from '../fields/chat.ts';

/** One message of a live conversation; the model's replies carry what the call reported. */
export interface LiveMessage {
  role: ChatRole;
  content: string;
  /** Set on the model's replies only: the model the endpoint says answered. */
  model?: string;
  latencyMs?: number;
  promptTokens?: number;
  completionTokens?: number;
}

/** What a live answer marks on one model reply: the same marks as a `turns` answer. */
export interface LiveMark {
  turn: number;
  rating?: number;
  flags?: string[];
  rewrite?: string;
}

export interface LiveAnswer {
  messages: LiveMessage[];
  turns: LiveMark[];
}

/** The limits of one live conversation beyond its item's own turns (docs/live.md, "Limits"). */
export const LIVE_LIMITS = {
  /** The most tutor messages a question may allow (its `maxTurns`). */
  turns: 50,
  /** The longest tutor message a question may allow (its `maxLength`). */
  messageLength: 20_000,
  /** The longest reply of the model kept in an answer. */
  replyLength: 100_000,
  /** Characters of the tutor's messages and the model's replies together. */
  characters: 500_000,
  /** The model name kept with a reply. */
  modelName: 200,
} as const;

/** The settings of a live question the conversation depends on. */
export interface LiveSettings {
  field?: string | undefined;
  system?: string | undefined;
}

/** The turns an item's live conversation opens with: the system prompt, then the chat field's turns. */
export function livePrefix(q: LiveSettings, data: Record<string, unknown>): ChatTurn[] {
  const value = q.field !== undefined && Object.hasOwn(data, q.field) ? data[q.field] : undefined;
  const chat = Array.isArray(value)
    ? (value as ChatTurn[]).map((t) => ({ role: t.role, content: t.content }))
    : [];
  if (q.system !== undefined && q.system.trim() !== '' && chat[0]?.role !== 'system')
    return [{ role: 'system', content: q.system }, ...chat];
  return chat;
}

/** The role the next message after `messages` has: the model answers a user, the tutor the rest. */
export const nextRole = (messages: readonly { role: ChatRole }[]): 'user' | 'assistant' =>
  messages[messages.length - 1]?.role === 'user' ? 'assistant' : 'user';

/** The indexes of the model's replies: the assistant messages after the prefix. */
export const modelTurns = (messages: readonly { role: ChatRole }[], prefixLength: number): number[] =>
  messages.flatMap((m, i) => (i >= prefixLength && m.role === 'assistant' ? [i] : []));

/**
 * The messages a model is sent for a conversation: role and content only, each rewritten reply in
 * place of the model's (the conversation goes on from what the tutor made of it).
 */
export function messagesForModel(answer: LiveAnswer): ChatTurn[] {
  const rewrites = new Map(answer.turns.flatMap((t) => (t.rewrite ? [[t.turn, t.rewrite] as const] : [])));
  return answer.messages.map((m, i) => ({ role: m.role, content: rewrites.get(i) ?? m.content }));
}
