import { describe, expect, it } from 'vitest';
import {
  type Candidate,
  type InterfaceDefinition,
  migrateInterface,
  stepsOf,
  validateItemData,
} from '../../../../core/interface/index.ts';
import { everyKindInterface } from '../../../../core/interface/testing.ts';
import { sampleData } from './sample.ts';

const iface = (raw: unknown): InterfaceDefinition => migrateInterface(raw);
const over = (questions: Record<string, unknown>[]) =>
  iface({
    fields: [
      { name: 'prompt', type: 'text', format: 'markdown' },
      { name: 'chat', type: 'chat' },
      { name: 'answers', type: 'responses' },
    ],
    questions,
  });

describe('the preview’s sample item', () => {
  it('passes the item checks of an interface with every kind of question', () => {
    const every = iface(everyKindInterface);
    expect(validateItemData(every, sampleData(every))).toEqual([]);
  });

  it('holds a conversation with an assistant turn and maths', () => {
    const chat = sampleData(over([{ name: 't', type: 'turns', field: 'chat', rewrite: true }])).chat;
    expect(chat).toEqual(expect.arrayContaining([expect.objectContaining({ role: 'assistant' })]));
    expect(JSON.stringify(chat)).toContain('$n^2$');
  });

  it('has two candidates for a pair, four when only rankings ask about them', () => {
    const pair = { name: 'p', type: 'pairwise', field: 'answers' };
    const rank = { name: 'r', type: 'ranking', field: 'answers' };
    expect(sampleData(over([pair])).answers).toHaveLength(2);
    expect(sampleData(over([rank])).answers).toHaveLength(4);
    expect(sampleData(over([rank, pair])).answers).toHaveLength(2);
    expect(sampleData(over([{ name: 'w', type: 'rewrite', field: 'answers' }])).answers).toHaveLength(2);
  });

  it('gives each candidate its steps when a steps question checks given steps', () => {
    const given = over([{ name: 's', type: 'steps', field: 'answers', split: 'given' }]);
    const data = sampleData(given);
    expect(validateItemData(given, data)).toEqual([]);
    for (const c of data.answers as Candidate[]) expect(c.steps?.length).toBeGreaterThan(1);
    const cut = sampleData(over([{ name: 's', type: 'steps', field: 'answers' }]));
    expect((cut.answers as Candidate[])[0]).not.toHaveProperty('steps');
  });

  it('puts given steps of a text field under the key the question names', () => {
    const q = { name: 's', type: 'steps', field: 'prompt', split: 'given', stepsKey: 'prompt_steps' };
    const given = over([q]);
    const data = sampleData(given);
    expect(validateItemData(given, data)).toEqual([]);
    expect(stepsOf({ field: 'prompt', split: 'given', stepsKey: 'prompt_steps' }, data)?.length).toBe(4);
  });
});
