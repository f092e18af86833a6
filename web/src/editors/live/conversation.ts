// Leaf module without zod (see .dependency-cruiser.cjs): the annotator's bundle carries no schemas.

import type { LiveSettings } from '../../../../core/interface/questions/live-conversation.ts';
import {
  type LiveAnswer,
  type LiveMessage,
  livePrefix,
  modelTurns,
  nextRole,
} from '../../../../core/interface/questions/live-conversation.ts';

/**
 * The live editor's pure core: the conversation as the draft keeps it, and each change the
 * tutor makes to it. The answer always starts with the item's turns (the server refuses
 * anything else), so a draft from before is read through `conversationOf`.
 */

/** The reply as the server's `done` line gives it. */
export interface ReplyTurn {
  content: string;
  model: string;
  latencyMs: number;
  promptTokens: number | null;
  completionTokens: number | null;
}

/** The answer so far, or the item's turns alone when there is none (or it does not start with them). */
export function conversationOf(
  value: LiveAnswer | undefined,
  q: LiveSettings,
  data: Record<string, unknown>,
): { answer: LiveAnswer; prefix: number } {
  const prefix = livePrefix(q, data);
  const fits =
    value !== undefined &&
    Array.isArray(value.messages) &&
    prefix.every((p, i) => value.messages[i]?.role === p.role && value.messages[i]?.content === p.content);
  const answer = fits
    ? { messages: value.messages, turns: Array.isArray(value.turns) ? value.turns : [] }
    : { messages: prefix, turns: [] };
  return { answer, prefix: prefix.length };
}

/** The tutor's message added (it waits for the model's reply). */
export function withMessage(answer: LiveAnswer, text: string): LiveAnswer {
  return { ...answer, messages: [...answer.messages, { role: 'user', content: text }] };
}

/** The model's reply added after the tutor's message. */
export function withReply(answer: LiveAnswer, turn: ReplyTurn): LiveAnswer {
  const reply: LiveMessage = { role: 'assistant', content: turn.content, model: turn.model };
  reply.latencyMs = turn.latencyMs;
  if (turn.promptTokens !== null) reply.promptTokens = turn.promptTokens;
  if (turn.completionTokens !== null) reply.completionTokens = turn.completionTokens;
  return { ...answer, messages: [...answer.messages, reply] };
}

/** Whether the last message is the tutor's, still waiting for a reply (after a failure or a stop). */
export const awaitingReply = (answer: LiveAnswer, prefix: number): boolean =>
  answer.messages.length > prefix && nextRole(answer.messages) === 'assistant';

/** The unanswered last message taken back: the answer without it, and its text for the composer. */
export function withoutLast(answer: LiveAnswer, prefix: number): { answer: LiveAnswer; text: string } {
  if (!awaitingReply(answer, prefix)) return { answer, text: '' };
  const last = answer.messages[answer.messages.length - 1]!;
  return { answer: { ...answer, messages: answer.messages.slice(0, -1) }, text: last.content };
}

/** Whether the model is to speak next: the tutor's message, or the item's own last turn, waits for it. */
export const needsReply = (answer: LiveAnswer): boolean =>
  answer.messages.length > 0 && nextRole(answer.messages) === 'assistant';

/** How many messages the tutor has sent (the question's `maxTurns` bounds it). */
export const tutorMessages = (answer: LiveAnswer, prefix: number): number =>
  answer.messages.slice(prefix).filter((m) => m.role === 'user').length;

/** The model's replies: their indexes in the conversation, from 0. */
export const replies = (answer: LiveAnswer, prefix: number): number[] => modelTurns(answer.messages, prefix);

/** Whether the answer says anything beyond the item's turns: nothing said is no answer. */
export const isEmpty = (answer: LiveAnswer, prefix: number): boolean =>
  answer.messages.length <= prefix && answer.turns.length === 0;
