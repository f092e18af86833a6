import { roles } from '../../core/api/users.ts';
import { createClient } from '../client.ts';
import { defineCommand, enumFlag, intFlag } from '../command.ts';
import { httpConfig, httpFlags, projectFlag } from '../config.ts';
import { printJson } from '../output.ts';

export const memberAdd = defineCommand({
  path: ['member', 'add'],
  summary:
    'Add a user to a project by email, or change their project role (admins and managers; project managers use member invite)',
  flags: {
    ...projectFlag,
    email: { type: 'string', value: 'EMAIL', help: 'the user to add', required: true },
    role: { type: 'string', value: 'ROLE', help: `${roles.join('|')} (default annotator)` },
    ...httpFlags,
  },
  async run({ values }) {
    const client = createClient(httpConfig(values));
    const body = { email: values.email, role: enumFlag(values.role, 'role', roles) };
    printJson(
      await client.call('addMember', { params: { projectId: intFlag(values.project, 'project') }, body }),
    );
    return 0;
  },
});
