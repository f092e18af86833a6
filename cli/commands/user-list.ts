import { createClient } from '../client.ts';
import { defineCommand } from '../command.ts';
import { httpConfig, httpFlags } from '../config.ts';
import { allPages, printJson } from '../output.ts';

export const userList = defineCommand({
  path: ['user', 'list'],
  summary: 'List all users, or those whose name or email contains --search (admin, manager; over HTTP)',
  flags: {
    search: {
      type: 'string',
      value: 'TEXT',
      help: 'only users whose name or email contains TEXT (any case)',
    },
    ...httpFlags,
  },
  async run({ values }) {
    const client = createClient(httpConfig(values));
    const q = values.search ? { q: values.search } : {};
    printJson(await allPages((cursor) => client.call('listUsers', { query: { cursor, limit: 500, ...q } })));
    return 0;
  },
});
