import { type InterfaceDefinition, migrateInterface } from '../interface/index.ts';
import type { ExportedAnnotation, ExportedItem, ItemTransformer } from './record.ts';

/** For the transformers' tests: an interface with every kind an export reads, over a chat and candidates. */
export const tutorInterfaceInput = {
  fields: [
    { name: 'conversation', type: 'chat' },
    { name: 'pair', type: 'responses' },
    { name: 'four', type: 'responses' },
    { name: 'essay', type: 'text' },
  ],
  questions: [
    { name: 'compare', type: 'pairwise', field: 'pair' },
    { name: 'order', type: 'ranking', field: 'four', allowTies: true },
    {
      name: 'grade',
      type: 'rubric',
      field: 'four',
      criteria: [
        { name: 'correct', scale: { min: 0, max: 4 }, weight: 3 },
        { name: 'clear', scale: 'pass_fail' },
      ],
    },
    { name: 'essay_grade', type: 'rubric', field: 'essay', criteria: [{ name: 'ok', scale: 'pass_fail' }] },
    { name: 'proof', type: 'steps', field: 'pair', split: 'paragraphs' },
    { name: 'ideal', type: 'rewrite', field: 'pair' },
    { name: 'per_turn', type: 'turns', field: 'conversation', rating: { min: 1, max: 5 }, rewrite: true },
    { name: 'note', type: 'text' },
  ],
};
export const tutorInterface: InterfaceDefinition = migrateInterface(tutorInterfaceInput);

export const tutorData: Record<string, unknown> = {
  conversation: [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: 'What is $2^{10}$?' },
    { role: 'assistant', content: 'It is 1024.' },
    { role: 'user', content: 'And $2^{11}$?' },
  ],
  pair: [
    { id: 'a', content: 'First, $2^{10} = 1024$.\n\nSo twice that is 2048.' },
    { id: 'b', content: 'It is "about" 2000.' },
  ],
  four: [
    { id: 'w', content: 'one' },
    { id: 'x', content: 'two' },
    { id: 'y', content: 'three' },
    { id: 'z', content: 'four' },
  ],
  essay: 'An essay.',
};

let nextId = 1;

export function annotation(answers: Record<string, unknown>, more: Partial<ExportedAnnotation> = {}) {
  return {
    id: nextId++,
    annotator: 'ada@example.org',
    status: 'submitted',
    answers,
    submittedAt: '2026-12-01T09:30:00.000Z',
    ...more,
  } satisfies ExportedAnnotation;
}

export function item(annotations: ExportedAnnotation[], data = tutorData): ExportedItem {
  return { id: 17, externalId: 'ext-17', dataJson: JSON.stringify(data), annotations };
}

/** The lines a transformer writes for these items, each parsed. */
export function linesOf(transformer: ItemTransformer, ...items: ExportedItem[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const it of items)
    transformer.item(it, (line) => {
      if (!line.endsWith('\n') || line.indexOf('\n') !== line.length - 1)
        throw new Error(`not one line: ${line}`);
      out.push(JSON.parse(line));
    });
  return out;
}
