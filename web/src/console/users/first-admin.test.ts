import { describe, expect, it } from 'vitest';
import { firstAdminProblems } from './first-admin.ts';

const good = { email: 'ada@example.org', name: 'Ada', password: 'correct horse', confirm: 'correct horse' };

describe('firstAdminProblems', () => {
  it('passes a filled-in form', () => {
    expect(firstAdminProblems(good)).toEqual([]);
  });

  it('names every field that is wrong, in the order of the form, at the API body paths', () => {
    expect(firstAdminProblems({ email: ' ', name: '  ', password: 'short', confirm: 'other' })).toEqual([
      { path: 'email', message: 'Enter your email address.' },
      { path: 'name', message: 'Enter your name.' },
      { path: 'password', message: 'Use at least 10 characters.' },
      { path: 'confirm', message: 'This does not match the new password.' },
    ]);
  });

  it('asks for an address with an @', () => {
    expect(firstAdminProblems({ ...good, email: 'ada.example.org' })).toEqual([
      { path: 'email', message: 'Enter an email address such as you@example.org.' },
    ]);
  });
});
