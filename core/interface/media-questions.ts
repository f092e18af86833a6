import type { InterfaceDefinition } from './interface.ts';

/** The question kinds asked about a recording or a video (docs/media.md). */
export const MEDIA_QUESTION_TYPES = ['segments', 'frames', 'tracks'] as const;
export type MediaQuestionType = (typeof MEDIA_QUESTION_TYPES)[number];

export const isMediaQuestionType = (type: string): type is MediaQuestionType =>
  (MEDIA_QUESTION_TYPES as readonly string[]).includes(type);

/** The fields the questions over media work on, each once, in the order first asked. */
export function mediaQuestionFields(iface: Pick<InterfaceDefinition, 'questions'>): string[] {
  const fields = iface.questions.flatMap((q) =>
    isMediaQuestionType(q.type) ? [(q as { field: string }).field] : [],
  );
  return [...new Set(fields)];
}
