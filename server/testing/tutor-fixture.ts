/**
 * A tutor's project for the export tests and the bench: a conversation, a pair and four candidate
 * answers, an essay, and one question of each kind an export reads. `tutorLine(n)` is item n as
 * an import line, with the work of two annotators: a submission whose answers vary with n (ties,
 * tied ranks, grades, steps, rewrites, rated turns) and a draft that no training format may take.
 */
import { tutorInterfaceInput } from '../../core/exports/testing.ts';

/** The transformers' tutor interface (core/exports/testing.ts) without its essay rubric, which no line answers. */
export const tutorInterface = {
  ...tutorInterfaceInput,
  questions: tutorInterfaceInput.questions.filter((q) => q.name !== 'essay_grade'),
};

const FOUR = ['w', 'x', 'y', 'z'];

/** The conversation of item n: a system message on every fifth, a second user turn on every seventh. */
export function tutorConversation(n: number) {
  return [
    ...(n % 5 === 0 ? [{ role: 'system', content: 'Answer as a maths tutor.' }] : []),
    { role: 'user', content: `What is ${n} squared?` },
    { role: 'assistant', content: `Let me think about ${n}.` },
    { role: 'user', content: 'Go on, "show" your work.' },
    ...(n % 7 === 0 ? [{ role: 'user', content: 'Please.' }] : []),
  ];
}

/** Item n's ranking of `four`: tiers cut by n's bits, so ties come and go. */
export function tutorOrder(n: number): string[][] {
  const tiers: string[][] = [];
  FOUR.forEach((id, i) => {
    if (i === 0 || (n >> i) & 1) tiers.push([id]);
    else tiers[tiers.length - 1]!.push(id);
  });
  return tiers.reverse();
}

export function tutorLine(n: number) {
  const preferred = n % 3 === 0 ? null : n % 2 === 0 ? 'a' : 'b';
  const submitted = {
    compare: { preferred, strength: preferred === null ? 0 : 1 + (n % 3) },
    order: { order: tutorOrder(n) },
    grade: {
      grades: FOUR.map((candidate, i) => ({
        candidate,
        scores: {
          correct: { score: (n + i) % 5 },
          clear: { score: (n + i) % 2 === 0, comment: `on ${candidate}` },
        },
        total: 0,
      })),
    },
    proof: {
      candidate: 'a',
      steps: [
        { verdict: 'correct' },
        n % 2 === 0 ? { verdict: 'incorrect', correction: 'No.' } : { verdict: 'correct' },
      ],
      firstError: null,
    },
    ideal: { text: `${n} squared is ${n * n}.`, source: 'a' },
    per_turn: {
      turns: [
        {
          turn: n % 5 === 0 ? 2 : 1,
          rating: 1 + (n % 5),
          ...(n % 4 === 0 ? { rewrite: `Sure: ${n}×${n}.` } : {}),
        },
      ],
    },
    note: n % 11 === 0 ? `=SUM(A${n}) "quoted", and more` : `note ${n}`,
  };
  return {
    id: `t-${n}`,
    data: {
      conversation: tutorConversation(n),
      pair: [
        { id: 'a', content: `${n}² = ${n * n}.\n\nSo the answer is ${n * n}.` },
        { id: 'b', content: `About ${n * n + 1}, "roughly".` },
      ],
      four: FOUR.map((id, i) => ({ id, content: `candidate ${id} for ${n}: ${n * (i + 1)}` })),
      essay: `Essay ${n}.`,
    },
    annotations: [
      { annotator: 'Tutor One', answers: submitted, status: 'submitted' },
      {
        annotator: 'Tutor Two',
        answers: { compare: { preferred: 'a', strength: 3 }, note: 'draft' },
        status: 'draft',
      },
    ],
  };
}
