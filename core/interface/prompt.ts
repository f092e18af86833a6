import type { ChatTurn } from './fields/chat.ts';
import type { InterfaceDefinition } from './interface.ts';

/**
 * The field holding the prompt a question's candidates answer: the question's `prompt`, else the
 * item's first chat or text field (other than the question's own field). Undefined when the
 * interface has none.
 */
export function promptFieldOf(
  iface: Pick<InterfaceDefinition, 'fields'>,
  question: { field?: string | undefined; prompt?: string | undefined },
): string | undefined {
  if (question.prompt !== undefined) return question.prompt;
  return iface.fields.find((f) => (f.type === 'chat' || f.type === 'text') && f.name !== question.field)
    ?.name;
}

/**
 * An item's prompt as messages: a chat field's turns as they are, a text field as one user turn,
 * nothing when there is no prompt field.
 */
export function promptMessages(
  iface: Pick<InterfaceDefinition, 'fields'>,
  question: { field?: string | undefined; prompt?: string | undefined },
  data: Record<string, unknown>,
): ChatTurn[] {
  const name = promptFieldOf(iface, question);
  if (name === undefined || !Object.hasOwn(data, name)) return [];
  const value = data[name];
  if (Array.isArray(value)) return value as ChatTurn[];
  return typeof value === 'string' ? [{ role: 'user', content: value }] : [];
}
