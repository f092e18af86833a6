import type { z } from 'zod';
import { type Answers, validateAnswers } from './answers.ts';
import type { FieldError } from './field-error.ts';
import type { InterfaceDefinition } from './interface.ts';
import { isMediaQuestionType } from './media-questions.ts';
import { migrateInterface } from './migrate.ts';
import type { AnswerContext } from './questions/kind.ts';
import type { QuestionDefinition } from './questions/registry.ts';

/** The interface from the design notes; tests and docs use it as the reference example. */
export const exampleInterface = {
  version: 1,
  fields: [
    { name: 'text', type: 'text', format: 'markdown' },
    { name: 'source', type: 'text' },
  ],
  questions: [
    { name: 'topic', type: 'choice', options: ['algebra', 'geometry', 'other'], required: true },
    { name: 'flags', type: 'multi_choice', options: ['unsafe', 'off-topic', 'pii'] },
    {
      name: 'entities',
      type: 'spans',
      field: 'text',
      labels: ['THEOREM', 'DEFINITION'],
      allowOverlap: false,
    },
    { name: 'difficulty', type: 'rating', min: 1, max: 5 },
    { name: 'steps', type: 'number' },
    { name: 'comment', type: 'text' },
  ],
};

/** An interface with one question over one text field named `text`. */
export function interfaceWith(question: Record<string, unknown>): InterfaceDefinition {
  return migrateInterface({ fields: [{ name: 'text', type: 'text' }], questions: [question] });
}

type Checked = { value: Answers; messages?: undefined } | { messages: string[]; value?: undefined };

/** Validates `answers` and returns either the normalised value or just the error messages. */
export function check(
  iface: InterfaceDefinition,
  answers: unknown,
  data: Record<string, unknown> = { text: '' },
  partial = false,
): Checked {
  return checkWith(iface, answers, { data, partial });
}

/** `check` with the media facts of the item's fields (AnswerContext.media). */
export function checkWith(
  iface: InterfaceDefinition,
  answers: unknown,
  opts: { data?: Record<string, unknown>; partial?: boolean; media?: AnswerContext['media'] },
): Checked {
  const result = validateAnswers(iface, answers, opts.data ?? {}, {
    partial: opts.partial ?? false,
    media: opts.media,
  });
  return result.ok ? { value: result.value } : { messages: result.errors.map((e: FieldError) => e.message) };
}

/** An interface with one question over an audio field `recording` and a video field `clip`. */
export function mediaInterfaceWith(question: Record<string, unknown>): InterfaceDefinition {
  return migrateInterface({
    fields: [
      { name: 'recording', type: 'audio' },
      { name: 'clip', type: 'video' },
    ],
    questions: [question],
  });
}

type QuestionInput = z.input<typeof QuestionDefinition>;

/**
 * One question of every registered kind, labelled and required where the kind allows it: the
 * browser's accessibility check (e2e/accessibility.e2e.test.ts) opens an annotation view of
 * these, so every editor is checked. A kind added to the registry without an entry here does not
 * type-check, and interface.test.ts fails.
 */
export const oneOfEachKind: { [T in QuestionInput['type']]: Extract<QuestionInput, { type: T }> } = {
  choice: {
    name: 'verdict',
    label: 'Is the answer correct?',
    type: 'choice',
    options: ['yes', 'partly', 'no'],
    required: true,
  },
  multi_choice: {
    name: 'flags',
    label: 'Flags',
    type: 'multi_choice',
    options: ['unsafe', 'off-topic', 'pii'],
    required: false,
  },
  spans: {
    name: 'claims',
    label: 'Claims and errors',
    type: 'spans',
    field: 'text',
    labels: ['CLAIM', 'ERROR'],
    allowOverlap: false,
    required: false,
  },
  rating: { name: 'clarity', label: 'Clarity', type: 'rating', min: 1, max: 5, required: false },
  number: { name: 'steps', label: 'Steps', type: 'number', integer: true, required: false },
  text: { name: 'comment', label: 'Comment', type: 'text', multiline: true, required: false },
  pairwise: {
    name: 'preference',
    label: 'Which answer is better?',
    type: 'pairwise',
    field: 'pair',
    criteria: [{ name: 'correctness', label: 'Correctness' }],
    requireJustificationFrom: 3,
    required: false,
  },
  ranking: { name: 'order', label: 'Rank the answers', type: 'ranking', field: 'pair', allowTies: true },
  rubric: {
    name: 'grade',
    label: 'Grade the answers',
    type: 'rubric',
    field: 'pair',
    criteria: [
      { name: 'accuracy', label: 'Accuracy', scale: { min: 1, max: 5 }, weight: 2 },
      { name: 'cites', label: 'Cites a source', scale: 'pass_fail' },
    ],
  },
  steps: { name: 'proof', label: 'Check each step', type: 'steps', field: 'pair', split: 'paragraphs' },
  rewrite: { name: 'ideal', label: 'Write the ideal answer', type: 'rewrite', field: 'pair' },
  turns: {
    name: 'per_turn',
    label: 'Rate each reply',
    type: 'turns',
    field: 'conversation',
    rating: { min: 1, max: 5 },
  },
  live: {
    name: 'talk',
    label: 'Talk with the model',
    type: 'live',
    field: 'conversation',
    rating: { min: 1, max: 5 },
    flags: ['wrong', 'unsafe'],
    rewrite: true,
  },
  segments: {
    name: 'turns_said',
    label: 'Who says what, when',
    type: 'segments',
    field: 'recording',
    labels: ['speech', 'music'],
    text: 'optional',
    speakers: 'optional',
  },
  frames: { name: 'scene', label: 'Scene', type: 'frames', field: 'clip', labels: ['indoor', 'outdoor'] },
  tracks: { name: 'objects', label: 'Objects', type: 'tracks', field: 'clip', labels: ['square', 'person'] },
};

/** An interface asking `oneOfEachKind` about a Markdown field `text` and showing a plain `source`. */
export const everyKindInterface = {
  fields: [
    { name: 'text', label: 'Text', type: 'text', format: 'markdown' },
    { name: 'source', label: 'Source', type: 'text' },
    { name: 'conversation', label: 'Conversation', type: 'chat' },
    { name: 'pair', label: 'Candidate answers', type: 'responses' },
  ],
  questions: Object.values(oneOfEachKind).filter((q) => !isMediaQuestionType(q.type)),
};

/**
 * `oneOfEachKind`'s questions over media: a recording `recording` and a video `clip`. The browser
 * tests open it with media they generate (e2e/media-*.e2e.test.ts).
 */
export const mediaKindsInterface = {
  fields: [
    { name: 'recording', label: 'Recording', type: 'audio' },
    { name: 'clip', label: 'Clip', type: 'video' },
  ],
  questions: Object.values(oneOfEachKind).filter((q) => isMediaQuestionType(q.type)),
};

/** An item for `everyKindInterface`: the given text and source, a short chat and two candidates. */
export function everyKindItemData(text: string, source: string): Record<string, unknown> {
  return {
    text,
    source,
    conversation: [
      { role: 'user', content: 'What is $2^{10}$?' },
      { role: 'assistant', content: 'It is $1024$.' },
    ],
    pair: [
      { id: 'a', model: 'model-x', content: 'First, $2^{10} = 1024$.\n\nSo the answer is 1024.' },
      { id: 'b', model: 'model-y', content: 'It is about a thousand.\n\nExactly 1000.' },
    ],
  };
}
