import { createClient } from '../client.ts';
import { defineCommand } from '../command.ts';
import { httpConfig, httpFlags } from '../config.ts';
import { allPages, printJson } from '../output.ts';

export const projectList = defineCommand({
  path: ['project', 'list'],
  summary: 'List the projects you can see (JSON array)',
  flags: { ...httpFlags },
  async run({ values }) {
    const client = createClient(httpConfig(values));
    printJson(await allPages((cursor) => client.call('listProjects', { query: { cursor, limit: 500 } })));
    return 0;
  },
});
