import { describe, expect, it } from 'vitest';
import { migrateInterface } from '../interface/index.ts';
import { preferenceTransformer } from './preference.ts';
import { DEFAULT_TRANSFORM_OPTIONS } from './record.ts';
import { annotation, item, linesOf, tutorData, tutorInterface } from './testing.ts';

const all = DEFAULT_TRANSFORM_OPTIONS;
const adjacent = { ...all, pairs: 'adjacent' as const };
const content = (id: string) =>
  [
    ...(tutorData.pair as { id: string; content: string }[]),
    ...(tutorData.four as { id: string; content: string }[]),
  ].find((c) => c.id === id)!.content;
const CHAT_TEXT =
  'System: Be brief.\n\nUser: What is $2^{10}$?\n\nAssistant: It is 1024.\n\nUser: And $2^{11}$?';
const CHAT = tutorData.conversation;

describe('preference', () => {
  const t = preferenceTransformer('preference', tutorInterface, all);

  it('writes one pair per pairwise answer that prefers one, the strength as margin, ids that map back', () => {
    const lines = linesOf(t, item([annotation({ compare: { preferred: 'b', strength: 2 } })]));
    expect(lines).toEqual([
      {
        prompt: CHAT_TEXT,
        chosen: content('b'),
        rejected: content('a'),
        margin: 2,
        item_id: 17,
        chosen_id: 'b',
        rejected_id: 'a',
        annotator: 'ada@example.org',
      },
    ]);
  });

  it('makes no pair of a tie, of a draft, or of an unanswered question', () => {
    const lines = linesOf(
      t,
      item([
        annotation({ compare: { preferred: null, strength: 0 } }),
        annotation({ compare: { preferred: 'a', strength: 3 } }, { status: 'draft', submittedAt: null }),
        annotation({ note: 'hi' }),
      ]),
    );
    expect(lines).toEqual([]);
  });

  it('takes every ordered pair of a ranking across tiers, or neighbouring tiers only, ties never', () => {
    const order = { order: [['y'], ['w', 'x'], ['z']] };
    const pairsOf = (lines: Record<string, unknown>[]) =>
      lines.map((l) => `${l.chosen_id}>${l.rejected_id}:${l.margin}`);
    const every = linesOf(t, item([annotation({ order })]));
    expect(pairsOf(every)).toEqual(['y>w:1', 'y>x:1', 'y>z:2', 'w>z:1', 'x>z:1']);
    for (const l of every) {
      expect(l.prompt).toBe(CHAT_TEXT);
      expect(l.chosen).toBe(content(l.chosen_id as string));
      expect(l.rejected).toBe(content(l.rejected_id as string));
    }
    const next = linesOf(
      preferenceTransformer('preference', tutorInterface, adjacent),
      item([annotation({ order })]),
    );
    expect(pairsOf(next)).toEqual(['y>w:1', 'y>x:1', 'w>z:1', 'x>z:1']);
  });

  it('uses a text prompt as it is', () => {
    const iface = migrateInterface({
      fields: [
        { name: 'question', type: 'text' },
        { name: 'pair', type: 'responses' },
      ],
      questions: [{ name: 'compare', type: 'pairwise', field: 'pair' }],
    });
    const data = { question: 'Why?', pair: tutorData.pair };
    const [line] = linesOf(
      preferenceTransformer('preference', iface, all),
      item([annotation({ compare: { preferred: 'a', strength: 1 } })], data),
    );
    expect(line!.prompt).toBe('Why?');
  });

  it("writes no pair when the prompt's conversation cannot be a prompt (it ends with the assistant)", () => {
    const data = { ...tutorData, conversation: (tutorData.conversation as unknown[]).slice(0, 3) };
    expect(linesOf(t, item([annotation({ compare: { preferred: 'a', strength: 1 } })], data))).toEqual([]);
  });
});

describe('preference-chat', () => {
  it('keeps the prompt as messages and writes chosen and rejected as assistant turns', () => {
    const t = preferenceTransformer('preference-chat', tutorInterface, all);
    const [line] = linesOf(t, item([annotation({ compare: { preferred: 'a', strength: 3 } })]));
    expect(line).toEqual({
      prompt: CHAT,
      chosen: [{ role: 'assistant', content: content('a') }],
      rejected: [{ role: 'assistant', content: content('b') }],
      margin: 3,
      item_id: 17,
      chosen_id: 'a',
      rejected_id: 'b',
      annotator: 'ada@example.org',
    });
  });
});

describe('openai-preference', () => {
  it("writes exactly OpenAI's DPO shape, nothing more", () => {
    const t = preferenceTransformer('openai-preference', tutorInterface, all);
    const lines = linesOf(
      t,
      item([
        annotation({ compare: { preferred: 'a', strength: 3 }, order: { order: [['z'], ['w', 'x', 'y']] } }),
      ]),
    );
    expect(lines).toHaveLength(4);
    expect(lines[0]).toEqual({
      input: { messages: CHAT },
      preferred_output: [{ role: 'assistant', content: content('a') }],
      non_preferred_output: [{ role: 'assistant', content: content('b') }],
    });
    for (const l of lines) {
      expect(Object.keys(l)).toEqual(['input', 'preferred_output', 'non_preferred_output']);
      expect(Object.keys(l.input as object)).toEqual(['messages']);
    }
    expect(lines.slice(1).map((l) => (l.preferred_output as { content: string }[])[0]!.content)).toEqual([
      'four',
      'four',
      'four',
    ]);
  });
});
