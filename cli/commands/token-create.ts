import { CreateTokenBody, Email } from '../../core/api/users.ts';
import { defineCommand } from '../command.ts';
import { storeConfig, storeFlags } from '../config.ts';
import { CliError, UsageError } from '../errors.ts';
import { note } from '../output.ts';

export const tokenCreate = defineCommand({
  path: ['token', 'create'],
  summary: 'Create an API token for a user in the local store; it is printed once',
  flags: {
    email: { type: 'string', value: 'EMAIL', help: 'the user the token acts as', required: true },
    name: { type: 'string', value: 'NAME', help: 'a label for the token (default cli)' },
    ...storeFlags,
  },
  async run({ values }) {
    const email = Email.safeParse(values.email);
    if (!email.success) throw new UsageError(`--email: ${email.error.issues[0]?.message}`);
    const body = CreateTokenBody.safeParse({ name: values.name ?? 'cli' });
    if (!body.success) throw new UsageError(`--name: ${body.error.issues[0]?.message}`);
    const { noSuchUser, withLocalStore } = await import('../local-store.ts');
    const { createToken, findUserByEmail } = await import('../../server/local.ts');
    const config = storeConfig(values);
    const created = await withLocalStore(config, async (ctx) => {
      const user = await findUserByEmail(ctx.store.db, email.data);
      if (!user) throw noSuchUser(config, email.data);
      if (user.status !== 'active')
        throw new CliError(`${email.data} is suspended; its tokens would be refused`);
      return createToken(ctx, user.id, body.data.name);
    });
    note(
      `Created API token "${created.name}" (id ${created.id}) for ${email.data}. It is shown only this once:\n` +
        'keep it secret, and pass it as --token or VERITY_TOKEN.',
    );
    process.stdout.write(`${created.token}\n`);
    return 0;
  },
});
