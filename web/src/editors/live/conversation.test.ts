import { describe, expect, it } from 'vitest';
import {
  awaitingReply,
  conversationOf,
  isEmpty,
  needsReply,
  replies,
  tutorMessages,
  withMessage,
  withoutLast,
  withReply,
} from './conversation.ts';

const data = { chat: [{ role: 'user', content: 'Hi' }] };
const q = { field: 'chat', system: 'Be kind.' };
const turn = { content: 'Hello!', model: 'm-1', latencyMs: 40, promptTokens: 9, completionTokens: null };

describe('the live conversation kernel', () => {
  it("starts from the item's turns, the system prompt first, and keeps a draft that starts with them", () => {
    const start = conversationOf(undefined, q, data);
    expect(start).toEqual({
      answer: {
        messages: [
          { role: 'system', content: 'Be kind.' },
          { role: 'user', content: 'Hi' },
        ],
        turns: [],
      },
      prefix: 2,
    });
    const draft = withReply(start.answer, turn);
    expect(awaitingReply(start.answer, start.prefix)).toBe(false);
    expect(needsReply(start.answer)).toBe(true);
    expect(conversationOf(draft, q, data).answer.messages).toHaveLength(3);
    const stale = { messages: [{ role: 'user' as const, content: 'Other' }], turns: [] };
    expect(conversationOf(stale, q, data).answer.messages).toHaveLength(2);
  });

  it('adds the reply with what the call reported, and counts the tutor and the model', () => {
    const { answer, prefix } = conversationOf(undefined, q, data);
    expect(awaitingReply(answer, prefix)).toBe(false);
    const replied = withReply(answer, turn);
    expect(replied.messages[2]).toEqual({
      role: 'assistant',
      content: 'Hello!',
      model: 'm-1',
      latencyMs: 40,
      promptTokens: 9,
    });
    const asked = withMessage(replied, 'And you?');
    expect(awaitingReply(asked, prefix)).toBe(true);
    expect(tutorMessages(asked, prefix)).toBe(1);
    expect(replies(asked, prefix)).toEqual([2]);
    expect(isEmpty(answer, prefix)).toBe(true);
    expect(isEmpty(asked, prefix)).toBe(false);
  });

  it('takes back an unanswered message into the composer, and nothing else', () => {
    const { answer, prefix } = conversationOf(undefined, { field: 'chat' }, data);
    const replied = withReply(answer, turn);
    expect(withoutLast(replied, prefix)).toEqual({ answer: replied, text: '' });
    const asked = withMessage(replied, 'Why?');
    expect(withoutLast(asked, prefix)).toEqual({ answer: replied, text: 'Why?' });
  });
});
