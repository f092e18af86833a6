import { rewriteOf, turnsAnswerOf } from './answer-shapes.ts';
import { type Message, normalisePrompt, turnsOf } from './conversation.ts';
import { type ExportInterface, questionsOf, trainingTransformer } from './item-view.ts';
import type { ItemTransformer } from './record.ts';

/**
 * Supervised fine-tuning examples (docs/exports.md): `{"messages":[…]}` per rewrite answer (the
 * prompt's messages, then the rewritten text as the assistant's) and per rewritten turn of a
 * `turns` answer (the conversation before that turn, then the rewrite in its place). The messages
 * alternate as conversation.ts normalises them, and the last is the assistant's; a conversation
 * that cannot be put so gives no example.
 */
export function sftTransformer(iface: ExportInterface): ItemTransformer {
  const rewrites = questionsOf(iface, 'rewrite');
  const turnQuestions = questionsOf(iface, 'turns').filter((q) => q.rewrite);
  return trainingTransformer(iface, (view, annotation, emit) => {
    for (const question of rewrites) {
      const rewrite = rewriteOf(annotation.answers[question.name]);
      const prompt = rewrite && view.prompt(question);
      if (prompt) emit(example(prompt, rewrite!.text));
    }
    for (const question of turnQuestions) {
      const turns = turnsAnswerOf(annotation.answers[question.name]);
      const chat = turns && turnsOf(view.value(question.field));
      if (!turns || !chat) continue;
      for (const t of turns) {
        if (typeof t.rewrite !== 'string' || t.rewrite.trim() === '') continue;
        if (chat[t.turn]?.role !== 'assistant') continue;
        const prompt = normalisePrompt(chat.slice(0, t.turn));
        if (prompt) emit(example(prompt, t.rewrite));
      }
    }
  });
}

const example = (prompt: readonly Message[], answer: string): string =>
  `${JSON.stringify({ messages: [...prompt, { role: 'assistant', content: answer }] })}\n`;
