import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Message, normalisePrompt, promptText } from './conversation.ts';

const m = (role: Message['role'], content: string): Message => ({ role, content });

describe('normalisePrompt', () => {
  it('keeps a conversation that already alternates and ends with the user', () => {
    const turns = [m('system', 's'), m('user', 'u1'), m('assistant', 'a1'), m('user', 'u2')];
    expect(normalisePrompt(turns)).toEqual(turns);
  });

  it('merges consecutive turns of one role with a blank line', () => {
    expect(normalisePrompt([m('system', 's1'), m('system', 's2'), m('user', 'u1'), m('user', 'u2')])).toEqual(
      [m('system', 's1\n\ns2'), m('user', 'u1\n\nu2')],
    );
    expect(
      normalisePrompt([m('user', 'u'), m('assistant', 'a1'), m('assistant', 'a2'), m('user', 'v')]),
    ).toEqual([m('user', 'u'), m('assistant', 'a1\n\na2'), m('user', 'v')]);
  });

  it('refuses what cannot be a prompt: no user turn, a late system turn, an assistant first or last', () => {
    expect(normalisePrompt([])).toBeUndefined();
    expect(normalisePrompt([m('system', 's')])).toBeUndefined();
    expect(normalisePrompt([m('user', 'u'), m('system', 's'), m('user', 'v')])).toBeUndefined();
    expect(normalisePrompt([m('assistant', 'a'), m('user', 'u')])).toBeUndefined();
    expect(normalisePrompt([m('system', 's'), m('assistant', 'a'), m('user', 'u')])).toBeUndefined();
    expect(normalisePrompt([m('user', 'u'), m('assistant', 'a')])).toBeUndefined();
  });

  it('gives only prompts whose roles alternate after an optional system message, ending with the user', () => {
    const turn = fc.record({
      role: fc.constantFrom<Message['role']>('system', 'user', 'assistant'),
      content: fc.string({ maxLength: 5 }),
    });
    fc.assert(
      fc.property(fc.array(turn, { maxLength: 12 }), (turns) => {
        const out = normalisePrompt(turns);
        if (out === undefined) return;
        const body = out[0]!.role === 'system' ? out.slice(1) : out;
        body.forEach((t, i) => {
          expect(t.role).toBe(i % 2 === 0 ? 'user' : 'assistant');
        });
        expect(body[body.length - 1]!.role).toBe('user');
        // Nothing is lost: every turn's content is in the messages, in order.
        expect(out.map((t) => t.content).join('\n\n')).toBe(turns.map((t) => t.content).join('\n\n'));
      }),
    );
  });
});

describe('promptText', () => {
  it('is a lone user turn as it is, and a longer conversation with each role named', () => {
    expect(promptText([m('user', 'Prove it.')])).toBe('Prove it.');
    expect(
      promptText([m('system', 'Be brief.'), m('user', 'Hi'), m('assistant', 'Hello'), m('user', '2+2?')]),
    ).toBe('System: Be brief.\n\nUser: Hi\n\nAssistant: Hello\n\nUser: 2+2?');
  });
});
