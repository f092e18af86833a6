import type { PathError } from '../pathErrors.ts';

/** A project's assessment setting as the API speaks of it (core/api/assessments.ts). */
export interface AssessmentValue {
  skill: string;
  level: 1 | 2 | 3;
  passMark: number;
  maxAttempts: number;
  cooldownHours: number;
  openToAll: boolean;
}

/** The form's draft: numbers as typed, the pass mark in percent. */
export interface AssessmentDraft {
  on: boolean;
  skill: string;
  level: string;
  passMarkPercent: string;
  maxAttempts: string;
  cooldownHours: string;
  openToAll: boolean;
}

const trim = (x: number) => String(Math.round(x * 10_000) / 100);

export function assessmentDraftOf(a: AssessmentValue | null): AssessmentDraft {
  return {
    on: a !== null,
    skill: a?.skill ?? '',
    level: String(a?.level ?? 1),
    passMarkPercent: a ? trim(a.passMark) : '70',
    maxAttempts: String(a?.maxAttempts ?? 3),
    cooldownHours: String(a?.cooldownHours ?? 24),
    openToAll: a?.openToAll ?? false,
  };
}

const numberIn = (s: string, min: number, max: number, whole: boolean) => {
  const n = Number(s);
  const ok = s.trim() !== '' && Number.isFinite(n) && n >= min && n <= max && (!whole || Number.isInteger(n));
  return ok ? n : null;
};

/**
 * The setting to send (null: the project is no assessment), or the problems in the form's words.
 * Whether the skill is in the catalogue only the server knows; it names `assessment.skill` then.
 */
export function checkAssessment(
  d: AssessmentDraft,
): { ok: true; value: AssessmentValue | null } | { ok: false; errors: PathError[] } {
  if (!d.on) return { ok: true, value: null };
  const errors: PathError[] = [];
  const skill = d.skill.trim();
  if (skill === '') errors.push({ path: 'assessment.skill', message: 'Enter the skill a pass grants.' });
  const passMark = numberIn(d.passMarkPercent, 0, 100, false);
  if (passMark === null)
    errors.push({ path: 'assessment.passMark', message: 'Enter a percentage from 0 to 100.' });
  const maxAttempts = numberIn(d.maxAttempts, 1, 100, true);
  if (maxAttempts === null)
    errors.push({ path: 'assessment.maxAttempts', message: 'Enter a whole number from 1 to 100.' });
  const cooldownHours = numberIn(d.cooldownHours, 0, 8760, false);
  if (cooldownHours === null)
    errors.push({ path: 'assessment.cooldownHours', message: 'Enter a number of hours from 0 to 8760.' });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      skill,
      level: Number(d.level) as 1 | 2 | 3,
      passMark: passMark! / 100,
      maxAttempts: maxAttempts!,
      cooldownHours: cooldownHours!,
      openToAll: d.openToAll,
    },
  };
}
