import { createClient } from '../client.ts';
import { defineCommand, intFlag } from '../command.ts';
import { httpConfig, httpFlags } from '../config.ts';
import { CliError, UsageError } from '../errors.ts';
import { allPages, printJson } from '../output.ts';

export const userSuspend = defineCommand({
  path: ['user', 'suspend'],
  summary: 'Suspend a user: sessions end, tokens are refused (admin; over HTTP)',
  flags: {
    email: { type: 'string', value: 'EMAIL', help: 'the user to suspend' },
    id: { type: 'string', value: 'ID', help: 'or their user id' },
    ...httpFlags,
  },
  async run({ values }) {
    if ((values.email === undefined) === (values.id === undefined))
      throw new UsageError('give --email or --id');
    const client = createClient(httpConfig(values));
    let userId = intFlag(values.id, 'id');
    if (values.email !== undefined) {
      const email = values.email.trim().toLowerCase();
      const users = await allPages((cursor) => client.call('listUsers', { query: { cursor, limit: 500 } }));
      userId = users.find((u) => u.email === email)?.id;
      if (userId === undefined) throw new CliError(`no user with email ${email}`);
    }
    printJson(await client.call('updateUser', { params: { userId }, body: { status: 'suspended' } }));
    return 0;
  },
});
