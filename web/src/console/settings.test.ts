import { describe, expect, it } from 'vitest';
import { checkSettings, defaultSettings, minutesOf } from './settings.ts';

const lockOf = (lock: string) => checkSettings({ ...defaultSettings, name: 'P', lock });

describe('the lock time, in minutes', () => {
  it('is sent in seconds', () => {
    expect(lockOf('10')).toMatchObject({ ok: true, value: { lockTtlSeconds: 600 } });
    expect(lockOf('0.5')).toMatchObject({ ok: true, value: { lockTtlSeconds: 30 } });
    expect(lockOf('1440')).toMatchObject({ ok: true, value: { lockTtlSeconds: 86_400 } });
  });

  it('is refused outside 30 seconds to 24 hours, in minutes', () => {
    for (const lock of ['0.4', '1441', '', 'ten']) {
      expect(lockOf(lock)).toEqual({
        ok: false,
        errors: [
          {
            path: 'lockTtlSeconds',
            message: 'Enter a lock time in minutes, from 0.5 (30 seconds) to 1440 (24 hours).',
          },
        ],
      });
    }
  });

  it('shows any number of seconds the API allows as minutes that give it back', () => {
    for (let seconds = 30; seconds <= 86_400; seconds += 7) {
      const r = lockOf(minutesOf(seconds));
      expect(r.ok && r.value.lockTtlSeconds).toBe(seconds);
    }
    expect(minutesOf(600)).toBe('10');
    expect(minutesOf(45)).toBe('0.75');
  });
});

describe('the suggestions setting', () => {
  const of = (suggestionsMode: 'off' | 'agent' | 'best', suggestionsAgent = '') =>
    checkSettings({ ...defaultSettings, name: 'P', suggestionsMode, suggestionsAgent });
  it('sends the mode, and the agent only in mode agent', () => {
    expect(of('best', 'ignored')).toMatchObject({ ok: true, value: { suggestions: { mode: 'best' } } });
    expect(of('agent', ' gpt-x ')).toMatchObject({
      ok: true,
      value: { suggestions: { mode: 'agent', agent: 'gpt-x' } },
    });
  });
  it('asks for the agent in mode agent', () => {
    expect(of('agent', ' ')).toEqual({
      ok: false,
      errors: [{ path: 'suggestions.agent', message: 'Name the agent whose suggestions annotators see.' }],
    });
  });
  it('defaults to the best-scored suggestion for a form kept from before the setting', () => {
    const { suggestionsMode: _, suggestionsAgent: __, ...old } = defaultSettings;
    expect(checkSettings({ ...old, name: 'P' })).toMatchObject({
      ok: true,
      value: { suggestions: { mode: 'best' } },
    });
  });
});

describe('the review setting', () => {
  const of = (reviewMode: 'none' | 'sample' | 'all', reviewPercent: string) =>
    checkSettings({ ...defaultSettings, name: 'P', reviewMode, reviewPercent });

  it('sends the percent only for a sample, and needs a whole 1..100 for it', () => {
    expect(of('none', 'x')).toMatchObject({ ok: true, value: { review: { mode: 'none' } } });
    expect(of('all', '10')).toMatchObject({ ok: true, value: { review: { mode: 'all' } } });
    expect(of('sample', '25')).toMatchObject({
      ok: true,
      value: { review: { mode: 'sample', percent: 25 } },
    });
    for (const bad of ['0', '101', '2.5', ''])
      expect(of('sample', bad)).toMatchObject({ ok: false, errors: [{ path: 'review.percent' }] });
  });
});

describe('the adaptive overlap setting', () => {
  const of = (adaptive: boolean, adaptiveMax: string, adaptiveThreshold: string, overlap = '2') =>
    checkSettings({ ...defaultSettings, name: 'P', overlap, adaptive, adaptiveMax, adaptiveThreshold });

  it('sends null when off, the maximum and threshold when on', () => {
    expect(of(false, 'x', 'y')).toMatchObject({ ok: true, value: { adaptiveOverlap: null } });
    expect(of(true, '4', '0.25')).toMatchObject({
      ok: true,
      value: { overlap: 2, adaptiveOverlap: { max: 4, threshold: 0.25 } },
    });
  });

  it('needs a whole maximum above the overlap and a threshold from 0 to 1', () => {
    for (const bad of ['2', '1', '3.5', '', '101'])
      expect(of(true, bad, '0.3')).toMatchObject({ ok: false, errors: [{ path: 'adaptiveOverlap.max' }] });
    for (const bad of ['-0.1', '1.5', '', 'x'])
      expect(of(true, '4', bad)).toMatchObject({
        ok: false,
        errors: [{ path: 'adaptiveOverlap.threshold' }],
      });
  });
});
