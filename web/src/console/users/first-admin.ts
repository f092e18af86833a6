import type { PathError } from '../pathErrors.ts';
import { newPasswordProblems } from './new-password.ts';

export interface FirstAdminForm {
  email: string;
  name: string;
  password: string;
  confirm: string;
}

/**
 * What is wrong with the first-run setup form, at the paths of the API's body (`email`, `name`,
 * `password`) and `confirm`, in the form's order; none when it may be sent. The server checks
 * the same and more (an email's shape in full, invisible characters in a name).
 */
export function firstAdminProblems(form: FirstAdminForm): PathError[] {
  const problems: PathError[] = [];
  if (form.email.trim() === '') problems.push({ path: 'email', message: 'Enter your email address.' });
  else if (!/^[^\s@]+@[^\s@]+$/.test(form.email.trim()))
    problems.push({ path: 'email', message: 'Enter an email address such as you@example.org.' });
  if (form.name.trim() === '') problems.push({ path: 'name', message: 'Enter your name.' });
  for (const p of newPasswordProblems(form.password, form.confirm))
    problems.push(p.path === 'newPassword' ? { ...p, path: 'password' } : p);
  return problems;
}
