import { createClient } from '../client.ts';
import { defineCommand } from '../command.ts';
import { httpConfig, httpFlags } from '../config.ts';
import { printJson } from '../output.ts';

export const projectFlag = {
  project: { type: 'string', value: 'ID', help: 'project id', required: true },
} as const;

export const projectShow = defineCommand({
  path: ['project', 'show'],
  summary: 'Show a project with its settings, interface and progress (JSON)',
  flags: { ...projectFlag, ...httpFlags },
  async run({ values }) {
    const client = createClient(httpConfig(values));
    printJson(await client.call('getProject', { params: { projectId: values.project } }));
    return 0;
  },
});
