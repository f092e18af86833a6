import { z } from 'zod';
import { describeValue, isPlainObject } from '../field-error.ts';
import { DisplayLabel, Identifier } from '../names.ts';
import type { FieldKind } from './kind.ts';

export const CHAT_ROLES = ['system', 'user', 'assistant'] as const;
export type ChatRole = (typeof CHAT_ROLES)[number];
export interface ChatTurn {
  role: ChatRole;
  content: string;
}

/** Limits of one conversation (docs/data-model.md, "Limits"). */
export const CHAT_LIMITS = { turns: 2000, characters: 1_000_000 } as const;

/**
 * A conversation, `[{role, content}]`, shown as one; each turn's content is Markdown with LaTeX
 * and code, rendered sanitised like a Markdown text field.
 */
export const ChatField = z
  .strictObject({
    name: Identifier,
    type: z.literal('chat'),
    label: DisplayLabel.optional(),
  })
  .meta({ id: 'ChatField' });
export type ChatField = z.output<typeof ChatField>;

export const chatField: FieldKind<typeof ChatField> = {
  type: 'chat',
  config: ChatField,
  checkValue: checkConversation,
};

/** What is wrong with a conversation, naming the turn (counted from 1), or undefined. */
export function checkConversation(value: unknown): string | undefined {
  if (!Array.isArray(value)) return `must be a list of turns {role, content}, got ${describeValue(value)}`;
  if (value.length === 0) return 'must have at least one turn';
  if (value.length > CHAT_LIMITS.turns)
    return `has ${value.length} turns, above the limit of ${CHAT_LIMITS.turns}`;
  let characters = 0;
  for (let i = 0; i < value.length; i++) {
    const turn: unknown = value[i];
    const at = `turn ${i + 1}`;
    if (!isPlainObject(turn)) return `${at}: must be an object {role, content}, got ${describeValue(turn)}`;
    const extra = Object.keys(turn).find((k) => k !== 'role' && k !== 'content');
    if (extra !== undefined) return `${at}: unknown property "${extra}"; a turn has role and content`;
    if (!(CHAT_ROLES as readonly unknown[]).includes(turn.role))
      return `${at}: unknown role ${describeValue(turn.role)}; expected system, user or assistant`;
    if (typeof turn.content !== 'string')
      return `${at}: content must be a string, got ${describeValue(turn.content)}`;
    characters += turn.content.length;
  }
  if (characters > CHAT_LIMITS.characters)
    return `has ${characters} characters of content, above the limit of ${CHAT_LIMITS.characters}`;
  return undefined;
}
