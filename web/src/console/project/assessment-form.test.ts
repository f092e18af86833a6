import { describe, expect, it } from 'vitest';
import { assessmentDraftOf, checkAssessment } from './assessment-form.ts';

describe('the assessment settings form', () => {
  it('reads a setting back into the same setting, the pass mark in percent', () => {
    const setting = {
      skill: 'math.algebra',
      level: 2 as const,
      passMark: 0.755,
      maxAttempts: 4,
      cooldownHours: 1.5,
      openToAll: true,
    };
    const draft = assessmentDraftOf(setting);
    expect(draft.passMarkPercent).toBe('75.5');
    expect(checkAssessment(draft)).toEqual({ ok: true, value: setting });
  });

  it('sends null when switched off, and names each field it refuses', () => {
    expect(checkAssessment({ ...assessmentDraftOf(null), on: false })).toEqual({ ok: true, value: null });
    const bad = checkAssessment({
      ...assessmentDraftOf(null),
      on: true,
      skill: ' ',
      passMarkPercent: '101',
      maxAttempts: '1.5',
      cooldownHours: '-1',
    });
    expect(bad.ok ? [] : bad.errors.map((e) => e.path)).toEqual([
      'assessment.skill',
      'assessment.passMark',
      'assessment.maxAttempts',
      'assessment.cooldownHours',
    ]);
  });
});
