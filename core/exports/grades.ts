import { type RubricGrade, type StepsAnswer, stepsOf as stepTexts } from '../interface/index.ts';
import { rubricOf, stepsOf } from './answer-shapes.ts';
import {
  type ExportInterface,
  type ItemView,
  type QuestionOf,
  questionsOf,
  trainingTransformer,
} from './item-view.ts';
import type { ExportedAnnotation, ExportedItem, ItemTransformer } from './record.ts';

type GradedQuestion = QuestionOf<'rubric' | 'steps'>;

/**
 * Rubric and step grades (docs/exports.md), one line per graded candidate (or graded text) of
 * each submitted rubric or steps answer:
 *
 *   {"item_id", "external_id", "annotator", "question", "kind": "rubric", "candidate_id",
 *    "total", "scores": {"<criterion>": {"score", "comment"?}}}
 *   {"item_id", "external_id", "annotator", "question", "kind": "steps", "candidate_id",
 *    "first_error", "steps": [{"index", "text", "verdict", "correction"?, "comment"?}]}
 *
 * A step's `text` is the step as the tutor saw it (the candidate's given steps, or its text cut
 * as the question says), null when the item no longer has it.
 */
export function gradesTransformer(iface: ExportInterface): ItemTransformer {
  const questions = questionsOf(iface, 'rubric', 'steps');
  return trainingTransformer(iface, (view, annotation, emit) => {
    for (const question of questions) {
      const answer = annotation.answers[question.name];
      if (answer === undefined || answer === null) continue;
      if (question.type === 'rubric') {
        for (const grade of rubricOf(answer) ?? []) emit(rubricLine(view.item, annotation, question, grade));
      } else {
        const steps = stepsOf(answer);
        if (steps) emit(stepsLine(view, annotation, question, steps));
      }
    }
  });
}

const head = (item: ExportedItem, annotation: ExportedAnnotation, question: GradedQuestion) => ({
  item_id: item.id,
  external_id: item.externalId,
  annotator: annotation.annotator,
  question: question.name,
});

function rubricLine(
  item: ExportedItem,
  annotation: ExportedAnnotation,
  question: GradedQuestion,
  grade: RubricGrade,
): string {
  const scores: Record<string, { score: number | boolean; comment?: string }> = {};
  for (const [criterion, s] of Object.entries(grade.scores)) {
    scores[criterion] = s.comment ? { score: s.score, comment: s.comment } : { score: s.score };
  }
  return `${JSON.stringify({
    ...head(item, annotation, question),
    kind: 'rubric',
    candidate_id: grade.candidate ?? null,
    total: grade.total,
    scores,
  })}\n`;
}

function stepsLine(
  view: ItemView,
  annotation: ExportedAnnotation,
  question: QuestionOf<'steps'>,
  answer: StepsAnswer,
): string {
  const data: Record<string, unknown> = { [question.field]: view.value(question.field) };
  if (question.stepsKey !== undefined) data[question.stepsKey] = view.value(question.stepsKey);
  const texts = stepTexts(question, data, answer.candidate);
  const steps = answer.steps.map((s, index) => ({
    index,
    text: texts?.[index] ?? null,
    verdict: s?.verdict ?? null,
    ...(s?.correction ? { correction: s.correction } : {}),
    ...(s?.comment ? { comment: s.comment } : {}),
  }));
  return `${JSON.stringify({
    ...head(view.item, annotation, question),
    kind: 'steps',
    candidate_id: answer.candidate ?? null,
    first_error: answer.firstError,
    steps,
  })}\n`;
}
