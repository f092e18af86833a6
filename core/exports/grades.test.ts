import { describe, expect, it } from 'vitest';
import { gradesTransformer } from './grades.ts';
import { annotation, item, linesOf, tutorInterface } from './testing.ts';

describe('grades', () => {
  const t = gradesTransformer(tutorInterface);

  it('writes a line per graded candidate with the score and comment of each criterion', () => {
    const answers = {
      grade: {
        grades: [
          {
            candidate: 'w',
            scores: { correct: { score: 4 }, clear: { score: true, comment: 'neat' } },
            total: 1,
          },
          { candidate: 'x', scores: { correct: { score: 0 }, clear: { score: false } }, total: 0 },
        ],
      },
    };
    const lines = linesOf(t, item([annotation(answers)]));
    expect(lines).toEqual([
      {
        item_id: 17,
        external_id: 'ext-17',
        annotator: 'ada@example.org',
        question: 'grade',
        kind: 'rubric',
        candidate_id: 'w',
        total: 1,
        scores: { correct: { score: 4 }, clear: { score: true, comment: 'neat' } },
      },
      expect.objectContaining({ candidate_id: 'x', total: 0 }),
    ]);
  });

  it('writes the verdict of each step with the step as shown, the correction and the first error', () => {
    const answers = {
      proof: {
        candidate: 'a',
        steps: [{ verdict: 'correct' }, { verdict: 'incorrect', correction: 'It is 2048.' }],
        firstError: 1,
      },
    };
    const [line] = linesOf(t, item([annotation(answers)]));
    expect(line).toEqual({
      item_id: 17,
      external_id: 'ext-17',
      annotator: 'ada@example.org',
      question: 'proof',
      kind: 'steps',
      candidate_id: 'a',
      first_error: 1,
      steps: [
        { index: 0, text: 'First, $2^{10} = 1024$.', verdict: 'correct' },
        { index: 1, text: 'So twice that is 2048.', verdict: 'incorrect', correction: 'It is 2048.' },
      ],
    });
  });

  it('leaves out drafts and other kinds', () => {
    const draft = annotation(
      { grade: { grades: [{ candidate: 'w', scores: {}, total: 1 }] } },
      { status: 'draft', submittedAt: null },
    );
    expect(linesOf(t, item([draft, annotation({ compare: { preferred: 'a', strength: 1 } })]))).toEqual([]);
  });
});
