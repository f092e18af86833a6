import { messagesForModel } from '../interface/index.ts';
import { liveOf, rubricOf, turnsAnswerOf } from './answer-shapes.ts';
import { normalisePrompt, promptText, turnsOf } from './conversation.ts';
import {
  type ExportInterface,
  type ItemView,
  type QuestionOf,
  questionsOf,
  trainingTransformer,
} from './item-view.ts';
import type { ExportedAnnotation, ItemTransformer, TransformOptions } from './record.ts';

/**
 * Unpaired preference examples for KTO (docs/exports.md):
 * `{"prompt": str, "completion": str, "label": bool, "item_id", "candidate_id", "turn", "annotator"}`,
 * one per rubric grade (label: its weighted total, 0..1, at least `threshold`) and one per rated
 * assistant turn of a `turns` answer (label: the rating on its scale normalised to 0..1, at least
 * `threshold`), and one per rated reply of a `live` answer (its prompt the conversation the model
 * was sent: earlier rewritten replies in place). `candidate_id` is the graded candidate (null
 * for a text field or a turn), `turn` the rated turn's index in the conversation (null for a grade).
 */
export function ktoTransformer(iface: ExportInterface, options: TransformOptions): ItemTransformer {
  const rubrics = questionsOf(iface, 'rubric');
  const turnQuestions = questionsOf(iface, 'turns').filter((q) => q.rating !== undefined);
  const lives = questionsOf(iface, 'live').filter((q) => q.rating !== undefined);
  return trainingTransformer(iface, (view, annotation, emit) => {
    for (const question of rubrics) gradeLines(view, question, annotation, options.threshold, emit);
    for (const question of turnQuestions) turnLines(view, question, annotation, options.threshold, emit);
    for (const question of lives) liveLines(view, question, annotation, options.threshold, emit);
  });
}

interface Example {
  prompt: string;
  completion: string;
  label: boolean;
  candidate: string | null;
  turn: number | null;
}

function exampleLine(view: ItemView, annotation: ExportedAnnotation, e: Example): string {
  return `${JSON.stringify({
    prompt: e.prompt,
    completion: e.completion,
    label: e.label,
    item_id: view.item.id,
    candidate_id: e.candidate,
    turn: e.turn,
    annotator: annotation.annotator,
  })}\n`;
}

function gradeLines(
  view: ItemView,
  question: QuestionOf<'rubric'>,
  annotation: ExportedAnnotation,
  threshold: number,
  emit: (line: string) => void,
): void {
  const grades = rubricOf(annotation.answers[question.name]);
  if (!grades) return;
  const prompt = view.prompt(question);
  if (!prompt) return;
  for (const grade of grades) {
    let completion: string | undefined;
    if (grade.candidate === undefined) {
      const value = view.value(question.field);
      completion = typeof value === 'string' ? value : undefined;
    } else completion = view.candidates(question.field).get(grade.candidate)?.content;
    if (completion === undefined) continue;
    const label = grade.total >= threshold;
    const e = {
      prompt: promptText(prompt),
      completion,
      label,
      candidate: grade.candidate ?? null,
      turn: null,
    };
    emit(exampleLine(view, annotation, e));
  }
}

function turnLines(
  view: ItemView,
  question: QuestionOf<'turns'>,
  annotation: ExportedAnnotation,
  threshold: number,
  emit: (line: string) => void,
): void {
  const turns = turnsAnswerOf(annotation.answers[question.name]);
  const chat = turns && turnsOf(view.value(question.field));
  const scale = question.rating!;
  if (!turns || !chat) return;
  for (const t of turns) {
    const rated = chat[t.turn];
    if (typeof t.rating !== 'number' || rated?.role !== 'assistant') continue;
    ratedTurnLine(
      view,
      annotation,
      { before: chat.slice(0, t.turn), rated, rating: t.rating, turn: t.turn },
      { scale, threshold },
      emit,
    );
  }
}

function liveLines(
  view: ItemView,
  question: QuestionOf<'live'>,
  annotation: ExportedAnnotation,
  threshold: number,
  emit: (line: string) => void,
): void {
  const live = liveOf(annotation.answers[question.name]);
  const scale = question.rating!;
  if (!live) return;
  const sent = messagesForModel(live);
  for (const t of live.turns) {
    const rated = live.messages[t.turn];
    if (typeof t.rating !== 'number' || rated?.role !== 'assistant' || rated.model === undefined) continue;
    ratedTurnLine(
      view,
      annotation,
      { before: sent.slice(0, t.turn), rated, rating: t.rating, turn: t.turn },
      { scale, threshold },
      emit,
    );
  }
}

/** One rated reply as an example: the conversation before it as the prompt, labelled by its rating. */
function ratedTurnLine(
  view: ItemView,
  annotation: ExportedAnnotation,
  reply: {
    before: Parameters<typeof normalisePrompt>[0];
    rated: { content: string };
    rating: number;
    turn: number;
  },
  grading: { scale: { min: number; max: number }; threshold: number },
  emit: (line: string) => void,
): void {
  const prompt = normalisePrompt(reply.before);
  if (!prompt) return;
  const { scale, threshold } = grading;
  const normalised = (reply.rating - scale.min) / (scale.max - scale.min);
  const e = {
    prompt: promptText(prompt),
    completion: reply.rated.content,
    label: normalised >= threshold,
    candidate: null,
    turn: reply.turn,
  };
  emit(exampleLine(view, annotation, e));
}
