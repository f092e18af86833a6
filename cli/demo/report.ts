import { localCommand, type StoreLocation } from '../../core/command-line.ts';
import type { DemoOutcome } from '../../server/local.ts';

/** What each demo account is for, in the words of the sign-in step. */
const PURPOSE: Record<string, string> = {
  annotator: 'does the work: compares, ranks, grades, checks and rewrites',
  manager: 'sees the projects, the work done, statistics and exports',
};

/**
 * The text `verity demo` prints: what it did, the accounts (with passwords when this run set
 * them), and how to go on. `defaultStore`: the store is the one `npm start` opens.
 */
export function demoReport(outcome: DemoOutcome, where: StoreLocation & { defaultStore: boolean }): string {
  const changed =
    outcome.projects.some((p) => p.action !== 'kept') || outcome.accounts.some((a) => a.password !== null);
  const place = where.databaseUrl ? 'the PostgreSQL store' : where.dataDir;
  const lines: string[] = [
    changed
      ? `Verity demo loaded into ${place}.`
      : `The Verity demo is already loaded in ${place}: nothing changed.`,
    '',
    'Projects',
  ];
  const nameWidth = Math.max(...outcome.projects.map((p) => p.name.length));
  for (const p of outcome.projects) {
    lines.push(
      `  ${p.action.padEnd(7)}  ${p.name.padEnd(nameWidth)}  ${String(p.items).padStart(2)} items  (project ${p.id})`,
    );
  }
  const shown = outcome.accounts.some((a) => a.password !== null);
  lines.push(
    '',
    shown ? 'Accounts (each password is shown only this once; only a hash is kept)' : 'Accounts',
  );
  const emailWidth = Math.max(...outcome.accounts.map((a) => a.email.length));
  // The tutor first: the account a newcomer signs in with.
  for (const a of [...outcome.accounts].reverse()) {
    const who = a.role === 'annotator' ? 'tutor' : a.role;
    const password = a.password ?? 'password unchanged';
    lines.push(
      `  ${who.padEnd(7)}  ${a.email.padEnd(emailWidth)}  ${password.padEnd(19)}  ${PURPOSE[a.role] ?? ''}`.trimEnd(),
    );
  }
  if (outcome.accounts.some((a) => a.password === null)) {
    const again = localCommand(where, 'demo --new-passwords');
    lines.push(`  Lost a password? New ones: ${again.command}${needs(again.needs)}`);
  }
  const start = where.defaultStore ? { command: 'npm start', needs: [] } : localCommand(where, 'start');
  lines.push(
    '',
    'Next',
    `  1. Start Verity: ${start.command}${needs(start.needs)}`,
    '  2. Open the address it prints (http://127.0.0.1:8080 by default) and sign in as the tutor;',
    "     each project's guidelines explain its task. (The demo makes no admin, so the page also",
    '     offers the first-admin setup; the sign-in form is under it.)',
    '  3. Sign in as the manager and open an item: your answers beside our answer key, which every',
    '     item already holds (filed under the annotator "Answer key").',
    '',
  );
  return lines.join('\n');
}

const needs = (list: string[]): string => (list.length > 0 ? ` (${list.join('; ')})` : '');
