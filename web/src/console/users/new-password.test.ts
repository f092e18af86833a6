import { describe, expect, it } from 'vitest';
import { Password } from '../../../../core/api/users.ts';
import { MIN_PASSWORD_CHARS, newPasswordProblems } from './new-password.ts';

describe('newPasswordProblems', () => {
  it('passes a long enough password typed twice alike', () => {
    expect(newPasswordProblems('correct horse', 'correct horse')).toEqual([]);
  });

  it('names each field that is wrong, at its path', () => {
    expect(newPasswordProblems('short', 'shorter')).toEqual([
      { path: 'newPassword', message: 'Use at least 10 characters.' },
      { path: 'confirm', message: 'This does not match the new password.' },
    ]);
  });

  it('draws the line where the server does', () => {
    const atLimit = 'x'.repeat(MIN_PASSWORD_CHARS);
    const below = atLimit.slice(1);
    expect(Password.safeParse(atLimit).success).toBe(true);
    expect(Password.safeParse(below).success).toBe(false);
    expect(newPasswordProblems(atLimit, atLimit)).toEqual([]);
    expect(newPasswordProblems(below, below)).toHaveLength(1);
  });
});
