import { createClient } from '../client.ts';
import { defineCommand, intFlag } from '../command.ts';
import { httpConfig, httpFlags, projectFlag } from '../config.ts';
import { printJson } from '../output.ts';

export const memberList = defineCommand({
  path: ['member', 'list'],
  summary: "List a project's members (JSON array)",
  flags: { ...projectFlag, ...httpFlags },
  async run({ values }) {
    const client = createClient(httpConfig(values));
    const { items } = await client.call('listMembers', {
      params: { projectId: intFlag(values.project, 'project') },
    });
    printJson(items);
    return 0;
  },
});
