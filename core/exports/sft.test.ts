import { describe, expect, it } from 'vitest';
import { migrateInterface } from '../interface/index.ts';
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

describe('sft of live conversations', () => {
  const iface = migrateInterface({
    fields: [{ name: 'conversation', type: 'chat' }],
    questions: [
      { name: 'talk', type: 'live', field: 'conversation', rating: { min: 1, max: 5 }, rewrite: true },
    ],
  });
  const live = sftTransformer(iface);
  const opening = [{ role: 'system', content: 'You tutor.' }];
  const data = { conversation: opening };
  const reply = (content: string) => ({ role: 'assistant', content, model: 'm', latencyMs: 5 });
  const messages = [
    ...opening,
    { role: 'user', content: 'Hi' },
    reply('Hello.'),
    { role: 'user', content: 'What is 2+2?' },
    reply('5'),
    { role: 'user', content: 'Sure?' },
    reply('Yes.'),
  ];

  it('writes the conversation with each rewritten reply in place of the model’s', () => {
    const answer = {
      talk: {
        messages,
        turns: [
          { turn: 2, rating: 4 },
          { turn: 4, rating: 1, rewrite: 'It is 4.' },
          { turn: 6, rating: 3 },
        ],
      },
    };
    const lines = linesOf(live, item([annotation(answer)], data));
    expect(lines).toEqual([
      {
        messages: [
          { role: 'system', content: 'You tutor.' },
          { role: 'user', content: 'Hi' },
          { role: 'assistant', content: 'Hello.' },
          { role: 'user', content: 'What is 2+2?' },
          { role: 'assistant', content: 'It is 4.' },
          { role: 'user', content: 'Sure?' },
          { role: 'assistant', content: 'Yes.' },
        ],
      },
    ]);
    expectAlternating(lines[0]!.messages as { role: string }[]);
  });

  it('ends before the first badly rated reply the tutor did not rewrite; none kept, no example', () => {
    const cut = {
      talk: {
        messages,
        turns: [
          { turn: 2, rating: 5 },
          { turn: 4, rating: 2 },
          { turn: 6, rating: 5 },
        ],
      },
    };
    expect(linesOf(live, item([annotation(cut)], data)).map((l) => (l.messages as object[]).length)).toEqual([
      3,
    ]);
    const none = { talk: { messages, turns: [{ turn: 2, rating: 1 }] } };
    expect(linesOf(live, item([annotation(none)], data))).toEqual([]);
    const draft = { talk: { messages, turns: [{ turn: 2, rating: 5 }] } };
    expect(linesOf(live, item([annotation(draft, { status: 'draft' })], data))).toEqual([]);
  });
});
