import { livePrefix, type QuestionDefinition } from '../interface/index.ts';
import { agreedTransformer } from './agreed.ts';
import { liveOf, rewriteOf, turnsAnswerOf } from './answer-shapes.ts';
import { type Message, normalisePrompt, turnsOf } from './conversation.ts';
import {
  type ExportInterface,
  type ItemView,
  type QuestionOf,
  questionsOf,
  trainingTransformer,
} from './item-view.ts';
import type { ItemTransformer, TransformOptions } from './record.ts';

/**
 * Supervised fine-tuning examples (docs/exports.md): `{"messages":[…]}` per rewrite answer (the
 * prompt's messages, then the rewritten text as the assistant's) and per rewritten turn of a
 * `turns` answer (the conversation before that turn, then the rewrite in its place), and one per
 * `live` answer (its conversation, each rewritten reply in place of the model's, up to the last
 * reply kept: see liveExample). The messages
 * alternate as conversation.ts normalises them, and the last is the assistant's; a conversation
 * that cannot be put so gives no example. With `consensus`, the same examples from each
 * question's agreed answer (agreed.ts) instead of each annotator's; the line is still only
 * `messages`.
 */
export function sftTransformer(
  iface: ExportInterface,
  options: Pick<TransformOptions, 'consensus'> = {},
): ItemTransformer {
  const rewrites = questionsOf(iface, 'rewrite');
  const turnQuestions = questionsOf(iface, 'turns').filter((q) => q.rewrite);
  const lives = questionsOf(iface, 'live');
  /** The examples of one item from the answer each question has (`answerOf`). */
  const write = (
    view: ItemView,
    answerOf: (question: QuestionDefinition) => unknown,
    emit: (line: string) => void,
  ) => {
    for (const question of rewrites) {
      const rewrite = rewriteOf(answerOf(question));
      const prompt = rewrite && view.prompt(question);
      if (prompt) emit(example(prompt, rewrite!.text));
    }
    for (const question of turnQuestions) {
      const turns = turnsAnswerOf(answerOf(question));
      const chat = turns && turnsOf(view.value(question.field));
      if (!turns || !chat) continue;
      for (const t of turns) {
        if (typeof t.rewrite !== 'string' || t.rewrite.trim() === '') continue;
        if (chat[t.turn]?.role !== 'assistant') continue;
        const prompt = normalisePrompt(chat.slice(0, t.turn));
        if (prompt) emit(example(prompt, t.rewrite));
      }
    }
    for (const question of lives) {
      const line = liveExample(view, question, answerOf(question));
      if (line) emit(line);
    }
  };
  const { consensus } = options;
  if (consensus !== undefined)
    return agreedTransformer(iface, consensus, (view, agreedOf, emit) =>
      write(view, (question) => agreedOf(question)?.answer, emit),
    );
  return trainingTransformer(iface, (view, annotation, emit) =>
    write(view, (question) => annotation.answers[question.name], emit),
  );
}

/**
 * A live conversation as one example: the tutor's rewrite in place of each reply they rewrote;
 * a reply neither rewritten nor rated at least the middle of its scale (normalised 0.5) is no
 * target, as a `turns` answer gives an example only of what the tutor vouched for, so the
 * conversation ends before the first such reply whose rating is below it. It then ends at the last
 * reply kept; none kept, no example.
 */
function liveExample(view: ItemView, question: QuestionOf<'live'>, answer: unknown): string | undefined {
  const live = liveOf(answer);
  if (!live) return undefined;
  const field = question.field;
  const data = field === undefined ? {} : { [field]: view.value(field) };
  const prefix = livePrefix(question, data).length;
  const marks = new Map(live.turns.map((t) => [t.turn, t]));
  const scale = question.rating;
  const messages: Message[] = [];
  let last = -1;
  for (const [i, m] of live.messages.entries()) {
    const mark = marks.get(i);
    const rewrite =
      typeof mark?.rewrite === 'string' && mark.rewrite.trim() !== '' ? mark.rewrite : undefined;
    if (i >= prefix && m.role === 'assistant') {
      const rating = mark?.rating;
      const bad =
        rewrite === undefined &&
        scale !== undefined &&
        typeof rating === 'number' &&
        (rating - scale.min) / (scale.max - scale.min) < 0.5;
      if (bad) break;
      last = messages.length;
    }
    messages.push({ role: m.role, content: rewrite ?? m.content });
  }
  if (last < 0) return undefined;
  const prompt = normalisePrompt(messages.slice(0, last));
  return prompt && example(prompt, messages[last]!.content);
}

const example = (prompt: readonly Message[], answer: string): string =>
  `${JSON.stringify({ messages: [...prompt, { role: 'assistant', content: answer }] })}\n`;
