import { describe, expect, it } from 'vitest';
import type { ModelConnection } from '../../../../core/api/models.ts';
import { bodyOf, formOf, limitsText } from './model-form.ts';

const stored: ModelConnection = {
  id: 3,
  name: 'Local',
  baseUrl: 'http://gpu:8000/v1',
  model: 'llama',
  hasApiKey: true,
  params: { temperature: 0.7, stop: ['a', 'b'], max_completion_tokens: 99 },
  concurrency: 8,
  requestsPerMinute: null,
  timeoutMs: 30_000,
  allowPrivateNetwork: true,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('the model connection form', () => {
  it('starts a new connection with the defaults and sends no key unless one is typed', () => {
    const s = formOf();
    expect(s).toMatchObject({
      keyAction: 'replace',
      concurrency: '4',
      timeoutSeconds: '60',
      requestsPerMinute: '',
    });
    expect(bodyOf({ ...s, name: 'n', baseUrl: 'u', model: 'm' }, false)).toEqual({
      name: 'n',
      baseUrl: 'u',
      model: 'm',
      params: {},
      concurrency: 4,
      requestsPerMinute: null,
      timeoutMs: 60_000,
      allowPrivateNetwork: false,
    });
    expect(bodyOf({ ...s, apiKey: 'sk-1' }, false).apiKey).toBe('sk-1');
  });

  it('edits a stored connection: keeps the key unless replaced or removed, and keeps unknown parameters', () => {
    const s = formOf(stored);
    expect(s.apiKey).toBe('');
    expect(s.params.temperature).toBe('0.7');
    expect(s.params.stop).toBe('["a","b"]');
    expect(s.timeoutSeconds).toBe('30');
    const kept = bodyOf(s, true);
    expect(kept).not.toHaveProperty('apiKey');
    expect(kept.params).toEqual({ temperature: 0.7, stop: ['a', 'b'], max_completion_tokens: 99 });
    expect(bodyOf({ ...s, keyAction: 'replace', apiKey: 'sk-2' }, true).apiKey).toBe('sk-2');
    expect(bodyOf({ ...s, keyAction: 'replace', apiKey: '' }, true)).not.toHaveProperty('apiKey');
    expect(bodyOf({ ...s, keyAction: 'remove' }, true).apiKey).toBeNull();
  });

  it('sends text that is not a number as it is, for the server to name the field', () => {
    const s = formOf(stored);
    const body = bodyOf(
      { ...s, concurrency: 'lots', params: { ...s.params, temperature: 'hot', stop: 'END' } },
      true,
    );
    expect(body.concurrency).toBe('lots');
    expect(body.params).toMatchObject({ temperature: 'hot', stop: 'END' });
  });

  it('words the limits', () => {
    expect(limitsText(stored)).toBe('8 at once, 30 s timeout');
    expect(limitsText({ ...stored, requestsPerMinute: 600 })).toBe('8 at once, 600 a minute, 30 s timeout');
  });
});
