import { describe, expect, it } from 'vitest';
import { sftTransformer } from './sft.ts';
import { annotation, item, linesOf, tutorData, tutorInterface } from './testing.ts';

const t = sftTransformer(tutorInterface);
const SESSION = [
  { role: 'system', content: 'You tutor.' },
  { role: 'user', content: 'Hi' },
  { role: 'assistant', content: 'Hello!' },
  { role: 'user', content: 'Help' },
  { role: 'user', content: 'please' },
  { role: 'assistant', content: 'Sure.' },
];

/** Roles alternate after an optional system message, and the last is the assistant's. */
function expectAlternating(messages: { role: string }[]) {
  const body = messages[0]!.role === 'system' ? messages.slice(1) : messages;
  body.forEach((m, i) => {
    expect(m.role).toBe(i % 2 === 0 ? 'user' : 'assistant');
  });
  expect(body[body.length - 1]!.role).toBe('assistant');
}

describe('sft', () => {
  it('writes a rewrite as the assistant message after the prompt', () => {
    const lines = linesOf(t, item([annotation({ ideal: { text: 'It is 2048.', source: 'b' } })]));
    expect(lines).toEqual([
      { messages: [...(tutorData.conversation as object[]), { role: 'assistant', content: 'It is 2048.' }] },
    ]);
    expectAlternating(lines[0]!.messages as { role: string }[]);
  });

  it('writes each rewritten turn with the conversation before it, same-role turns merged', () => {
    const data = { ...tutorData, conversation: SESSION };
    const answer = {
      per_turn: {
        turns: [
          { turn: 2, rating: 2, rewrite: 'Hello! What shall we work on?' },
          { turn: 5, rating: 5 },
        ],
      },
    };
    const again = { per_turn: { turns: [{ turn: 5, rating: 1, rewrite: 'Of course: what is it?' }] } };
    const lines = linesOf(t, item([annotation(answer), annotation(again)], data));
    expect(lines.map((l) => l.messages)).toEqual([
      [
        { role: 'system', content: 'You tutor.' },
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello! What shall we work on?' },
      ],
      [
        { role: 'system', content: 'You tutor.' },
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello!' },
        { role: 'user', content: 'Help\n\nplease' },
        { role: 'assistant', content: 'Of course: what is it?' },
      ],
    ]);
    for (const l of lines) expectAlternating(l.messages as { role: string }[]);
  });

  it('leaves out drafts, blank rewrites and conversations that cannot alternate', () => {
    const lateSystem = [
      { role: 'user', content: 'Hi' },
      { role: 'system', content: 'Now be rude.' },
      { role: 'user', content: 'Hello?' },
    ];
    const lines = linesOf(
      t,
      item([
        annotation({ ideal: { text: 'Draft.', source: null } }, { status: 'draft', submittedAt: null }),
        annotation({ ideal: { text: '   ', source: null } }),
      ]),
      item([annotation({ ideal: { text: 'Fine.', source: null } })], {
        ...tutorData,
        conversation: lateSystem,
      }),
    );
    expect(lines).toEqual([]);
  });
});
