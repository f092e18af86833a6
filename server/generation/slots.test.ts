import { describe, expect, it } from 'vitest';
import { migrateInterface } from '../../core/interface/index.ts';
import { generationFields, targetMismatch } from './fit.ts';
import { generationInterface } from './fixtures.ts';
import {
  parseStepKey,
  promptOf,
  slotCandidateId,
  slotState,
  slotsComplete,
  stepKey,
  withSlot,
} from './slots.ts';

const result = (content: string) => ({
  content,
  model: 'm-1',
  params: { temperature: 0.5 },
  promptTokens: 4,
  completionTokens: 2,
  latencyMs: 31,
});

describe('generation slots', () => {
  it('name a step and a candidate stably', () => {
    expect(stepKey(17, 2)).toBe('item:17:slot:2');
    expect(parseStepKey('item:17:slot:2')).toEqual({ itemId: 17, slot: 2 });
    expect(() => parseStepKey('item:x')).toThrow();
    expect(slotCandidateId('lab', 3)).toBe('lab-3');
    expect(slotCandidateId('n'.repeat(120), 16).length).toBeLessThanOrEqual(100);
  });

  it('send a chat as its turns and a text as one user message, the system prompt first', () => {
    const chat = [
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Hello' },
      { role: 'user', content: 'Why?' },
    ];
    expect(promptOf({ p: chat }, 'p', undefined)).toEqual(chat);
    expect(promptOf({ p: 'Tell me' }, 'p', 'Be brief')).toEqual([
      { role: 'system', content: 'Be brief' },
      { role: 'user', content: 'Tell me' },
    ]);
    expect(promptOf({ p: '  ' }, 'p', 'Be brief')).toEqual([]);
    expect(promptOf({}, 'p', undefined)).toEqual([]);
  });

  it('write each slot once, in slot order, and know when all K are there', () => {
    const w = (slot: number) => ({ connectionName: 'lab', slot, job: 9, result: result(`answer ${slot}`) });
    const one = withSlot({ prompt: 'q' }, 'pair', w(2))!;
    expect(slotState(one, 'pair', 'lab-2')).toBe('written');
    expect(withSlot(one, 'pair', w(2))).toBeUndefined();
    const two = withSlot(one, 'pair', w(1))!;
    expect((two.pair as { id: string }[]).map((c) => c.id)).toEqual(['lab-1', 'lab-2']);
    expect(slotsComplete(one, 'pair', 'lab', 2)).toBe(false);
    expect(slotsComplete(two, 'pair', 'lab', 2)).toBe(true);
    expect((two.pair as unknown[])[0]).toEqual({
      id: 'lab-1',
      model: 'm-1',
      content: 'answer 1',
      generation: {
        connection: 'lab',
        model: 'm-1',
        params: { temperature: 0.5 },
        promptTokens: 4,
        completionTokens: 2,
        latencyMs: 31,
        job: 9,
      },
    });
  });

  it('leave a field with imported candidates alone', () => {
    const data = { pair: [{ id: 'a', content: 'x' }] };
    expect(slotState(data, 'pair', 'lab-1')).toBe('taken');
    expect(
      withSlot(data, 'pair', { connectionName: 'lab', slot: 1, job: 1, result: result('y') }),
    ).toBeUndefined();
  });
});

describe('what a generation job needs of the interface', () => {
  const iface = migrateInterface(generationInterface);
  it('finds the fields and checks that K candidates fit the questions', () => {
    expect(generationFields(iface, { k: 2 })).toEqual({ ok: true, field: 'pair', promptField: 'prompt' });
    expect(generationFields(iface, { k: 3 })).toMatchObject({ ok: false, path: 'candidates' });
    expect(generationFields(iface, { k: 1 })).toMatchObject({ ok: false, path: 'candidates' });
    expect(generationFields(iface, { k: 2, field: 'prompt' })).toMatchObject({ ok: false, path: 'field' });
    const noPrompt = migrateInterface({
      fields: [{ name: 'r', type: 'responses' }],
      questions: [{ name: 'q', type: 'ranking', field: 'r' }],
    });
    expect(generationFields(noPrompt, { k: 4 })).toMatchObject({ ok: false, path: 'promptField' });
  });

  it('asks a target project for the same prompt and responses fields', () => {
    const other = migrateInterface({
      fields: [
        { name: 'prompt', type: 'text' },
        { name: 'pair', type: 'responses' },
      ],
      questions: [{ name: 'best', type: 'ranking', field: 'pair' }],
    });
    expect(targetMismatch(iface, iface, { field: 'pair', promptField: 'prompt' })).toBeUndefined();
    expect(targetMismatch(iface, other, { field: 'pair', promptField: 'prompt' })).toMatch(/"prompt"/);
  });
});
