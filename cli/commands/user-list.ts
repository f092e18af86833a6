import { createClient } from '../client.ts';
import { defineCommand } from '../command.ts';
import { httpConfig, httpFlags } from '../config.ts';
import { allPages, printJson } from '../output.ts';

export const userList = defineCommand({
  path: ['user', 'list'],
  summary: 'List all users (admin, manager; over HTTP)',
  flags: { ...httpFlags },
  async run({ values }) {
    const client = createClient(httpConfig(values));
    printJson(await allPages((cursor) => client.call('listUsers', { query: { cursor, limit: 500 } })));
    return 0;
  },
});
