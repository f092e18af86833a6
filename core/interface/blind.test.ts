import { describe, expect, it } from 'vitest';
import { withoutHiddenModels } from './blind.ts';
import { migrateInterface } from './migrate.ts';

const fields = (revealModels: boolean) =>
  migrateInterface({
    fields: [
      { name: 'prompt', type: 'text' },
      { name: 'pair', type: 'responses', revealModels },
    ],
    questions: [{ name: 'p', type: 'pairwise', field: 'pair' }],
  });
const data = {
  prompt: 'Q',
  pair: [
    { id: 'a', model: 'secret-model', content: 'x' },
    { id: 'b', content: 'y' },
  ],
};

describe('hidden model names', () => {
  it('are taken out of the data an annotator receives, and nothing else is', () => {
    const blind = withoutHiddenModels(fields(false), data);
    expect(blind).toEqual({
      prompt: 'Q',
      pair: [
        { id: 'a', content: 'x' },
        { id: 'b', content: 'y' },
      ],
    });
    expect(JSON.stringify(blind)).not.toContain('secret-model');
    expect(data.pair[0]).toHaveProperty('model', 'secret-model');
  });

  it('stay when the field reveals them', () => {
    expect(withoutHiddenModels(fields(true), data)).toBe(data);
  });
});

describe('generation records', () => {
  const generated = {
    prompt: 'Q',
    pair: [
      {
        id: 'm-1',
        model: 'secret-model',
        content: 'x',
        generation: {
          connection: 'lab',
          model: 'secret-model',
          params: { temperature: 0.7 },
          promptTokens: 3,
          completionTokens: 5,
          latencyMs: 12,
          job: 4,
        },
      },
      { id: 'm-2', content: 'y', generation: { connection: 'lab', model: 'secret-model' } },
    ],
  };
  it('are taken out with the model name when models are hidden', () => {
    const blind = withoutHiddenModels(fields(false), generated);
    expect(blind).toEqual({
      prompt: 'Q',
      pair: [
        { id: 'm-1', content: 'x' },
        { id: 'm-2', content: 'y' },
      ],
    });
    expect(JSON.stringify(blind)).not.toContain('secret-model');
  });
  it('stay when the field reveals models', () => {
    expect(withoutHiddenModels(fields(true), generated)).toBe(generated);
  });
});
