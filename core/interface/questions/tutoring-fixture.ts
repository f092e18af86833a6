import type { InterfaceDefinition } from '../interface.ts';
import { migrateInterface } from '../migrate.ts';

/** Fields for tests of the tutoring kinds: a prompt, a conversation, a pair and four candidates. */
export const tutoringFields = [
  { name: 'prompt', type: 'text', format: 'markdown' },
  { name: 'conv', type: 'chat' },
  { name: 'pair', type: 'responses' },
  { name: 'four', type: 'responses' },
];

export const tutoringData: Record<string, unknown> = {
  prompt: 'Prove that $\\sqrt 2$ is irrational.',
  conv: [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: 'Hi' },
    { role: 'assistant', content: 'Hello!' },
    { role: 'user', content: 'What is 2+2?' },
    { role: 'assistant', content: '4' },
  ],
  pair: [
    { id: 'a', model: 'm1', content: 'Suppose it is p/q.\n\nThen p² = 2q².\n\nSo both are even.' },
    { id: 'b', content: 'It is irrational.' },
  ],
  four: [
    { id: 'w', content: 'one' },
    { id: 'x', content: 'two' },
    { id: 'y', content: 'three', steps: ['s1', 's2'] },
    { id: 'z', content: 'four' },
  ],
};

/** An interface with the tutoring fields and one question. */
export const tutoringWith = (question: Record<string, unknown>): InterfaceDefinition =>
  migrateInterface({ fields: tutoringFields, questions: [question] });
