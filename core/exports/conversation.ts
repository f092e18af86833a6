/**
 * Conversations as training code reads them: an optional system message first, then user and
 * assistant alternating. Items hold whatever conversation was imported, so exports normalise it
 * (docs/exports.md, "Conversations"):
 *
 * - consecutive turns of one role are merged into one message, their contents joined by a blank
 *   line (a user who wrote twice in a row wrote one longer message);
 * - leading system turns merge into one system message; a system turn after the conversation has
 *   started cannot be placed, and the example is left out;
 * - a prompt must hold a user turn and end with one (the answer that follows is the assistant's),
 *   else the example is left out.
 */

import type { ChatRole, ChatTurn } from '../interface/index.ts';

type Role = ChatRole;
export type Message = ChatTurn;

const SEPARATOR = '\n\n';

/**
 * The prompt's turns normalised as above, or undefined when they cannot make a prompt (no user
 * turn, a system turn after the start, an assistant turn first, or an assistant turn last).
 */
export function normalisePrompt(turns: readonly Message[]): Message[] | undefined {
  const out: Message[] = [];
  for (const turn of turns) {
    const last = out[out.length - 1];
    if (last && last.role === turn.role) {
      out[out.length - 1] = { role: turn.role, content: `${last.content}${SEPARATOR}${turn.content}` };
      continue;
    }
    if (turn.role === 'system' && out.length > 0) return undefined;
    if (turn.role === 'assistant' && (out.length === 0 || last?.role === 'system')) return undefined;
    out.push({ role: turn.role, content: turn.content });
  }
  return out[out.length - 1]?.role === 'user' ? out : undefined;
}

const TITLES: Record<Role, string> = { system: 'System', user: 'User', assistant: 'Assistant' };

/**
 * A normalised prompt as one string, for the formats whose prompt is text: a lone user turn is
 * its content as is; a longer conversation is each turn as `User: …` (System, Assistant) joined by
 * blank lines. The conversational formats (preference-chat, openai-preference, sft) keep the
 * messages themselves.
 */
export function promptText(messages: readonly Message[]): string {
  if (messages.length === 1 && messages[0]!.role === 'user') return messages[0]!.content;
  return messages.map((m) => `${TITLES[m.role]}: ${m.content}`).join(SEPARATOR);
}

/** A chat field's turns, or undefined when the value is not a list of `{role, content}` turns. */
export function turnsOf(value: unknown): Message[] | undefined {
  if (!Array.isArray(value)) return undefined;
  for (const turn of value) {
    if (typeof turn !== 'object' || turn === null) return undefined;
    const { role, content } = turn as Record<string, unknown>;
    if (typeof content !== 'string' || (role !== 'system' && role !== 'user' && role !== 'assistant'))
      return undefined;
  }
  return value as Message[];
}
