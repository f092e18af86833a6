import { describe, expect, it } from 'vitest';
import { migrateInterface } from '../interface/index.ts';
import { ktoTransformer } from './kto.ts';
import { annotation, item, linesOf, tutorData, tutorInterface } from './testing.ts';

const grade = (candidate: string | undefined, total: number) => ({
  ...(candidate === undefined ? {} : { candidate }),
  scores: {},
  total,
});
const PROMPT =
  'System: Be brief.\n\nUser: What is $2^{10}$?\n\nAssistant: It is 1024.\n\nUser: And $2^{11}$?';

describe('kto', () => {
  it('labels each rubric grade by its total against the threshold, naming the candidate', () => {
    const answers = {
      grade: { grades: [grade('w', 0.9), grade('x', 0.5), grade('y', 0.49)] },
      essay_grade: { grades: [grade(undefined, 0)] },
    };
    const lines = linesOf(
      ktoTransformer(tutorInterface, { pairs: 'all', threshold: 0.5 }),
      item([annotation(answers)]),
    );
    expect(lines.map((l) => [l.candidate_id, l.completion, l.label])).toEqual([
      ['w', 'one', true],
      ['x', 'two', true],
      ['y', 'three', false],
      [null, 'An essay.', false],
    ]);
    expect(lines[0]).toEqual({
      prompt: PROMPT,
      completion: 'one',
      label: true,
      item_id: 17,
      candidate_id: 'w',
      turn: null,
      annotator: 'ada@example.org',
    });
    const strict = linesOf(
      ktoTransformer(tutorInterface, { pairs: 'all', threshold: 0.95 }),
      item([annotation(answers)]),
    );
    expect(strict.map((l) => l.label)).toEqual([false, false, false, false]);
  });

  it('labels each rated assistant turn by its rating normalised to 0..1, the conversation before it the prompt', () => {
    const data = {
      ...tutorData,
      conversation: [
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello!' },
        { role: 'user', content: 'Help' },
        { role: 'assistant', content: 'No.' },
      ],
    };
    const answers = {
      per_turn: {
        turns: [
          { turn: 1, rating: 4 },
          { turn: 3, rating: 2 },
        ],
      },
    };
    const lines = linesOf(
      ktoTransformer(tutorInterface, { pairs: 'all', threshold: 0.5 }),
      item([annotation(answers)], data),
    );
    expect(lines.map((l) => [l.prompt, l.completion, l.label, l.turn, l.candidate_id])).toEqual([
      ['Hi', 'Hello!', true, 1, null],
      ['User: Hi\n\nAssistant: Hello!\n\nUser: Help', 'No.', false, 3, null],
    ]);
  });

  it('leaves out drafts', () => {
    const draft = annotation({ grade: { grades: [grade('w', 1)] } }, { status: 'draft', submittedAt: null });
    expect(linesOf(ktoTransformer(tutorInterface, { pairs: 'all', threshold: 0.5 }), item([draft]))).toEqual(
      [],
    );
  });
});

describe('kto of live conversations', () => {
  const iface = migrateInterface({
    fields: [],
    questions: [
      { name: 'talk', type: 'live', system: 'Be brief.', rating: { min: 1, max: 5 }, rewrite: true },
    ],
  });
  const reply = (content: string) => ({ role: 'assistant', content, model: 'm' });
  const messages = [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: 'Hi' },
    reply('Hello.'),
    { role: 'user', content: '2+2?' },
    reply('5'),
  ];

  it('labels each rated reply, its prompt what the model was sent', () => {
    const answer = {
      talk: {
        messages,
        turns: [
          { turn: 2, rating: 1, rewrite: 'Hello! How can I help?' },
          { turn: 4, rating: 4 },
        ],
      },
    };
    const lines = linesOf(
      ktoTransformer(iface, { pairs: 'all', threshold: 0.5 }),
      item([annotation(answer)], {}),
    );
    expect(lines.map((l) => [l.prompt, l.completion, l.label, l.turn])).toEqual([
      ['System: Be brief.\n\nUser: Hi', 'Hello.', false, 2],
      ['System: Be brief.\n\nUser: Hi\n\nAssistant: Hello! How can I help?\n\nUser: 2+2?', '5', true, 4],
    ]);
  });
});
