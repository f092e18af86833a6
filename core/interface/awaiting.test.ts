import { describe, expect, it } from 'vitest';
import { awaitingFields } from './awaiting.ts';
import { checkCandidates } from './fields/responses.ts';
import { validateItemData } from './item-data.ts';
import { migrateInterface } from './migrate.ts';

const iface = migrateInterface({
  fields: [
    { name: 'prompt', type: 'chat' },
    { name: 'pair', type: 'responses' },
  ],
  questions: [{ name: 'p', type: 'pairwise', field: 'pair' }],
});
const prompt = [{ role: 'user', content: 'Hi' }];
const generation = {
  connection: 'lab',
  model: 'm',
  params: { temperature: 0.5 },
  promptTokens: 1,
  completionTokens: null,
  latencyMs: 20,
  job: 3,
};

describe('items awaiting candidates', () => {
  it('are valid with the responses field absent or empty, and say which field awaits', () => {
    expect(validateItemData(iface, { prompt })).toEqual([]);
    expect(validateItemData(iface, { prompt, pair: [] })).toEqual([]);
    expect(awaitingFields(iface, { prompt })).toEqual(['pair']);
    expect(awaitingFields(iface, { prompt, pair: [] })).toEqual(['pair']);
  });

  it('still need their prompt, and a list with candidates is checked as before', () => {
    expect(validateItemData(iface, { pair: [] }).map((e) => e.path)).toEqual(['data.prompt']);
    const one = validateItemData(iface, { prompt, pair: [{ id: 'a', content: 'x' }] });
    expect(one.map((e) => e.message)).toEqual(['data.pair: has 1 candidate; between 2 and 16 are needed']);
    const three = ['a', 'b', 'c'].map((id) => ({ id, content: id }));
    expect(validateItemData(iface, { prompt, pair: three })[0]?.message).toMatch(/exactly 2 candidates/);
    expect(awaitingFields(iface, { prompt, pair: three.slice(0, 2) })).toEqual([]);
  });
});

describe('a candidate generation record', () => {
  it('is accepted when whole, and named when wrong', () => {
    const c = (g: unknown) => [
      { id: 'a', content: 'x', generation: g },
      { id: 'b', content: 'y' },
    ];
    expect(checkCandidates(c(generation))).toBeUndefined();
    expect(checkCandidates(c({ ...generation, latencyMs: -1 }))).toMatch(/generation\.latencyMs/);
    expect(checkCandidates(c({ ...generation, job: undefined }))).toMatch(/generation\.job/);
    expect(checkCandidates(c({ ...generation, key: 'sk' }))).toMatch(/unknown property "key"/);
    expect(checkCandidates(c('lab'))).toMatch(/generation must be an object/);
  });
});
