import type { QuestionDefinition } from './questions/registry.ts';

type Q = QuestionDefinition;
const TUTORING = new Set(['pairwise', 'ranking', 'rubric', 'steps', 'rewrite', 'turns', 'live']);

/** Whether a question is one of the kinds over candidates and conversations. */
export const isTutoringKind = (type: string) => TUTORING.has(type);

/** Drops what only changes what people see: labels, descriptions, scale labels, comment boxes. */
function settings(q: Q): unknown {
  const { label: _l, description: _d, ...rest } = q as Q & Record<string, unknown>;
  const out: Record<string, unknown> = { ...rest };
  delete out.labels;
  delete out.comments;
  if (Array.isArray(out.criteria))
    out.criteria = (out.criteria as Record<string, unknown>[]).map(
      ({ label: _, description: __, ...c }) => c,
    );
  return out;
}

/**
 * How a change of one tutoring question's settings bears on its answers: `display` (only what
 * people see), `loosened` (every answer stays valid: ties now allowed, a justification asked from a
 * higher strength or no longer, a longer rewrite allowed, a rating widened) or `breaking` (anything
 * else, conservatively: the answers to it are listed for confirmation).
 */
export function tutoringChange(was: Q, q: Q): 'same' | 'display' | 'loosened' | 'breaking' {
  if (JSON.stringify(was) === JSON.stringify(q)) return 'same';
  const before = settings(was) as Record<string, unknown>;
  const after = settings(q) as Record<string, unknown>;
  if (JSON.stringify(before) === JSON.stringify(after)) return 'display';
  const loosened = (key: string, ok: (a: unknown, b: unknown) => boolean) => {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) return true;
    if (!ok(before[key], after[key])) return false;
    delete before[key];
    delete after[key];
    return true;
  };
  const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
  const ok =
    loosened('allowTies', (a, b) => a === false && b === true) &&
    loosened(
      'requireJustificationFrom',
      (a, b) => b === undefined || (num(a) !== undefined && num(b)! >= num(a)!),
    ) &&
    loosened('maxLength', (a, b) => num(b)! >= num(a)!) &&
    loosened('maxTurns', (a, b) => num(b)! >= num(a)!) &&
    loosened('rating', (a, b) => {
      const [x, y] = [
        a as { min: number; max: number } | undefined,
        b as { min: number; max: number } | undefined,
      ];
      return x !== undefined && y !== undefined && y.min <= x.min && y.max >= x.max;
    });
  return ok && JSON.stringify(before) === JSON.stringify(after) ? 'loosened' : 'breaking';
}
