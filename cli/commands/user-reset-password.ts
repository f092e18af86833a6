import { Email } from '../../core/api/users.ts';
import { defineCommand } from '../command.ts';
import { storeConfig, storeFlags } from '../config.ts';
import { UsageError } from '../errors.ts';
import { note } from '../output.ts';

export const userResetPassword = defineCommand({
  path: ['user', 'reset-password'],
  summary: 'Make a one-time password reset link for a user in the local store; it is printed once',
  flags: {
    email: { type: 'string', value: 'EMAIL', help: 'the user whose password is reset', required: true },
    url: {
      type: 'string',
      value: 'URL',
      help: 'the address people open Verity at, for the link (env VERITY_PUBLIC_URL, then VERITY_URL, default http://localhost:8080)',
    },
    ...storeFlags,
  },
  async run({ values }) {
    const email = Email.safeParse(values.email);
    if (!email.success) throw new UsageError(`--email: ${email.error.issues[0]?.message}`);
    const origin = originOf(
      values.url ?? process.env.VERITY_PUBLIC_URL ?? process.env.VERITY_URL ?? 'http://localhost:8080',
    );
    const { noSuchUser, withLocalStore } = await import('../local-store.ts');
    const { createPasswordReset, findUserByEmail } = await import('../../server/local.ts');
    const config = storeConfig(values);
    const link = await withLocalStore(config, async (ctx) => {
      const user = await findUserByEmail(ctx.store.db, email.data);
      if (!user) throw noSuchUser(config, email.data);
      return createPasswordReset(ctx, null, user.id, origin);
    });
    note(
      `Password reset link for ${email.data}, valid until ${link.expiresAt} (24 hours). It is shown only this once:\n` +
        'hand it over privately. It works once; a newer link, or suspending the account, voids it.',
    );
    process.stdout.write(`${link.url}\n`);
    return 0;
  },
});

/** `https://verity.example.org/any/path` → `https://verity.example.org`. */
function originOf(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--url must be an address such as https://verity.example.org, not "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`--url must start with http:// or https://, not "${value}"`);
  return url.origin;
}
