import { Email } from '../../core/api/users.ts';
import { createClient } from '../client.ts';
import { defineCommand, intFlag } from '../command.ts';
import { httpConfig, httpFlags } from '../config.ts';
import { UsageError, validationFailed } from '../errors.ts';
import { readTextFile } from '../files.ts';
import { note, printJson } from '../output.ts';

/** The emails of a file, one a line, with their line numbers; blank lines and lines starting with # are skipped. */
export const emailsOfFile = (text: string): { email: string; line: number }[] =>
  text
    .split(/\r?\n/)
    .map((line, i) => ({ email: line.trim(), line: i + 1 }))
    .filter(({ email }) => email !== '' && !email.startsWith('#'));

/**
 * The emails as the server reads them, each checked where it was given: a malformed one is refused
 * before the call, naming its flag or its file's line (the server would name only its place in the body).
 */
function checkedEmails(given: { email: string; where: string }[]): string[] {
  const problems: { path: string; message: string }[] = [];
  const emails: string[] = [];
  for (const { email, where } of given) {
    const parsed = Email.safeParse(email);
    if (parsed.success) emails.push(parsed.data);
    else
      problems.push({ path: `${where} ${JSON.stringify(email)}`, message: parsed.error.issues[0]!.message });
  }
  if (problems.length > 0) throw validationFailed(problems);
  return emails;
}

const HELP = {
  suspend: 'Suspend users: sessions end, tokens are refused, locks go back to the pool (admin; over HTTP)',
  offboard: 'Offboard users: suspended, and their API tokens revoked for good (admin; over HTTP)',
  reinstate: 'Reinstate suspended or offboarded users (revoked tokens stay revoked; admin; over HTTP)',
} as const;

/**
 * `verity user suspend|offboard|reinstate`: one call for every user named, in one transaction
 * (docs/users.md). Prints the server's report (JSON) and a summary; exits 1 when a user was not
 * found, after the others were changed.
 */
const statusCommand = (action: keyof typeof HELP) =>
  defineCommand({
    path: ['user', action],
    summary: HELP[action],
    flags: {
      email: { type: 'string', value: 'EMAIL', multiple: true, help: 'a user, by email; repeatable' },
      id: { type: 'string', value: 'ID', multiple: true, help: 'a user, by id; repeatable' },
      file: { type: 'string', value: 'FILE', help: 'a file of emails, one a line (# starts a comment)' },
      ...httpFlags,
    },
    async run({ values }) {
      const given = (values.email ?? []).map((email) => ({ email, where: '--email' }));
      if (values.file !== undefined) {
        const file = values.file;
        for (const { email, line } of emailsOfFile(readTextFile(file, '--file')))
          given.push({ email, where: `--file ${file} line ${line}` });
      }
      const emails = checkedEmails(given);
      const userIds = (values.id ?? []).map((id) => intFlag(id, 'id')!);
      if (emails.length + userIds.length === 0) throw new UsageError('give --email, --id or --file');
      const client = createClient(httpConfig(values));
      const report = await client.call('bulkUserStatus', { body: { action, emails, userIds } });
      printJson(report);
      const missing = report.results.filter((r) => r.outcome === 'not_found').map((r) => r.target);
      note(
        `${action}: ${report.changed} changed, ${report.results.length - report.changed - missing.length} already so, ${missing.length} not found${missing.length ? ` (${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''})` : ''}; ${report.locksReleased} locks released`,
      );
      return missing.length > 0 ? 1 : 0;
    },
  });

export const userSuspend = statusCommand('suspend');
export const userOffboard = statusCommand('offboard');
export const userReinstate = statusCommand('reinstate');
