import { type Answers, validateAnswers } from './answers.ts';
import type { FieldError } from './field-error.ts';
import type { InterfaceDefinition } from './interface.ts';
import { migrateInterface } from './migrate.ts';

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

/** Validates `answers` and returns either the normalised value or just the error messages. */
export function check(
  iface: InterfaceDefinition,
  answers: unknown,
  data: Record<string, unknown> = { text: '' },
  partial = false,
): { value: Answers } | { messages: string[] } {
  const result = validateAnswers(iface, answers, data, { partial });
  return result.ok ? { value: result.value } : { messages: result.errors.map((e: FieldError) => e.message) };
}
