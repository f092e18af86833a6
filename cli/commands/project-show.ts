import { createClient } from '../client.ts';
import { defineCommand, intFlag } from '../command.ts';
import { httpConfig, httpFlags, projectFlag } from '../config.ts';
import { printJson } from '../output.ts';

export const projectShow = defineCommand({
  path: ['project', 'show'],
  summary: 'Show a project with its settings, interface and progress (JSON)',
  flags: { ...projectFlag, ...httpFlags },
  async run({ values }) {
    const client = createClient(httpConfig(values));
    printJson(await client.call('getProject', { params: { projectId: intFlag(values.project, 'project') } }));
    return 0;
  },
});
